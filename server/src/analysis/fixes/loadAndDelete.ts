// "Use LoadAndDelete": `v, ok := m.Load(k)` becomes `m.LoadAndDelete(k)` and the Delete that opened the
// hit branch goes. Only when the Delete comes first there: then nothing ran between the two before.
import type { Fix } from '../types';
import { nodeRange } from '../positions';
import type { LoadCheck } from '../rules/syncmapLoadCheck';
import type { Act } from '../rules/syncmapCheckThenAct';
import { deleteLinesEdit } from './layout';

export function loadAndDeleteFix(check: LoadCheck, del: Act): Fix | undefined {
  if (check.cond.kind === 'equal' || check.cond.present?.stmts[0] !== del.stmt) return undefined;
  const { file, methodNode, receiverText } = check.load;
  const remove = deleteLinesEdit(file, del.stmt);
  if (!remove) return undefined;
  return {
    title: `Use ${receiverText}.LoadAndDelete and drop the Delete`,
    preferred: true,
    safe: true,
    edits: [{ file: file.path, range: nodeRange(methodNode), newText: 'LoadAndDelete' }, remove],
  };
}
