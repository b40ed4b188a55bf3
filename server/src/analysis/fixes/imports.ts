// Adds an import the way gofmt would leave it: sorted into the first import group.
import { childByField, nodeText, type SourceFile, type SyntaxNode } from '../syntax';
import type { TextEdit } from '../types';
import { eolOf } from './layout';

export function hasImport(file: SourceFile, path: string): boolean {
  return importSpecs(file).some((s) => specPath(file, s) === path && !childByField(s, 'name'));
}

/** The names the file's imports are used by: the alias, or the path's last element (`yaml.v3` as `yaml`). */
export function importedNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const spec of importSpecs(file)) {
    const alias = childByField(spec, 'name');
    if (alias) names.add(nodeText(file, alias));
    else names.add(specPath(file, spec).split('/').pop()!.replace(/\.v\d+$/, '').replace(/^go-/, ''));
  }
  return names;
}

export function importSpecs(file: SourceFile): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const decl of file.root.children) {
    if (decl.type !== 'import_declaration') continue;
    for (const c of decl.children) {
      if (c.type === 'import_spec') out.push(c);
      if (c.type === 'import_spec_list') out.push(...c.children.filter((s) => s.type === 'import_spec'));
    }
  }
  return out;
}

export function specPath(file: SourceFile, spec: SyntaxNode): string {
  const p = childByField(spec, 'path');
  return p ? nodeText(file, p).slice(1, -1) : '';
}

const at = (node: SyntaxNode, end = false) => {
  const p = end ? node.endPoint : node.startPoint;
  return { line: p.row, character: p.column };
};

export function addImportEdit(file: SourceFile, path: string): TextEdit | undefined {
  if (hasImport(file, path)) return undefined;
  const eol = eolOf(file.text);
  const decls = file.root.children.filter((c) => c.type === 'import_declaration');
  const list = decls.map((d) => d.children.find((c) => c.type === 'import_spec_list')).find(Boolean);
  if (list) {
    const specs = list.children.filter((s) => s.type === 'import_spec');
    // The first group: specs up to the first blank line.
    const group: SyntaxNode[] = [];
    for (const s of specs) {
      const prev = group[group.length - 1];
      if (prev && s.startPoint.row > prev.endPoint.row + 1) break;
      group.push(s);
    }
    const next = group.find((s) => specPath(file, s) > path);
    if (next) {
      const pos = { line: next.startPoint.row, character: 0 };
      return { file: file.path, range: { start: pos, end: pos }, newText: `\t"${path}"${eol}` };
    }
    const last = group[group.length - 1];
    if (!last) return undefined;
    return { file: file.path, range: { start: at(last, true), end: at(last, true) }, newText: `${eol}\t"${path}"` };
  }
  const single = decls[0];
  if (single) {
    const spec = single.children.find((c) => c.type === 'import_spec');
    if (!spec) return undefined;
    const specs = [nodeText(file, spec), `"${path}"`].sort((a, b) => specKey(a).localeCompare(specKey(b)));
    return {
      file: file.path,
      range: { start: at(single), end: at(single, true) },
      newText: `import (${eol}${specs.map((s) => `\t${s}${eol}`).join('')})`,
    };
  }
  const pkg = file.root.children.find((c) => c.type === 'package_clause');
  if (!pkg) return undefined;
  return { file: file.path, range: { start: at(pkg, true), end: at(pkg, true) }, newText: `${eol}${eol}import "${path}"` };
}

function specKey(spec: string): string {
  return /"[^"]*"/.exec(spec)?.[0] ?? spec;
}
