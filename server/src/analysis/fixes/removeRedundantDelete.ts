// "Remove the redundant Delete": the statement and its line go. Not offered when it is the only statement
// of its block: an empty branch left behind would need its condition cleaned up by hand. Not marked safe:
// while other goroutines store, the Delete may drop a value stored in between, and code may mean that.
import type { SyntaxNode } from '../syntax';
import type { Fix } from '../types';
import type { SyncMapCall } from '../model/syncMaps';
import { statementsOf } from '../rules/syncmapSteps';
import { deleteLinesEdit } from './layout';

export function removeRedundantDelete(del: SyncMapCall, stmt: SyntaxNode): Fix | undefined {
  if (!stmt.parent || statementsOf(stmt.parent).length < 2) return undefined;
  const edit = deleteLinesEdit(del.file, stmt);
  return edit && { title: `Remove the redundant ${del.receiverText}.Delete`, preferred: true, edits: [edit] };
}
