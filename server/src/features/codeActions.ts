// Quick fixes for the diagnostics in a request, and "fix all" for a file: the analysis' fixes, converted.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import type { Finding, Fix } from '../analysis/index';
import { uriToPath } from '../workspace/uris';
import { combineFixes } from '../analysis/fixes/combine';
import { SOURCE, toWorkspaceEdit, type DiagnosticData } from './convert';
import type { Diagnostics } from './diagnostics';

export const FIX_ALL_KIND = 'source.fixAll.maprace';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Is `kind` asked for by `only` (a kind matches its prefixes: `source` asks for `source.fixAll.maprace`)? */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Diagnostic['range'], b: Finding['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export class CodeActions {
  constructor(
    private readonly diagnostics: Diagnostics,
    private readonly packages: { findingsOf(file: string): Finding[] },
    private readonly documentChanges: boolean,
  ) {}

  provide(params: CodeActionParams): CodeAction[] {
    const file = uriToPath(params.textDocument.uri);
    if (!file || !file.endsWith('.go')) return [];
    this.diagnostics.ensureAnalyzed(path.dirname(file));
    const findings = this.packages.findingsOf(file);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wanted(only, CodeActionKind.QuickFix)) {
      for (const diagnostic of params.context.diagnostics) {
        // Some clients (Neovim 0.7) rebuild diagnostics from their own store and may drop `source`.
        if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) continue;
        for (const fix of this.fixesFor(file, diagnostic, findings)) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: this.edit(fix.edits),
          });
        }
      }
    }
    if (wanted(only, FIX_ALL_KIND)) {
      const combined = combineFixes(findings.flatMap((f) => f.fixes.filter((x) => x.preferred)));
      if (combined.fixes.length) {
        actions.push({
          title: `Fix all maprace problems (${combined.fixes.length})`,
          kind: FIX_ALL_KIND,
          edit: this.edit(combined.edits),
        });
      }
    }
    return actions;
  }

  /** The current finding's fixes; the diagnostic's own copy only if its document has not changed since. */
  private fixesFor(file: string, diagnostic: Diagnostic, findings: Finding[]): Fix[] {
    const candidates = findings.filter((f) => f.rule === diagnostic.code && f.message === diagnostic.message);
    // Neovim 0.7 sends byte columns back instead of UTF-16 ones, so a same-line match is accepted too.
    const finding =
      candidates.find((f) => sameRange(diagnostic.range, f.range)) ??
      candidates.find((f) => f.range.start.line === diagnostic.range.start.line);
    if (finding) return finding.fixes;
    const data = diagnostic.data as DiagnosticData | undefined;
    if (data && Array.isArray(data.fixes) && data.version !== null && data.version === this.diagnostics.versionOf(file)) {
      return data.fixes;
    }
    return [];
  }

  private edit(edits: Fix['edits']) {
    return toWorkspaceEdit(edits, this.diagnostics.uriOf, this.diagnostics.versionOf, this.documentChanges);
  }
}
