// Files of one directory grouped by their `package` clause: `foo_test` external tests are their own package.
import type { SourceFile } from './syntax';

export function packageName(file: SourceFile): string {
  const clause = file.root.children.find((c) => c.type === 'package_clause');
  return clause ? file.text.slice(clause.start, clause.end).replace(/^package\s+/, '').trim() : '';
}

export function splitByPackageClause(files: readonly SourceFile[]): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const f of files) {
    const name = packageName(f);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(f);
  }
  return [...groups.values()];
}

/**
 * The package a Go file declares, read from its text without parsing it: the first `package` clause
 * after comments and space. Undefined when the text does not start that way (a broken file).
 */
export function declaredPackage(text: string): string | undefined {
  return /^\uFEFF?(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*package\s+([\p{L}_][\p{L}\p{Nd}_]*)/u.exec(text)?.[1];
}
