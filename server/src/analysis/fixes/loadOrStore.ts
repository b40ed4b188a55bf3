// "Use LoadOrStore": the Store after a Load that missed becomes LoadOrStore, and when another goroutine
// stored first, the code goes on with its value exactly as if the Load had found it. The Load stays as
// the fast path, and nothing is evaluated earlier or more often than before.
import { childByField, enclosingFunction, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Fix, TextEdit } from '../types';
import { nodeRange } from '../positions';
import { nextStatement, trailingComment, type LoadCheck, type Region } from '../rules/syncmapLoadCheck';
import type { Act } from '../rules/syncmapCheckThenAct';
import { namesChangedIn, namesIn, nodesBetween, terminates } from '../rules/syncmapSteps';
import { eolOf, lineIndent } from './layout';

/** The call's text with another method name: `c.m.Store(k, v)` as `c.m.LoadOrStore(k, v)`. */
export function withMethod(file: SourceFile, act: Act['call'], method: string): string {
  return file.text.slice(act.call.start, act.methodNode.start) + method + file.text.slice(act.methodNode.end, act.call.end);
}

export function loadOrStoreFix(check: LoadCheck, store: Act): Fix | undefined {
  if (check.cond.kind === 'equal' || !check.cond.absent) return undefined;
  const { present, absent } = check.cond;
  const edit = present?.stmts.length ? runPresentBranch(check, store, present, absent) : assignOrDrop(check, store, absent);
  return edit && { title: `Use ${store.call.receiverText}.LoadOrStore`, preferred: true, edits: [edit] };
}

/**
 * `if v, ok := m.LoadOrStore(k, x); ok { <what the Load's hit ran> }` in place of the Store. Sound when
 * that code leaves (then what follows the Store runs only for the stored value) or when the Store ends
 * the miss branch (then both outcomes go on after the `if`, as before).
 */
function runPresentBranch(check: LoadCheck, store: Act, present: Region, absent: Region): TextEdit | undefined {
  const { file } = check.load;
  const copy = present.branch ? present.stmts : present.stmts.length === 1 && present.stmts[0]!.type === 'return_statement' ? present.stmts : undefined;
  if (!copy) return undefined;
  const at = absent.stmts.indexOf(store.stmt);
  if (!terminates(file, copy) && !(absent.branch && at === absent.stmts.length - 1)) return undefined;
  const unmovable = (n: SyntaxNode) =>
    n.type === 'labeled_statement' || n.type === 'goto_statement' || (n.type === 'raw_string_literal' && nodeText(file, n).includes('\n'));
  if (copy.some((s) => contains(s, unmovable))) return undefined;
  // The copied code must mean the same names where it lands.
  const used = new Set<string>();
  for (const s of copy) for (const n of namesIn(file, s)) used.add(n);
  for (const s of absent.stmts.slice(0, at)) for (const n of namesChangedIn(file, s)) if (n !== check.vName && n !== check.okName && used.has(n)) return undefined;
  const indent = lineIndent(file, store.stmt);
  const body = reindent(file, copy, indent + '\t');
  if (body === undefined) return undefined;
  const eol = eolOf(file.text);
  const v = used.has(check.vName) ? check.vName : '_';
  // A comment at the end of the Store's line moves up to the `if` line.
  const comment = trailingComment(store.stmt);
  const open = `if ${v}, ${check.okName} := ${withMethod(file, store.call, 'LoadOrStore')}; ${check.okName} {${comment ? ` ${nodeText(file, comment)}` : ''}`;
  const range = { start: nodeRange(store.stmt).start, end: nodeRange(comment ?? store.stmt).end };
  return { file: file.path, range, newText: `${open}${eol}${body}${eol}${indent}}` };
}

/**
 * No code for the hit: `v = x` after the Store becomes `v, _ = m.LoadOrStore(k, x)`; with no later use of
 * v or x the Store just becomes LoadOrStore.
 */
function assignOrDrop(check: LoadCheck, store: Act, absent: Region): TextEdit | undefined {
  const { file } = check.load;
  const fn = enclosingFunction(store.stmt);
  const body = fn && childByField(fn, 'body');
  const at = absent.stmts.indexOf(store.stmt);
  if (!body || !absent.branch) return undefined;
  const value = store.call.args[1];
  const valueName = value?.type === 'identifier' ? nodeText(file, value) : undefined;
  const usedAfter = (name: string, from: number) => nodesBetween(body, from, body.end).some((n) => namesIn(file, n).has(name));
  const assign = `${check.vName}, _ = ${withMethod(file, store.call, 'LoadOrStore')}`;
  const last = at === absent.stmts.length - 1;
  if (check.vName !== '_' && last && valueName === check.vName) return { file: file.path, range: nodeRange(store.stmt), newText: assign };
  const next = absent.stmts[at + 1];
  if (check.vName !== '_' && valueName && next && at + 1 === absent.stmts.length - 1 && isAssignment(file, next, check.vName, valueName) && nextStatement(store.stmt) === next) {
    if (usedAfter(valueName, next.end)) return undefined;
    const comment = trailingComment(store.stmt);
    return { file: file.path, range: { start: nodeRange(store.stmt).start, end: nodeRange(next).end }, newText: comment ? `${assign} ${nodeText(file, comment)}` : assign };
  }
  if (!last) return undefined;
  // Whoever reads v or x later would read this goroutine's value, not the one stored.
  const scopeEnd = check.init ? check.ifStmt.end : body.end;
  if (check.vName !== '_' && nodesBetween(body, store.stmt.end, scopeEnd).some((n) => namesIn(file, n).has(check.vName))) return undefined;
  if (valueName && usedAfter(valueName, store.stmt.end)) return undefined;
  return { file: file.path, range: nodeRange(store.call.methodNode), newText: 'LoadOrStore' };
}

/** `v = x`, exactly. */
function isAssignment(file: SourceFile, stmt: SyntaxNode, left: string, right: string): boolean {
  if (stmt.type !== 'assignment_statement' || !stmt.children.some((c) => c.type === '=')) return false;
  const l = childByField(stmt, 'left');
  const r = childByField(stmt, 'right');
  return !!l && !!r && nodeText(file, l) === left && nodeText(file, r) === right;
}


function contains(node: SyntaxNode, test: (n: SyntaxNode) => boolean): boolean {
  let found = false;
  walk(node, (n) => {
    if (test(n)) found = true;
    return !found;
  });
  return found;
}

/** The statements' text (comments between them included) moved to another indentation. */
export function reindent(file: SourceFile, stmts: readonly SyntaxNode[], indent: string): string | undefined {
  const first = stmts[0]!;
  const last = stmts[stmts.length - 1]!;
  const from = lineIndent(file, first);
  const lines = file.text.slice(first.start, last.end).split(/\r?\n/);
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === 0) out.push(indent + line);
    else if (line.trim() === '') out.push('');
    // A line indented less than the code (a raw string's) cannot be moved safely.
    else if (line.startsWith(from)) out.push(indent + line.slice(from.length));
    else return undefined;
  }
  return out.join(eolOf(file.text));
}
