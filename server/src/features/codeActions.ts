// Code actions for the diagnostics in a request: the analysis' fixes, "fix all in this file", suppress with
// a comment and the rule's documentation; and source.fixAll.maprace (safe fixes only) for a whole file.
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import type { Finding, Fix, SourceFile } from '../analysis/index';
import { uriToPath } from '../workspace/uris';
import { SOURCE, toWorkspaceEdit, type DiagnosticData } from './convert';
import type { Diagnostics } from './diagnostics';
import { fixAllInFile, fixAllSafe } from './fixAll';
import { ruleDocsAction } from './ruleDocsAction';
import { suppressAction } from './suppressAction';

export const FIX_ALL_KIND = 'source.fixAll.maprace';
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

export interface CodeActionOptions {
  /** The client applies `documentChanges` (versioned edits). */
  documentChanges: boolean;
  /** The client shows actions with `disabled` and their reason. */
  disabledSupport: boolean;
}

/** What a diagnostic in the request stands for now: its rule, its line and its fixes. */
interface Resolved {
  diagnostic: Diagnostic;
  rule: string;
  line: number;
  fixes: Fix[];
}

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
    private readonly packages: { findingsOf(file: string): Finding[]; sourceOf(file: string): SourceFile | undefined },
    private readonly options: CodeActionOptions,
  ) {}

  provide(params: CodeActionParams): CodeAction[] {
    const file = uriToPath(params.textDocument.uri);
    if (!file || !file.endsWith('.go')) return [];
    this.diagnostics.ensureAnalyzed(path.dirname(file));
    const findings = this.packages.findingsOf(file);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (wanted(only, CodeActionKind.QuickFix)) {
      // Some clients (Neovim 0.7) rebuild diagnostics from their own store and may drop `source`.
      const resolved = params.context.diagnostics
        .filter((d) => d.source === undefined || d.source === SOURCE)
        .map((d) => this.resolve(file, d, findings))
        .filter((r): r is Resolved => !!r);
      actions.push(...this.quickFixes(file, resolved, findings));
    }
    if (wanted(only, FIX_ALL_KIND)) {
      const safe = fixAllSafe(findings);
      if (safe) {
        actions.push({
          title: `Fix all maprace problems with a safe fix (${safe.fixes.length})`,
          kind: FIX_ALL_KIND,
          edit: this.edit(safe.edits),
        });
      }
    }
    return actions;
  }

  /** The fixes first (editors offer the first quick fix), then fix-all, suppressions and documentation. */
  private quickFixes(file: string, resolved: Resolved[], findings: Finding[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const r of resolved) {
      for (const fix of r.fixes) {
        if (fix.disabled) {
          // The reason is worth showing (why no fix here); a client that cannot show it gets nothing.
          if (this.options.disabledSupport) {
            actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [r.diagnostic], disabled: { reason: fix.disabled } });
          }
          continue;
        }
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [r.diagnostic],
          isPreferred: fix.preferred,
          edit: this.edit(fix.edits),
        });
      }
    }
    if (!resolved.length) return actions;
    const all = fixAllInFile(findings);
    if (all) {
      actions.push({
        title: `Fix all maprace problems in this file (${all.fixes.length})`,
        kind: CodeActionKind.QuickFix,
        diagnostics: resolved.map((r) => r.diagnostic),
        isPreferred: false,
        edit: this.edit(all.edits),
      });
    }
    const source = this.packages.sourceOf(file);
    const suppressed = new Set<string>();
    for (const r of resolved) {
      const key = `${r.rule}:${r.line}`;
      if (!source || suppressed.has(key)) continue;
      suppressed.add(key);
      const same = resolved.filter((o) => o.rule === r.rule && o.line === r.line).map((o) => o.diagnostic);
      const action = suppressAction(source, r.rule, r.line, same, (edits) => this.edit(edits), this.options.disabledSupport);
      if (action) actions.push(action);
    }
    for (const rule of new Set(resolved.map((r) => r.rule))) {
      const action = ruleDocsAction(rule, resolved.filter((r) => r.rule === rule).map((r) => r.diagnostic));
      if (action) actions.push(action);
    }
    return actions;
  }

  /** The current finding; the diagnostic's own copy only if its document has not changed since. */
  private resolve(file: string, diagnostic: Diagnostic, findings: Finding[]): Resolved | undefined {
    const ofRule = findings.filter((f) => f.rule === diagnostic.code);
    const candidates = ofRule.filter((f) => f.message === diagnostic.message);
    // Neovim 0.7 sends byte columns back instead of UTF-16 ones, so a same-line match is accepted too.
    // A message that names a line of another file goes stale when that file is edited, until the client
    // pulls again: the finding of the same rule at the same range is the same problem.
    const finding =
      candidates.find((f) => sameRange(diagnostic.range, f.range)) ??
      candidates.find((f) => f.range.start.line === diagnostic.range.start.line) ??
      ofRule.find((f) => sameRange(diagnostic.range, f.range));
    if (finding) return { diagnostic, rule: finding.rule, line: finding.range.start.line, fixes: finding.fixes };
    const data = diagnostic.data as DiagnosticData | undefined;
    if (
      typeof diagnostic.code === 'string' &&
      data &&
      Array.isArray(data.fixes) &&
      data.version !== null &&
      data.version === this.diagnostics.versionOf(file)
    ) {
      return { diagnostic, rule: diagnostic.code, line: diagnostic.range.start.line, fixes: data.fixes };
    }
    return undefined;
  }

  private edit(edits: Fix['edits']) {
    return toWorkspaceEdit(edits, this.diagnostics.uriOf, this.diagnostics.versionOf, this.options.documentChanges);
  }
}
