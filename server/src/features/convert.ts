// Analysis Findings in LSP terms: diagnostics, and fixes as workspace edits.
import {
  DiagnosticSeverity,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { ruleDocsUrl, type Finding, type Fix, type Severity, type TextEdit as FixEdit } from '../analysis/index';

export const SOURCE = 'maprace';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a code action needs if the server no longer has the finding: the fixes, valid for `version`. */
export interface DiagnosticData {
  version: number | null;
  fixes: Fix[];
}

/** Resolves a file path to the URI the client knows it by (open documents keep theirs). */
export type UriOf = (file: string) => string;
/** The open document's version, or null for a file on disk. */
export type VersionOf = (file: string) => number | null;

export function toDiagnostic(finding: Finding, uriOf: UriOf, version: number | null): Diagnostic {
  const data: DiagnosticData = { version, fixes: finding.fixes };
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    source: SOURCE,
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({
      location: { uri: uriOf(r.file), range: r.range },
      message: r.message,
    })),
    data,
  };
}

/** Edits grouped per file as `documentChanges` (versioned for open files) or plain `changes`. */
export function toWorkspaceEdit(
  edits: readonly FixEdit[],
  uriOf: UriOf,
  versionOf: VersionOf,
  documentChanges: boolean,
): WorkspaceEdit {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of edits) {
    let list = byFile.get(e.file);
    if (!list) byFile.set(e.file, (list = []));
    list.push({ range: e.range, newText: e.newText });
  }
  if (documentChanges) {
    const changes: TextDocumentEdit[] = [...byFile].map(([file, list]) => ({
      textDocument: { uri: uriOf(file), version: versionOf(file) },
      edits: list,
    }));
    return { documentChanges: changes };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [file, list] of byFile) changes[uriOf(file)] = list;
  return { changes };
}
