// Quick fix "Convert `m` to sync.Map": the declaration and every use in the package, in one fix whose
// edits may span several files. Guarding with a mutex stays the default; the conversion is preferred
// only where sync.Map fits the uses (see preferConversion). Not offered when a use has no sync.Map
// equivalent; planSyncMapConversion says why.
import { childByField, enclosingFunction, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Fix, TextEdit } from '../types';
import type { Access } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import type { PackageModel } from '../model/packageModel';
import { lineStarts } from '../textEdits';
import { addImportEdit, hasImport, importedNames } from './imports';
import { freshIdentifier, localDeclaration } from './goScope';
import { classifyType, constantNames } from './goTypes';
import { commentRows, lineStart } from './layout';
import { rewriteUses, type Piece, type UseFact } from './syncMapRewrite';
import { describeTarget, findUses, initProblem, type FieldInit, type MapTarget } from './syncMapTarget';

export interface ConvertOptions {
  /** The module's `go` version (`1.19`): `any` from 1.18 on, `interface{}` when older or unknown. */
  goVersion?: string;
}

const planned = new WeakMap<PackageModel, Map<string, Fix | undefined>>();

/**
 * `accesses`: every access of the map the analysis saw (for the locks already held around it). Two rules
 * may ask for one map's conversion: it is planned once per package model.
 */
export function convertToSyncMap(v: VarDecl, model: PackageModel, accesses: readonly Access[], options: ConvertOptions = {}): Fix | undefined {
  let byMap = planned.get(model);
  if (!byMap) planned.set(model, (byMap = new Map()));
  const key = `${v.id}:${options.goVersion ?? ''}`;
  if (byMap.has(key)) return byMap.get(key);
  let fix: Fix | undefined;
  try {
    const plan = planSyncMapConversion(v, model, accesses, options);
    fix = typeof plan === 'string' ? undefined : plan;
  } catch {
    // Half-typed code may break an assumption above: no fix rather than a failed analysis.
    fix = undefined;
  }
  byMap.set(key, fix);
  return fix;
}

/** The fix, or the reason it is not offered. */
export function planSyncMapConversion(v: VarDecl, model: PackageModel, accesses: readonly Access[], options: ConvertOptions = {}): Fix | string {
  if (model.files.some((f) => f.root.hasError)) return 'a file of the package has syntax errors';
  const target = describeTarget(v, model);
  if (typeof target === 'string') return target;
  const key = classifyType(target.typeFile, target.key, model);
  if (typeof key === 'string') return `the key: ${key}`;
  const value = classifyType(target.typeFile, target.value, model);
  if (typeof value === 'string') return `the value: ${value}`;
  const found = findUses(target, model);
  if (typeof found === 'string') return found;
  if (found.uses.length === 0) return 'the map is not used';

  const taken = new Map<SyntaxNode, Set<string>>();
  const consts = constantNames(model.files);
  const rewritten = rewriteUses(found.uses, {
    key,
    value,
    anyType: hasAny(options.goVersion) ? 'any' : 'interface{}',
    exprContext: (file) => ({ file, consts, imports: importedNames(file) }),
    fresh: (file, at, base) => freshIdentifier(file, at, base, taken),
  });
  if (typeof rewritten === 'string') return rewritten;

  const pieces = new Map(rewritten.pieces);
  const add = (file: SourceFile, p: Piece) => pieces.set(file, [...(pieces.get(file) ?? []), p]);
  const decl = declarationPiece(target);
  if (typeof decl === 'string') return decl;
  add(target.file, decl);
  for (const init of found.inits) {
    const removal = initRemoval(init, target);
    if (typeof removal === 'string') return removal;
    add(init.file, removal);
  }
  for (const list of pieces.values()) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.end) return 'the declaration overlaps a use';
  }

  const edits: TextEdit[] = [];
  for (const [file, list] of pieces) edits.push(...toTextEdits(file, list));
  const imports = importEdits(target, pieces, rewritten.qualifiers, [...key.qualifiers, ...value.qualifiers]);
  if (typeof imports === 'string') return imports;
  edits.push(...imports);
  const preferred = preferConversion(rewritten.facts, accesses);
  return { title: `Convert \`${target.title}\` to sync.Map`, preferred, edits };
}

function hasAny(goVersion: string | undefined): boolean {
  const m = goVersion && /^(?:go)?1\.(\d+)/.exec(goVersion);
  return !!m && Number(m[1]) >= 18;
}

/**
 * Preferred over the mutex only where sync.Map is the better fit, by a rule a reviewer can check: nothing
 * deletes from the map, no lock is held around it anywhere (a locked map asks for its lock), and each
 * goroutine stores under its own key (a parameter of the `go func(k K) {...}(k)` it runs in) without
 * reading that key first in the same function.
 */
