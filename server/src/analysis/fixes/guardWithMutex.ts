// Quick fix "Guard `m` with a mutex": lock around every racy access of one map, reusing a mutex
// that already guards it elsewhere or declaring one next to the map. Edits are gofmt-shaped
// (tabs, one statement a line) so the result stays gofmt-clean on gofmt-clean input.
import { childByField, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Fix, TextEdit } from '../types';
import type { Access } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import { addImportEdit, importedNames } from './imports';
import { lineIndent, eolOf } from './layout';

const STATEMENT_LISTS = new Set(['block', 'expression_case', 'default_case', 'communication_case', 'type_case']);
/** Calls that cannot reach this package's code, so cannot take the mutex again (`panic` would leave it held). */
const HARMLESS_BUILTINS = new Set([
  'append', 'cap', 'clear', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'real',
  'bool', 'byte', 'complex64', 'complex128', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64',
  'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);
/** Code that blocks or leaves the statement: wrapping it in a lock could deadlock or skip the unlock. */
const UNSAFE_INSIDE = new Set(['go_statement', 'send_statement', 'goto_statement', 'select_statement', 'defer_statement']);

interface Site {
  stmt: SyntaxNode;
  file: SourceFile;
}

/** `racy`: every access of `v` that takes part in a race; `all`: every access of `v` seen. */
export function guardWithMutex(v: VarDecl, racy: readonly Access[], all: readonly Access[]): Fix | undefined {
  // Struct fields (`T.f`) and inner maps need the mutex spelled per site (`c.mu`): issue 4.
  if (!/^[A-Za-z_]\w*$/.test(v.name)) return undefined;
  const mutex = reusableMutex(v, all);
  const mutexName = mutex ? mutex.name : freshName(`${v.name}Mu`, v.file);
  const unguarded = racy.filter((a) => !a.locks.some((l) => l.mutex === mutex && mutex && !l.read));
  if (unguarded.length === 0) return undefined;
  // Code that some caller already runs under the mutex (a `fooLocked` helper) would deadlock if it locked too.
  if (mutex && unguarded.some((a) => all.some((b) => b.node === a.node && b.locks.some((l) => l.mutex === mutex)))) return undefined;
  // A local map whose accesses reach into other functions needs a mutex they can all name.
  const packageLevel = !mutex && (v.global || unguarded.some((a) => !withinDeclaringFunction(v, a)));

  const sites = new Map<SyntaxNode, Site>();
  for (const a of unguarded) {
    const stmt = enclosingStatement(a.node);
    if (!stmt || !safeToWrap(stmt, a.file, mutexName)) return undefined;
    sites.set(stmt, { stmt, file: a.file });
  }
  const outermost = [...sites.values()].filter(
    (s) => ![...sites.values()].some((o) => o !== s && o.file === s.file && o.stmt.start <= s.stmt.start && s.stmt.end <= o.stmt.end),
  );

  const edits: TextEdit[] = [];
  if (!mutex) {
    const decl = declareMutex(v, mutexName, packageLevel);
    if (!decl) return undefined;
    edits.push(decl);
    const imp = addImportEdit(v.file, 'sync');
    if (imp) edits.push(imp);
  }
  const byBlock = new Map<SyntaxNode, Site[]>();
  for (const s of outermost) {
    const list = byBlock.get(s.stmt.parent!) ?? [];
    list.push(s);
    byBlock.set(s.stmt.parent!, list);
  }
  for (const [block, blockSites] of byBlock) {
    const file = blockSites[0].file;
    if (block.startPoint.row === block.endPoint.row && block.type === 'block') {
      const edit = rewriteOneLineBlock(block, file, new Set(blockSites.map((s) => s.stmt)), mutexName);
      if (!edit) return undefined;
      edits.push(edit);
    } else {
      for (const s of blockSites) {
        if (!aloneOnItsLines(s.stmt, file)) return undefined;
        edits.push(...wrapStatement(s.stmt, file, mutexName));
      }
    }
  }
  const title = mutex
    ? `Guard \`${v.name}\` with ${mutexName}.Lock()`
    : `Guard \`${v.name}\` with a new ${packageLevel && !v.global ? 'package-level ' : ''}sync.Mutex`;
  // Safe to apply unreviewed (fix-all on save) when the edits only add lock and unlock lines, the mutex
  // declaration and the `sync` import (a one-line block split into lines included), the mutex is not a new
  // package-level one for a local map (that serialises every call: a design choice), and the locked
  // statements call nothing of this package (which could lock the mutex again and deadlock): only
  // builtins, conversions and other packages' functions.
  const safe = !(packageLevel && !v.global) && outermost.every((s) => !callsPackageCode(s.stmt, s.file));
  return { title, preferred: true, safe, edits };
}

/** A plain mutex variable already held (in write mode) at some access of the map. */
function reusableMutex(v: VarDecl, all: readonly Access[]): VarDecl | undefined {
  const counts = new Map<VarDecl, number>();
  for (const a of all) {
    for (const l of a.locks) {
      if (l.mutex && !l.read && livesAsLongAs(l.mutex, v)) counts.set(l.mutex, (counts.get(l.mutex) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** One mutex instance for the map's whole life: not declared in a narrower loop or function. */
function livesAsLongAs(mutex: VarDecl, v: VarDecl): boolean {
  if (mutex.global) return true;
  if (v.global || mutex.file !== v.file) return false;
  for (let p = mutex.node.parent; p; p = p.parent) {
    const holdsMap = p.start <= v.node.start && v.node.start < p.end;
    if (holdsMap) return true;
    if (p.type === 'for_statement' || p.type === 'func_literal') return false;
  }
  return false;
}

function freshName(base: string, file: SourceFile): string {
  const used = new Set(file.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  return name;
}

function functionOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration') return p;
  }
  return undefined;
}

function withinDeclaringFunction(v: VarDecl, a: Access): boolean {
  const fn = functionOf(v.node);
  return !!fn && a.file === v.file && fn.start <= a.node.start && a.node.end <= fn.end;
}

function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n && n.parent; n = n.parent) {
    if (n.type === 'func_literal') return undefined;
    if (STATEMENT_LISTS.has(n.parent.type) && !n.field && n.named && n.type !== 'comment') return n;
  }
  return undefined;
}

function safeToWrap(stmt: SyntaxNode, file: SourceFile, mutexName: string): boolean {
  if (stmt.type === 'go_statement' || stmt.type === 'defer_statement' || stmt.type === 'labeled_statement') return false;
  if (stmt.hasError) return false;
  const isLoop = stmt.type === 'for_statement';
  let ok = true;
  walk(stmt, (n) => {
    if (!ok || n.type === 'func_literal') return false;
    if (UNSAFE_INSIDE.has(n.type)) ok = false;
    else if (n.type === 'return_statement' && n !== stmt) ok = false;
    else if ((n.type === 'break_statement' || n.type === 'continue_statement') && (!isLoop || namedChildren(n).length > 0)) ok = false;
    else if (n.type === 'unary_expression' && n.children[0]?.type === '<-') ok = false;
    else if (n.type === 'call_expression') {
      const fn = childByField(n, 'function');
      const text = fn ? nodeText(file, fn) : '';
      if (text.startsWith(`${mutexName}.`) || /\.Wait$/.test(text)) ok = false;
    }
    return ok;
  });
  return ok;
}

/** A call in `stmt` (closures included) that may run this package's functions or methods. */
function callsPackageCode(stmt: SyntaxNode, file: SourceFile): boolean {
  const packages = importedNames(file);
  let found = false;
  walk(stmt, (n) => {
    if (found) return false;
    if (n.type !== 'call_expression') return true;
    const fn = childByField(n, 'function');
    if (fn?.type === 'identifier' && HARMLESS_BUILTINS.has(nodeText(file, fn))) return true;
    const operand = fn?.type === 'selector_expression' ? childByField(fn, 'operand') : undefined;
    if (operand?.type === 'identifier' && packages.has(nodeText(file, operand))) return true;
    // A composite type's conversion (`[]byte(s)`) is no call.
    if (fn && /_type$/.test(fn.type)) return true;
    found = true;
    return false;
  });
  return found;
}


function aloneOnItsLines(stmt: SyntaxNode, file: SourceFile): boolean {
  const lineStart = file.text.lastIndexOf('\n', stmt.start - 1) + 1;
  const before = file.text.slice(lineStart, stmt.start);
  const rest = file.text.slice(stmt.end, (file.text.indexOf('\n', stmt.end) + 1 || file.text.length + 1) - 1);
  return /^[ \t]*$/.test(before) && /^[ \t]*(\/\/.*)?\r?$/.test(rest);
}

function lockLines(stmt: SyntaxNode, mutexName: string): { before: string[]; after: string[] } {
  // The unlock after a return would never run: defer it instead.
  return stmt.type === 'return_statement'
    ? { before: [`${mutexName}.Lock()`, `defer ${mutexName}.Unlock()`], after: [] }
    : { before: [`${mutexName}.Lock()`], after: [`${mutexName}.Unlock()`] };
}

function wrapStatement(stmt: SyntaxNode, file: SourceFile, mutexName: string): TextEdit[] {
  const indent = lineIndent(file, stmt);
  const { before, after } = lockLines(stmt, mutexName);
  const eol = eolOf(file.text);
  const edits: TextEdit[] = [
    {
      file: file.path,
      range: { start: { line: stmt.startPoint.row, character: 0 }, end: { line: stmt.startPoint.row, character: 0 } },
      newText: before.map((l) => `${indent}${l}${eol}`).join(''),
    },
  ];
  if (after.length) {
    // A trailing comment stays with the statement it explains, not with the Unlock.
    const trailing = stmt.parent?.children.find((c) => c.type === 'comment' && c.start >= stmt.end && c.startPoint.row === stmt.endPoint.row);
    const last = trailing ?? stmt;
    const end = { line: last.endPoint.row, character: last.endPoint.column };
    edits.push({ file: file.path, range: { start: end, end }, newText: after.map((l) => `${eol}${indent}${l}`).join('') });
  }
  return edits;
}

/** `go func() { m[k] = v; done <- true }()` becomes one statement a line, with the lock around the sites. */
function rewriteOneLineBlock(block: SyntaxNode, file: SourceFile, sites: Set<SyntaxNode>, mutexName: string): TextEdit | undefined {
  if (block.children.some((c) => c.type === 'comment')) return undefined;
  const indent = lineIndent(file, block);
  const eol = eolOf(file.text);
  const lines: string[] = [];
  for (const stmt of namedChildren(block)) {
    const text = nodeText(file, stmt);
    if (sites.has(stmt)) {
      const { before, after } = lockLines(stmt, mutexName);
      lines.push(...before, text, ...after);
    } else {
      lines.push(text);
    }
  }
  return {
    file: file.path,
    range: {
      start: { line: block.startPoint.row, character: block.startPoint.column },
      end: { line: block.endPoint.row, character: block.endPoint.column },
    },
    newText: `{${eol}${lines.map((l) => `${indent}\t${l}${eol}`).join('')}${indent}}`,
  };
}

/** `var mMu sync.Mutex` after the map's declaration: its own top-level decl, or the next statement. */
function declareMutex(v: VarDecl, name: string, packageLevel: boolean): TextEdit | undefined {
  const file = v.file;
  const eol = eolOf(file.text);
  if (packageLevel) {
    let decl: SyntaxNode | null = v.node;
    while (decl && decl.parent?.type !== 'source_file') decl = decl.parent;
    if (!decl) return undefined;
    const end = { line: decl.endPoint.row, character: decl.endPoint.column };
    return { file: file.path, range: { start: end, end }, newText: `${eol}${eol}var ${name} sync.Mutex` };
  }
  if (v.node.parent?.type === 'parameter_declaration') {
    // A parameter: declare the mutex first thing in the function body.
    const fn = functionOf(v.node);
    const body = fn && childByField(fn, 'body');
    if (!fn || !body || body.startPoint.row === body.endPoint.row) return undefined;
    const open = { line: body.startPoint.row, character: body.startPoint.column + 1 };
    return { file: file.path, range: { start: open, end: open }, newText: `${eol}${lineIndent(file, fn)}\tvar ${name} sync.Mutex` };
  }
  const stmt = enclosingStatement(v.node);
  if (!stmt || !aloneOnItsLines(stmt, file) || stmt.parent?.type !== 'block') return undefined;
  const end = { line: stmt.endPoint.row, character: stmt.endPoint.column };
  return { file: file.path, range: { start: end, end }, newText: `${eol}${lineIndent(file, stmt)}var ${name} sync.Mutex` };
}

/**
 * "Lock `c.mu` here": one access of a map that a struct's mutex guards everywhere else, wrapped in that
 * mutex spelled through the same value (`c.mu`, or `c` for an embedded mutex). `guardKey` is the lock key.
 */
export function lockAroundAccess(a: Access, mutexExpr: string, guardKey: string, all: readonly Access[]): Fix | undefined {
  // Some caller already holds the guard here (a `fooLocked` helper): locking again would deadlock.
  if (all.some((b) => b.node === a.node && b.locks.some((l) => l.key === guardKey))) return undefined;
  const stmt = enclosingStatement(a.node);
  if (!stmt || !safeToWrap(stmt, a.file, mutexExpr)) return undefined;
  const block = stmt.parent!;
  let edits: TextEdit[];
  if (block.type === 'block' && block.startPoint.row === block.endPoint.row) {
    const edit = rewriteOneLineBlock(block, a.file, new Set([stmt]), mutexExpr);
    if (!edit) return undefined;
    edits = [edit];
  } else {
    if (!aloneOnItsLines(stmt, a.file)) return undefined;
    edits = wrapStatement(stmt, a.file, mutexExpr);
  }
  return { title: `Lock ${mutexExpr} around this access`, preferred: true, safe: !callsPackageCode(stmt, a.file), edits };
}
