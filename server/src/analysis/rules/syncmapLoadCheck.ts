// `v, ok := m.Load(k)` and the `if` that acts on it: which statements run when the key was there and
// which when it was missing, as the syncmap-check-then-act rule and its fixes see them.
import { childByField, namedChildren, nodeText, unparen, type SyntaxNode } from '../syntax';
import type { SyncMapCall } from '../model/syncMaps';
import { STATEMENT_LISTS, statementsOf, terminates } from './syncmapSteps';

/** Statements that run on one outcome of the Load. */
export interface Region {
  stmts: SyntaxNode[];
  /** A block of the `if` itself; otherwise the statements after the `if` (its other branch leaves). */
  branch: boolean;
}

export interface LoadCheck {
  load: SyncMapCall;
  /** `v, ok := m.Load(k)` (or `=`). */
  decl: SyntaxNode;
  ifStmt: SyntaxNode;
  /** The Load is the `if`'s initializer; otherwise it is the statement right before the `if`. */
  init: boolean;
  vName: string;
  okName: string;
  cond: Condition;
}

export type Condition =
  | { kind: 'present' | 'absent'; present?: Region; absent?: Region }
  /** `v == old` (`ok && v == old`), or `v != old` (`!ok || v != old`) whose branch leaves. */
  | { kind: 'equal'; old: SyntaxNode; guarded: boolean; negated: boolean; swap: Region };

/** The `if` a Load's result is checked by, with its two outcomes, or undefined for any other shape. */
export function loadCheckOf(load: SyncMapCall): LoadCheck | undefined {
  const { file } = load;
  const right = load.call.parent;
  const decl = right?.parent;
  if (right?.field !== 'right' || right.type !== 'expression_list' || namedChildren(right).length !== 1 || !decl) return undefined;
  if (decl.type !== 'short_var_declaration' && !(decl.type === 'assignment_statement' && decl.children.some((c) => c.type === '='))) return undefined;
  const left = namedChildren(childByField(decl, 'left') ?? decl);
  if (left.length !== 2 || left.some((n) => n.type !== 'identifier')) return undefined;
  const [vName, okName] = left.map((n) => nodeText(file, n));
  let ifStmt: SyntaxNode | undefined;
  const init = decl.field === 'initializer' && decl.parent?.type === 'if_statement';
  if (init) ifStmt = decl.parent!;
  else if (decl.parent && STATEMENT_LISTS.has(decl.parent.type)) {
    const next = nextStatement(decl);
    if (next?.type === 'if_statement' && !childByField(next, 'initializer')) ifStmt = next;
  }
  if (!ifStmt) return undefined;
  const condNode = childByField(ifStmt, 'condition');
  const cond = condNode && conditionOf(load, ifStmt, unparen(condNode), vName!, okName!);
  return cond && { load, decl, ifStmt, init, vName: vName!, okName: okName!, cond };
}

const text = (load: SyncMapCall, n: SyntaxNode) => nodeText(load.file, n);
const operator = (n: SyntaxNode) => n.children.find((c) => !c.named)?.type;

function isName(load: SyncMapCall, n: SyntaxNode | undefined, name: string): boolean {
  return !!n && name !== '_' && unparen(n).type === 'identifier' && text(load, unparen(n)) === name;
}

function isNot(load: SyncMapCall, n: SyntaxNode, name: string): boolean {
  return n.type === 'unary_expression' && operator(n) === '!' && isName(load, childByField(n, 'operand'), name);
}

function conditionOf(load: SyncMapCall, ifStmt: SyntaxNode, cond: SyntaxNode, vName: string, okName: string): Condition | undefined {
  const consequence = childByField(ifStmt, 'consequence');
  const alternative = childByField(ifStmt, 'alternative');
  if (!consequence || (alternative && alternative.type !== 'block')) return undefined;
  const then: Region = { stmts: statementsOf(consequence), branch: true };
  const otherwise: Region | undefined = alternative
    ? { stmts: statementsOf(alternative), branch: true }
    : terminates(load.file, then.stmts)
      ? { stmts: after(ifStmt), branch: false }
      : undefined;
  if (isName(load, cond, okName)) return { kind: 'present', present: then, absent: otherwise };
  if (isNot(load, cond, okName)) return { kind: 'absent', absent: then, present: otherwise };
  // Compare forms: `v == old`, `ok && v == old`; `v != old`, `!ok || v != old` with a leaving branch.
  let guarded = false;
  let cmp = cond;
  if (cond.type === 'binary_expression' && (operator(cond) === '&&' || operator(cond) === '||')) {
    const l = unparen(childByField(cond, 'left') ?? cond);
    const guard = operator(cond) === '&&' ? isName(load, l, okName) : isNot(load, l, okName);
    if (!guard) return undefined;
    guarded = true;
    cmp = unparen(childByField(cond, 'right') ?? cond);
  }
  const op = cmp.type === 'binary_expression' ? operator(cmp) : undefined;
  if (op !== '==' && op !== '!=') return undefined;
  if (guarded && (op === '==') !== (operator(cond) === '&&')) return undefined;
  const [l, r] = [childByField(cmp, 'left'), childByField(cmp, 'right')];
  const old = isName(load, l, vName) ? r : isName(load, r, vName) ? l : undefined;
  if (!old || unparen(old).type === 'nil') return undefined;
  if (op === '==') return alternative ? undefined : { kind: 'equal', old, guarded, negated: false, swap: then };
  return otherwise && !otherwise.branch ? { kind: 'equal', old, guarded, negated: true, swap: otherwise } : undefined;
}

/** The statements after an `if` in its block. */
function after(stmt: SyntaxNode): SyntaxNode[] {
  const list = stmt.parent;
  if (!list || !STATEMENT_LISTS.has(list.type)) return [];
  const all = statementsOf(list);
  return all.slice(all.indexOf(stmt) + 1);
}

/** The statement right after this one, or a comment on a line between them (named, so never an `if`). */
export function nextStatement(stmt: SyntaxNode): SyntaxNode | undefined {
  const siblings = stmt.parent?.children.filter((c) => c.named) ?? [];
  const next = siblings.slice(siblings.indexOf(stmt) + 1);
  // A comment at the end of the statement's own line belongs to it.
  return next[0]?.type === 'comment' && next[0].startPoint.row === stmt.endPoint.row ? next[1] : next[0];
}

/** The comment at the end of a statement's line, if any. */
export function trailingComment(stmt: SyntaxNode): SyntaxNode | undefined {
  const siblings = stmt.parent?.children.filter((c) => c.named) ?? [];
  const next = siblings[siblings.indexOf(stmt) + 1];
  return next?.type === 'comment' && next.startPoint.row === stmt.endPoint.row ? next : undefined;
}