function preferConversion(facts: readonly UseFact[], accesses: readonly Access[]): boolean {
  if (facts.some((f) => f.kind === 'delete') || accesses.some((a) => a.locks.length > 0)) return false;
  const stores = facts.filter((f) => f.kind === 'store');
  if (stores.length === 0) return false;
  return stores.every((s) => {
    const fn = enclosingFunction(s.node);
    const keyText = s.key && nodeText(s.file, s.key);
    const readFirst = facts.some(
      (f) => (f.kind === 'range' || (f.kind === 'load' && f.key && nodeText(f.file, f.key) === keyText)) && enclosingFunction(f.node) === fn,
    );
    return !readFirst && !!s.key && ownKey(s.file, s.key);
  });
}

/** `k` in `go func(k K) { m.Store(k, v) }(k)`: each goroutine's own key. */
function ownKey(file: SourceFile, key: SyntaxNode): boolean {
  if (key.type !== 'identifier') return false;
  const decl = localDeclaration(file, key, nodeText(file, key));
  const params = decl?.parent?.parent;
  const lit = params?.field === 'parameters' ? params.parent : undefined;
  return decl?.parent?.type === 'parameter_declaration' && lit?.type === 'func_literal' && lit.field === 'function' && lit.parent?.parent?.type === 'go_statement';
}

function declarationPiece(t: MapTarget): Piece | string {
  const file = t.file;
  const p = t.node.parent!;
  const rows = commentRows(file);
  const row = t.node.startPoint.row;
  const crowded = rows.has(row) && (rows.has(row - 1) || rows.has(row + 1));
  if (t.kind === 'field') {
    const type = childByField(p, 'type')!;
    const decorated = (r: number) => rows.has(r) || namedChildren(p.parent!).some((f) => f.startPoint.row === r && !!childByField(f, 'tag'));
    if (rows.has(row) && (decorated(row - 1) || decorated(row + 1))) return `the comment on the field is aligned with its neighbours' (gofmt would move them)`;
    return { start: type.start, end: type.end, text: 'sync.Map' };
  }
  if (p.type === 'var_spec') {
    let decl: SyntaxNode | null = p.parent;
    while (decl && decl.type !== 'var_declaration') decl = decl.parent;
    if (!decl) return 'its declaration is not one the fix can rewrite';
    if (isGrouped(file, decl)) {
      // gofmt aligns a var block in columns; replacing `= value` with the type keeps them only when no
      // spec has both a type and a value and nothing carries a comment.
      const specs: SyntaxNode[] = [];
      let comments = false;
      walk(decl, (n) => {
        if (n.type === 'var_spec') specs.push(n);
        if (n.type === 'comment') comments = true;
        return n.type !== 'var_spec';
      });
      const plain = specs.every((s) => !!childByField(s, 'type') !== !!childByField(s, 'value'));
      if (!plain || comments || p.startPoint.row !== p.endPoint.row) return 'gofmt would realign its var block';
      const from = childByField(p, 'type') ?? p.children.find((c) => c.type === '=')!;
      return { start: from.start, end: p.end, text: 'sync.Map' };
    }
    if (crowded) return 'the comment on its declaration is aligned with its neighbours\' (gofmt would move them)';
    return { start: t.node.end, end: p.end, text: ' sync.Map' };
  }
  const stmt = p.parent!;
  if (!stmt.parent || !['block', 'expression_case', 'default_case', 'communication_case', 'type_case'].includes(stmt.parent.type)) return 'it is declared where `var` cannot stand';
  if (crowded) return 'the comment on its declaration is aligned with its neighbours\' (gofmt would move them)';
  return { start: stmt.start, end: stmt.end, text: `var ${t.name} sync.Map` };
}

/** `var ( ... )`: told by the text, as the copy has no parentheses (toSyntax drops punctuation). */
function isGrouped(file: SourceFile, decl: SyntaxNode): boolean {
  const specs = decl.children.filter((c) => c.type === 'var_spec' || c.type === 'var_spec_list');
  const last = specs[specs.length - 1];
  return !last || last.type === 'var_spec_list' || file.text.slice(last.end, decl.end).includes(')');
}

