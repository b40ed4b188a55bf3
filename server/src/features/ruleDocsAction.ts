// "Show documentation for `<rule>`": a code action that runs a client-side command with the rule page's URL.
// The server does not list the command in executeCommandProvider: the VS Code client registers it and
// opens the URL; other clients show the action, and the diagnostic's codeDescription has the same link.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { ruleDocsUrl, ruleInfo } from '../analysis/index';

export const SHOW_RULE_DOCS_COMMAND = 'maprace.showRuleDocs';

export function ruleDocsAction(rule: string, diagnostics: Diagnostic[]): CodeAction | undefined {
  if (!ruleInfo(rule)) return undefined;
  const title = `Show documentation for \`${rule}\``;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    command: { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleDocsUrl(rule)] },
  };
}
