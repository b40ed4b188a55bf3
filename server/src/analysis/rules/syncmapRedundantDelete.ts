// syncmap-redundant-delete: `m.Delete(k)` after `m.LoadAndDelete(k)` on the same map and key, later in
// the same straight-line code with nothing that could store the key again in between: the key is gone.
import { childByField, enclosingFunction, walk, type SyntaxNode } from '../syntax';
import type { Finding } from '../types';
import type { SyncMapCall } from '../model/syncMaps';
import { nodeRange, where } from '../positions';
import { STORES, StoreReach, isPure, nodesBetween, pathsChangedIn, pathsIn, touches, squash, statementOf } from './syncmapSteps';
import { removeRedundantDelete } from '../fixes/removeRedundantDelete';

export const RULE_ID = 'syncmap-redundant-delete';

/** Containers a statement may sit in and still run straight after the LoadAndDelete: no loops, no closures. */
const STRAIGHT = new Set(['block', 'if_statement', 'expression_switch_statement', 'expression_case', 'default_case', 'type_switch_statement', 'type_case']);

/** `reach` is built on first need: most packages have no LoadAndDelete followed by a Delete. */
export function syncmapRedundantDelete(calls: readonly SyncMapCall[], makeReach: () => StoreReach): Finding[] {
  const out: Finding[] = [];
  let reach: StoreReach | undefined;
  const seen = new Set<SyncMapCall>();
  for (const ld of calls) {
    if (ld.method !== 'LoadAndDelete' || ld.args.length !== 1 || !isPure(ld.args[0]!)) continue;
    const stmt = statementOf(ld.call);
    const fn = enclosingFunction(ld.call);
    const body = fn && childByField(fn, 'body');
    if (!stmt || !body) continue;
    const key = squash(ld.file, ld.args[0]!);
    for (const del of calls) {
      if (seen.has(del) || del.method !== 'Delete' || del.file !== ld.file || del.receiverText !== ld.receiverText) continue;
      if (del.call.start < ld.call.end || !del.args[0] || squash(del.file, del.args[0]) !== key) continue;
      const delStmt = del.call.parent;
      if (delStmt?.type !== 'expression_statement' || enclosingFunction(del.call) !== fn || !followsStraight(delStmt, stmt)) continue;
      if (!quietBetween(ld, del, body, calls, (reach ??= makeReach()))) continue;
      seen.add(del);
      out.push({
        file: del.file.path,
        rule: RULE_ID,
        severity: 'information',
        message: `\`${del.receiverText}.Delete(${key})\` is redundant: \`${ld.receiverText}.LoadAndDelete(${key})\` at ${where(ld.file.path, ld.call)} already deleted the key`,
        range: nodeRange(del.call),
        related: [{ file: ld.file.path, range: nodeRange(ld.call), message: 'the key is deleted here' }],
        fixes: [removeRedundantDelete(del, delStmt)].filter((f) => !!f),
      });
    }
  }
  return out;
}

/** Does `del` run after `first` on the way down from it: later in its block, or inside it when it is an `if`? */
function followsStraight(del: SyntaxNode, first: SyntaxNode): boolean {
  let node = del;
  for (let p = del.parent; p; node = p, p = p.parent) {
    if (node === first) return first.type === 'if_statement' || first.type === 'expression_switch_statement';
    if (p === first.parent) return p.children.indexOf(node) > p.children.indexOf(first);
    if (!STRAIGHT.has(p.type)) return false;
    if (p.type === 'if_statement' && node.field !== 'consequence' && node.field !== 'alternative') return false;
  }
  return false;
}

/** Nothing between the two could put the key back: no store on the map, no call that may store, same key. */
function quietBetween(ld: SyncMapCall, del: SyncMapCall, body: SyntaxNode, calls: readonly SyncMapCall[], reach: StoreReach): boolean {
  const from = ld.call.end;
  const to = del.call.start;
  if (calls.some((c) => c.file === ld.file && c.receiverText === ld.receiverText && c.call.start > from && c.call.start < to && STORES.has(c.method))) return false;
  const watched = [...pathsIn(ld.file, ld.args[0]!), ...pathsIn(ld.file, ld.receiver)];
  for (const n of nodesBetween(body, from, to)) {
    if (touches(pathsChangedIn(ld.file, n), watched)) return false;
    let stores = false;
    walk(n, (c) => {
      if (c.type === 'call_expression' && reach.couldStore(ld.file, c)) stores = true;
      return !stores;
    });
    if (stores) return false;
  }
  return true;
}