/** `T{f: map[K]V{}, g: 1}` loses `f: map[K]V{}`: a sync.Map's zero value is ready to use. */
function initRemoval(init: FieldInit, t: MapTarget): Piece | string {
  const { file, element, literal } = init;
  const valueElement = namedChildren(element)[1];
  const value = valueElement && namedChildren(valueElement)[0];
  const where = `${file.path.split(/[\\/]/).pop()}:${element.startPoint.row + 1}`;
  if (!value) return `an initial value of ${t.title} is incomplete (${where})`;
  const why = initProblem(file, value);
  if (why) return `an initial value of ${t.title}: ${why.replace(/^its /, 'the ')} (${where})`;
  if (literal.children.some((c) => c.type === 'comment')) return `a literal of ${t.struct!.name} has comments (${where})`;
  const elements = namedChildren(literal);
  const i = elements.indexOf(element);
  if (elements.length === 1) return { start: literal.start + 1, end: literal.end - 1, text: '' };
  if (literal.startPoint.row === literal.endPoint.row) {
    return i < elements.length - 1 ? { start: element.start, end: elements[i + 1]!.start, text: '' } : { start: elements[i - 1]!.end, end: element.end, text: '' };
  }
  // One element a line: gofmt aligns the values; removing one keeps the rest only if none is padded.
  const text = file.text;
  const rest = text.slice(element.end, text.indexOf('\n', element.end) < 0 ? text.length : text.indexOf('\n', element.end));
  const rows = commentRows(file);
  const r = element.startPoint.row;
  if (!/^[ \t]*$/.test(text.slice(lineStart(file, element.start), element.start)) || !/^,[ \t]*\r?$/.test(rest) || element.startPoint.row !== element.endPoint.row) {
    return `an initial value of ${t.title} shares its line (${where})`;
  }
  if (rows.has(r - 1) && rows.has(r + 1)) return `removing an initial value of ${t.title} would align two comments (${where})`;
  const padded = elements.some((e) => e !== element && e.type === 'keyed_element' && /:[ \t]{2,}/.test(nodeText(file, e).slice(0, nodeText(file, namedChildren(e)[0]!).length + 4)));
  if (padded) return `removing an initial value of ${t.title} would realign the literal (${where})`;
  const next = text.indexOf('\n', element.end);
  return { start: lineStart(file, element.start), end: next < 0 ? text.length : next + 1, text: '' };
}

function toTextEdits(file: SourceFile, pieces: readonly Piece[]): TextEdit[] {
  const starts = lineStarts(file.text);
  const at = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo]! };
  };
  return pieces.map((p) => ({ file: file.path, range: { start: at(p.start), end: at(p.end) }, newText: p.text }));
}

/** Import specs by the name they are used by: path and whether it is aliased. */
function importsOf(file: SourceFile): Map<string, { path: string; aliased: boolean }> {
  const out = new Map<string, { path: string; aliased: boolean }>();
  walk(file.root, (n) => {
    if (n.type === 'import_spec') {
      const path = nodeText(file, childByField(n, 'path') ?? n).slice(1, -1);
      const alias = childByField(n, 'name');
      out.set(alias ? nodeText(file, alias) : path.split('/').pop()!, { path, aliased: !!alias });
      return false;
    }
    return n.type === 'source_file' || n.type === 'import_declaration' || n.type === 'import_spec_list';
  });
  return out;
}

/**
 * `sync` in the declaration's file; the packages the key and value types name in files whose new
 * assertions spell them; and no import left unused where the old map type was its last use.
 */
function importEdits(t: MapTarget, pieces: Map<SourceFile, Piece[]>, used: Map<SourceFile, Set<string>>, typeQualifiers: readonly string[]): TextEdit[] | string {
  const typeImports = importsOf(t.typeFile);
  const needs = new Map<SourceFile, string[]>();
  if (!hasImport(t.file, 'sync')) needs.set(t.file, ['sync']);
  for (const [file, qualifiers] of used) {
    const own = importsOf(file);
    for (const q of qualifiers) {
      const want = typeImports.get(q);
      if (!want || want.aliased) return `the package \`${q}\` of the map's type is imported under another name`;
      const have = own.get(q);
      if (have && have.path !== want.path) return `\`${q}\` names another package in ${file.path.split(/[\\/]/).pop()}`;
      if (!have) needs.set(file, [...(needs.get(file) ?? []), want.path]);
    }
  }
  for (const [file, list] of pieces) {
    const own = importsOf(file);
    for (const q of new Set(typeQualifiers)) {
      if (!own.has(q) || used.get(file)?.has(q)) continue;
      if (!usedOutside(file, q, list)) return `the import of \`${q}\` in ${file.path.split(/[\\/]/).pop()} would be left unused`;
    }
  }
  const edits: TextEdit[] = [];
  for (const [file, paths] of needs) {
    // Two imports added at once could both be written at one place: keep to one per file.
    if (paths.length > 1) return `${file.path.split(/[\\/]/).pop()} would need ${paths.length} new imports`;
    const edit = addImportEdit(file, paths[0]!);
    if (edit) edits.push(edit);
  }
  return edits;
}

/** Does the file still name package `q` once the pieces are applied? */
function usedOutside(file: SourceFile, q: string, pieces: readonly Piece[]): boolean {
  const named = new RegExp(`\\b${q}\\s*\\.`);
  if (pieces.some((p) => named.test(p.generated ?? p.text))) return true;
  let found = false;
  walk(file.root, (n) => {
    if (found || n.type === 'import_declaration') return false;
    const pkg = n.type === 'qualified_type' ? childByField(n, 'package') : n.type === 'selector_expression' ? childByField(n, 'operand') : undefined;
    if (pkg && nodeText(file, pkg) === q) {
      const inside = pieces.find((p) => p.start <= pkg.start && pkg.end <= p.end);
      if (!inside || inside.kept?.some(([s, e]) => s <= pkg.start && pkg.end <= e)) found = true;
    }
    return !found;
  });
  return found;
}
