// Lock and unlock lines around statements that touch a map. Adjacent statements share one critical
// section, so a check and the act that depends on it (`if seen[p] { return }; seen[p] = true`) stay
// atomic; a `return`, `break` or `continue` that leaves the section unlocks first. Edits are gofmt-shaped
// (tabs, one statement a line) so the result stays gofmt-clean on gofmt-clean input.
import { childByField, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { TextEdit } from '../types';
import { importedNames } from './imports';
import { endsItsLine, lineIndent, eolOf, startsItsLine } from './layout';

const STATEMENT_LISTS = new Set(['block', 'expression_case', 'default_case', 'communication_case', 'type_case']);
/** Calls that cannot reach this package's code, so cannot take the mutex again (`panic` would leave it held). */
const HARMLESS_BUILTINS = new Set([
  'append', 'cap', 'clear', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'real',
  'bool', 'byte', 'complex64', 'complex128', 'float32', 'float64', 'int', 'int8', 'int16', 'int32', 'int64',
  'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);
/** Code that blocks or escapes the statement: holding a lock across it could deadlock or skip the unlock. */
const BLOCKERS: Readonly<Record<string, string>> = {
  go_statement: 'starts a goroutine',
  send_statement: 'sends on a channel; holding the lock while it blocks would deadlock if the receiver needs the lock',
  select_statement: 'waits in a select; holding the lock while it blocks would deadlock if the other side needs the lock',
  goto_statement: 'jumps with goto, which could skip the unlock',
  defer_statement: 'defers a call, which would run after the unlock',
  labeled_statement: 'has a labeled statement, whose jumps could skip the unlock',
};
const BREAK_TARGETS = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

/** A statement to run with `mutex` (as spelled there: `mu`, `c.mu`) held. */
export interface Site {
  stmt: SyntaxNode;
  file: SourceFile;
  mutex: string;
}

export type Locking = { edits: TextEdit[] } | { reason: string };

/** The statement to lock around an access; none for an access outside any function body. */
export function enclosingStatement(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n && n.parent; n = n.parent) {
    if (n.type === 'func_literal') return undefined;
    if (STATEMENT_LISTS.has(n.parent.type) && !n.field && n.named && n.type !== 'comment') return n;
  }
  return undefined;
}

/** Sites inside other sites are covered by them. */
export function outermost(sites: readonly Site[]): Site[] {
  const unique = [...new Map(sites.map((s) => [s.stmt, s])).values()];
  return unique.filter((s) => !unique.some((o) => o !== s && o.file === s.file && o.stmt.start <= s.stmt.start && s.stmt.end <= o.stmt.end));
}

const line = (file: SourceFile, node: SyntaxNode) => `${file.path.split(/[\\/]/).pop()}:${node.startPoint.row + 1}`;
const brief = (file: SourceFile, node: SyntaxNode) => {
  const text = nodeText(file, node).split('\n')[0].trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * Edits that lock around every site, or why that cannot be done safely; undefined for code with syntax
 * errors (half-typed: nothing to explain yet). `mapAccesses`: every place the map is touched, so that a
 * `return` which reads it is not moved past the unlock.
 */
export function lockEdits(sites: readonly Site[], mapAccesses: readonly { node: SyntaxNode; file: SourceFile }[]): Locking | undefined {
  if (sites.some((s) => s.stmt.hasError)) return undefined;
  const edits: TextEdit[] = [];
  const byParent = new Map<SyntaxNode, Site[]>();
  for (const s of outermost(sites)) byParent.set(s.stmt.parent!, [...(byParent.get(s.stmt.parent!) ?? []), s]);
  // A one-line block is rewritten whole, so one inside another would be edited twice, overlapping.
  const oneLine = [...byParent].filter(([b]) => b.type === 'block' && b.startPoint.row === b.endPoint.row);
  const nested = oneLine.find(([inner, [{ file }]]) => oneLine.some(([outer, [o]]) => outer !== inner && o.file === file && outer.start <= inner.start && inner.end <= outer.end));
  if (nested) return { reason: `the block at ${line(nested[1][0].file, nested[0])} is on one line inside another; split them into lines first` };
  for (const [parent, group] of byParent) {
    const file = group[0].file;
    const runs = runsOf(parent, group);
    const plans: Plan[] = [];
    for (const run of runs) {
      const plan = planRun(run, file, mapAccesses);
      if ('reason' in plan) return plan;
      plans.push(plan);
    }
    if (parent.type === 'block' && parent.startPoint.row === parent.endPoint.row) {
      const edit = rewriteOneLineBlock(parent, file, plans);
      if ('reason' in edit) return edit;
      edits.push(edit);
      continue;
    }
    for (const plan of plans) {
      const made = runEdits(plan, file);
      if ('reason' in made) return made;
      edits.push(...made.edits);
    }
  }
  return { edits };
}

/** Site statements grouped into runs of adjacent statements that name the same mutex. */
function runsOf(parent: SyntaxNode, group: Site[]): Site[][] {
  const bySmt = new Map(group.map((s) => [s.stmt, s]));
  const runs: Site[][] = [];
  let current: Site[] = [];
  for (const stmt of namedChildren(parent).filter((c) => !c.field)) {
    const site = bySmt.get(stmt);
    if (site && current.length && current[0].mutex === site.mutex) {
      current.push(site);
      continue;
    }
    if (current.length) runs.push(current);
    current = site ? [site] : [];
  }
  if (current.length) runs.push(current);
  return runs;
}

interface Plan {
  run: Site[];
  mutex: string;
  /** The run ends in a `return`: the unlock is deferred. */
  deferred: boolean;
  /** `return`, `break` and `continue` statements that leave the run: each unlocks first. */
  exits: SyntaxNode[];
}

function planRun(run: Site[], file: SourceFile, mapAccesses: readonly { node: SyntaxNode; file: SourceFile }[]): Plan | { reason: string } {
  const mutex = run[0].mutex;
  const last = run[run.length - 1].stmt;
  const deferred = last.type === 'return_statement';
  const exits: SyntaxNode[] = [];
  for (const { stmt } of run) {
    const why = blocker(stmt, file, mutex);
    if (why) return { reason: `\`${brief(file, stmt)}\` (${line(file, stmt)}) ${why}` };
    exits.push(...exitsOf(stmt, run));
  }
  for (const exit of exits) {
    if (exit === last) continue;
    if (deferred) {
      if (exit.type !== 'return_statement') return { reason: `\`${brief(file, exit)}\` (${line(file, exit)}) would leave the loop with ${mutex} still locked` };
      continue;
    }
    if (exit.type === 'return_statement' && mapAccesses.some((a) => a.file === file && exit.start <= a.node.start && a.node.end <= exit.end)) {
      return { reason: `\`${brief(file, exit)}\` (${line(file, exit)}) reads the map in its result, after ${mutex} would be unlocked` };
    }
  }
  return { run, mutex, deferred, exits: exits.filter((e) => e !== last && !(deferred && e.type === 'return_statement')) };
}

/** Why `stmt` cannot run with the lock held, as the end of a sentence; undefined if it can. */
function blocker(stmt: SyntaxNode, file: SourceFile, mutex: string): string | undefined {
  let why: string | undefined;
  walk(stmt, (n) => {
    if (why || n.type === 'func_literal') return false;
    if (BLOCKERS[n.type]) why = BLOCKERS[n.type];
    else if (n.type === 'unary_expression' && n.children[0]?.type === '<-') {
      why = 'receives from a channel; holding the lock while it blocks would deadlock if the sender needs the lock';
    } else if ((n.type === 'break_statement' || n.type === 'continue_statement') && namedChildren(n).length > 0) {
      why = `has a labeled ${n.children[0].type}, which could skip the unlock`;
    } else if (n.type === 'call_expression') {
      const fn = childByField(n, 'function');
      const text = fn ? nodeText(file, fn) : '';
      if (text.startsWith(`${mutex}.`)) why = `already calls ${text}()`;
      else if (/\.Wait$/.test(text)) why = `calls ${text}(); holding the lock while it waits would deadlock if what it waits for needs the lock`;
    }
    return !why;
  });
  if (why) return why;
  const root = /^[A-Za-z_]\w*/.exec(mutex)![0];
  if (mutex !== root && assignsTo(stmt, file, root)) return `assigns \`${root}\`, so the unlock would not reach the mutex it locked`;
  return undefined;
}

/** Does `stmt` assign a new value to the plain variable `name` (which the mutex is reached through)? */
function assignsTo(stmt: SyntaxNode, file: SourceFile, name: string): boolean {
  let found = false;
  walk(stmt, (n) => {
    if (found || n.type === 'func_literal') return false;
    const left = n.type === 'assignment_statement' || n.type === 'short_var_declaration' || n.type === 'range_clause' ? childByField(n, 'left') : undefined;
    if (left && namedChildren(left).some((x) => x.type === 'identifier' && nodeText(file, x) === name)) found = true;
    return !found;
  });
  return found;
}

/** The `return`, `break` and `continue` statements in `stmt` that leave the run. */
function exitsOf(stmt: SyntaxNode, run: Site[]): SyntaxNode[] {
  const within = (n: SyntaxNode) => run.some((s) => s.stmt.start <= n.start && n.end <= s.stmt.end);
  const out: SyntaxNode[] = [];
  walk(stmt, (n) => {
    if (n.type === 'func_literal') return false;
    if (n.type === 'return_statement') out.push(n);
    if (n.type === 'break_statement' || n.type === 'continue_statement') {
      const targets = n.type === 'break_statement' ? BREAK_TARGETS : new Set(['for_statement']);
      let target: SyntaxNode | null = n.parent;
      while (target && !targets.has(target.type)) target = target.parent;
      if (!target || !within(target)) out.push(n);
    }
    return true;
  });
  return out;
}

function lockLines(plan: Plan): { before: string[]; after: string[] } {
  return plan.deferred
    ? { before: [`${plan.mutex}.Lock()`, `defer ${plan.mutex}.Unlock()`], after: [] }
    : { before: [`${plan.mutex}.Lock()`], after: [`${plan.mutex}.Unlock()`] };
}

function runEdits(plan: Plan, file: SourceFile): Locking {
  const first = plan.run[0].stmt;
  const last = plan.run[plan.run.length - 1].stmt;
  if (!startsItsLine(file, first)) return { reason: `\`${brief(file, first)}\` (${line(file, first)}) shares its line with other code; put it on a line of its own` };
  if (!endsItsLine(file, last)) return { reason: `\`${brief(file, last)}\` (${line(file, last)}) shares its line with other code; put it on a line of its own` };
  const indent = lineIndent(file, first);
  const eol = eolOf(file.text);
  const { before, after } = lockLines(plan);
  const at = (row: number, character = 0) => ({ start: { line: row, character }, end: { line: row, character } });
  const edits: TextEdit[] = [{ file: file.path, range: at(first.startPoint.row), newText: before.map((l) => `${indent}${l}${eol}`).join('') }];
  for (const exit of plan.exits) {
    const block = exit.parent;
    if (!block || block.startPoint.row === block.endPoint.row || !startsItsLine(file, exit)) {
      return { reason: `\`${brief(file, exit)}\` (${line(file, exit)}) shares its line with other code, so it cannot unlock first; put it on a line of its own` };
    }
    edits.push({ file: file.path, range: at(exit.startPoint.row), newText: `${lineIndent(file, exit)}${plan.mutex}.Unlock()${eol}` });
  }
  if (after.length) {
    // A trailing comment stays with the statement it explains, not with the Unlock.
    const trailing = last.parent?.children.find((c) => c.type === 'comment' && c.start >= last.end && c.startPoint.row === last.endPoint.row);
    const end = trailing ?? last;
    edits.push({ file: file.path, range: at(end.endPoint.row, end.endPoint.column), newText: after.map((l) => `${eol}${indent}${l}`).join('') });
  }
  return { edits };
}

/** `go func() { m[k] = v; done <- true }()` becomes one statement a line, with the lock around the runs. */
function rewriteOneLineBlock(block: SyntaxNode, file: SourceFile, plans: Plan[]): TextEdit | { reason: string } {
  if (block.children.some((c) => c.type === 'comment')) return { reason: `the block at ${line(file, block)} is on one line with a comment; split it into lines first` };
  const exit = plans.flatMap((p) => p.exits)[0];
  if (exit) return { reason: `\`${brief(file, exit)}\` (${line(file, exit)}) shares its line with other code, so it cannot unlock first; put it on a line of its own` };
  const indent = lineIndent(file, block);
  const eol = eolOf(file.text);
  const lines: string[] = [];
  for (const stmt of namedChildren(block)) {
    const plan = plans.find((p) => p.run.some((s) => s.stmt === stmt));
    const { before, after } = plan ? lockLines(plan) : { before: [], after: [] };
    if (plan && plan.run[0].stmt === stmt) lines.push(...before);
    lines.push(nodeText(file, stmt));
    if (plan && plan.run[plan.run.length - 1].stmt === stmt) lines.push(...after);
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

/** A call in `stmt` (closures included) that may run this package's functions or methods. */
export function callsPackageCode(stmt: SyntaxNode, file: SourceFile): boolean {
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
