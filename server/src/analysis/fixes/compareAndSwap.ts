// "Use CompareAndSwap" (Go 1.20+): `v, _ := m.Load(k); if v == old { m.Store(k, new); ... }` becomes
// `if m.CompareAndSwap(k, old, new) { ... }`, and `if v != old { return }; m.Store(k, new)` becomes
// `if !m.CompareAndSwap(k, old, new) { return }`. Only when v and ok serve the compare alone, the Store
// comes first, and old and new read no calls (CompareAndSwap evaluates both every time).
import { childByField, enclosingFunction, nodeText, walk, type SyntaxNode } from '../syntax';
import type { Fix, TextEdit } from '../types';
import { nodeRange } from '../positions';
import type { Condition, LoadCheck } from '../rules/syncmapLoadCheck';
import type { Act } from '../rules/syncmapCheckThenAct';
import { isPure } from '../rules/syncmapSteps';
import { deleteLinesEdit } from './layout';

export function compareAndSwapFix(check: LoadCheck, cond: Extract<Condition, { kind: 'equal' }>, store: Act): Fix | undefined {
  const { file, load } = { file: check.load.file, load: check.load };
  const value = store.call.args[1];
  if (cond.swap.stmts[0] !== store.stmt || !value || !isPure(value) || !isPure(cond.old)) return undefined;
  const condition = childByField(check.ifStmt, 'condition');
  const fn = enclosingFunction(load.call);
  const body = fn && childByField(fn, 'body');
  if (!condition || !body) return undefined;
  // v and ok go away with the Load: nothing else may read them.
  const scopeEnd = check.init ? check.ifStmt.end : (check.decl.parent ?? body).end;
  let readElsewhere = false;
  walk(body, (n) => {
    if (n.end <= check.decl.end || n.start >= scopeEnd || (condition.start <= n.start && n.end <= condition.end)) return false;
    if (n.type === 'identifier' && n.start >= check.decl.end && [check.vName, check.okName].includes(nodeText(file, n))) readElsewhere = true;
    return !readElsewhere;
  });
  if (readElsewhere) return undefined;
  const text = (n: SyntaxNode) => nodeText(file, n);
  const cas = `${text(load.receiver)}.CompareAndSwap(${text(load.args[0]!)}, ${text(cond.old)}, ${text(value)})`;
  const edits: TextEdit[] = [];
  const rest = cond.swap.stmts.slice(1);
  if (!cond.negated && rest.length === 0) {
    const start = check.init ? check.ifStmt : check.decl;
    edits.push({ file: file.path, range: { start: nodeRange(start).start, end: nodeRange(check.ifStmt).end }, newText: cas });
  } else {
    const header = cond.negated ? `!${cas}` : cas;
    if (check.init) edits.push({ file: file.path, range: { start: nodeRange(check.decl).start, end: nodeRange(condition).end }, newText: header });
    else {
      const drop = deleteLinesEdit(file, check.decl);
      if (!drop) return undefined;
      edits.push(drop, { file: file.path, range: nodeRange(condition), newText: header });
    }
    const remove = deleteLinesEdit(file, store.stmt);
    if (!remove) return undefined;
    edits.push(remove);
  }
  return { title: `Use ${load.receiverText}.CompareAndSwap`, preferred: true, edits };
}
