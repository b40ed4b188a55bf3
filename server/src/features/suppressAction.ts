// "Suppress `<rule>` on this line" as a code action: the analysis' directive edit, or the reason it cannot
// be written shown as a disabled action (for clients that show those; others are not offered it).
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Fix, SourceFile } from '../analysis/index';
import { isUnavailable, suppressWithComment } from '../analysis/fixes/suppressWithComment';

export function suppressAction(
  source: SourceFile,
  rule: string,
  line: number,
  diagnostics: Diagnostic[],
  toEdit: (edits: Fix['edits']) => WorkspaceEdit,
  disabledSupport: boolean,
): CodeAction | undefined {
  const fix = suppressWithComment(source, rule, line);
  if (isUnavailable(fix)) {
    if (!disabledSupport) return undefined;
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, disabled: { reason: fix.disabled } };
  }
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: false, edit: toEdit(fix.edits) };
}
