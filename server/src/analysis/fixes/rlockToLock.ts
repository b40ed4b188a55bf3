// "Take Lock instead of RLock": the write under a read lock gets the write lock, and every RUnlock
// that releases that RLock (deferred, on early returns, or at the end) becomes Unlock.
import { childByField, enclosingFunction, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Access, Lock } from '../model/timeline';
import type { Fix, TextEdit } from '../types';
import { nodeRange } from '../positions';

/** `x.RLock()` / `x.RUnlock()` calls on the same mutex text in one function body, in source order. */
function lockCalls(body: SyntaxNode, file: SourceFile, mutexText: string): { call: SyntaxNode; field: SyntaxNode; method: string }[] {
  const out: { call: SyntaxNode; field: SyntaxNode; method: string }[] = [];
  walk(body, (n) => {
    if (n.type !== 'call_expression') return;
    const fn = childByField(n, 'function');
    if (fn?.type !== 'selector_expression') return;
    const operand = childByField(fn, 'operand');
    const field = childByField(fn, 'field');
    if (!operand || !field || nodeText(file, operand).replace(/\s+/g, '') !== mutexText) return;
    const method = nodeText(file, field);
    if (['RLock', 'RUnlock', 'Lock', 'Unlock'].includes(method)) out.push({ call: n, field, method });
  });
  return out.sort((a, b) => a.call.start - b.call.start);
}

export function rlockToLock(lock: Lock, accesses: readonly Access[]): Fix | undefined {
  if (!lock.at || !lock.text) return undefined;
  const { node: rlock, file } = lock.at;
  // Under the write lock, a callee that read-locks the same mutex again would deadlock.
  const relocked = accesses.some((a) => a.locks.some((l) => l.at?.node === rlock) && a.locks.filter((l) => l.key === lock.key).length > 1);
  if (relocked) return undefined;
  const fn = enclosingFunction(rlock);
  const body = fn && childByField(fn, 'body');
  if (!body) return undefined;
  const mutexText = lock.text.replace(/\s+/g, '');
  const calls = lockCalls(body, file, mutexText);
  const at = calls.findIndex((c) => c.call === rlock);
  if (at < 0) return undefined;
  const edits: TextEdit[] = [{ file: file.path, range: nodeRange(calls[at].field), newText: 'Lock' }];
  for (const c of calls.slice(at + 1)) {
    if (c.method === 'RLock' || c.method === 'Lock') break;
    if (c.method === 'RUnlock') edits.push({ file: file.path, range: nodeRange(c.field), newText: 'Unlock' });
  }
  // An RLock with no RUnlock in sight is released elsewhere: changing one half would unbalance it.
  if (edits.length < 2) return undefined;
  return { title: `Take ${lock.text}.Lock() instead of RLock()`, preferred: true, edits };
}
