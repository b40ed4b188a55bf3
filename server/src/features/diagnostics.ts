// Diagnostics in both LSP styles: answered on request (pull) or published after each analysis (push).
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import {
  DiagnosticRefreshRequest,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { DocumentStore } from '../workspace/documentStore';
import type { AnalysisResult, Packages } from '../workspace/packages';
import { pathToUri, uriToPath } from '../workspace/uris';
import { FailureLog } from '../workspace/failureLog';
import { toDiagnostic } from './convert';
import type { IndexWorker } from '../workspace/indexWorker';

export interface DiagnosticsOptions {
  /** The client pulls (textDocument/diagnostic); otherwise we publish. */
  pull: boolean;
  /** The client accepts workspace/diagnostic/refresh. */
  refresh: boolean;
  /** Milliseconds to wait after an edit before re-analysing (typing bursts coalesce). */
  debounceMs?: number;
}

/** How long editing must pause before the rest of a partly analysed directory is (see analyzeSoon). */
const REST_QUIET_MS = 1000;

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** While the workspace is being indexed, one refresh at the end replaces one per package. */
  private quiet = false;
  private refreshWanted = false;
  private refreshing = false;
  private readonly failures = new FailureLog((message) => this.connection.console.error(message));
  /** When a document last changed (schedule): background work waits for a pause (editingPause). */
  private lastEdit = 0;

  constructor(
    private readonly connection: Connection,
    private readonly docs: DocumentStore,
    private readonly packages: Packages,
    private readonly options: DiagnosticsOptions,
  ) {}

  uriOf = (file: string): string => this.docs.atPath(file)?.uri ?? pathToUri(file);

  versionOf = (file: string): number | null => this.docs.atPath(file)?.version ?? null;

  /** Re-analyses the package of `dir` soon, once edits pause. */
  schedule(dir: string): void {
    this.lastEdit = Date.now();
    this.analyzeSoon(dir);
  }

  /** A document changed within the last `quietMs`. */
  editing(quietMs = 300): boolean {
    return Date.now() - this.lastEdit < quietMs;
  }

  /** Resolves once no document has changed for `quietMs`: background work gives way to typing. */
  async editingPause(quietMs = 300): Promise<void> {
    for (;;) {
      const wait = this.lastEdit + quietMs - Date.now();
      if (wait <= 0) return;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private analyzeSoon(dir: string, delayMs = this.options.debounceMs ?? 150): void {
    clearTimeout(this.timers.get(dir));
    this.timers.set(
      dir,
      setTimeout(() => {
        this.timers.delete(dir);
        // Nothing answers a timer: a throw here would end the process.
        try {
          // The rest of a directory whose open document's package clause was analysed (for its pulls) waits
          // for a real pause: on a busy machine one edit's analysis can outlast the debounce.
          if (this.packages.isPartial(dir) && this.editing(REST_QUIET_MS)) this.analyzeSoon(dir, REST_QUIET_MS);
          else this.ensureAnalyzed(dir);
          this.failures.ok(`diagnostics of ${dir}`);
        } catch (err) {
          this.failures.fail(`diagnostics of ${dir}`, err);
        }
      }, delayMs),
    );
  }

  /**
   * Analyses `dir` now if it is stale, then tells the client what changed. With `first` (a file whose
   * findings are asked for), a directory analysed for the first time may be analysed in two steps: that
   * file's package clause now, the rest soon (Packages.analyze).
   */
  ensureAnalyzed(dir: string, first?: string): void {
    if (!this.packages.isDirty(dir, first)) return;
    clearTimeout(this.timers.get(dir));
    this.timers.delete(dir);
    this.afterAnalysis(this.packages.analyze(dir, first));
    if (this.packages.isPartial(dir)) this.analyzeSoon(dir);
  }

  /**
   * Background work (indexing) on `dir`: analysed now, unless a document of it is being worked on and
   * only its package clause was analysed so far; then the rest waits for a pause in editing (schedule).
   */
  analyzeInBackground(dir: string): void {
    if (this.packages.isPartial(dir)) this.analyzeSoon(dir);
    else this.ensureAnalyzed(dir);
  }

  /**
   * Indexing of `dir` on `worker`: true when its findings were kept (or it needs no indexing any more),
   * false when it must be analysed here: the worker died on it, or something about it needs this
   * thread's account (a file over a limit, a failure), which the main thread's analysis logs and keeps.
   * True without analysing, or keeping what the worker found, once `dir` is not `wanted` (its folder left).
   */
  async indexElsewhere(dir: string, files: string[], worker: IndexWorker, wanted: () => boolean): Promise<boolean> {
    if (!wanted() || !this.packages.needsIndexing(dir)) return true;
    const stamp = this.packages.stampOf(dir);
    // In the order this thread's analysis takes them: the first file's declaration of a name wins.
    const sorted = [...files].sort();
    const outcome = await worker.analyze(dir, sorted);
    if (!wanted()) return true;
    if (!outcome || outcome.internalError || outcome.inputError || outcome.notices?.length) return false;
    const result = this.packages.recordIndexed(dir, sorted, outcome.findings, stamp);
    if (result) this.afterAnalysis(result);
    return true;
  }

  diagnosticsOf(file: string): Diagnostic[] {
    const version = this.versionOf(file);
    const items = this.packages.findingsOf(file).map((f) => toDiagnostic(f, this.uriOf, version));
    const open = this.docs.atPath(file);
    const skipped = open && this.packages.skipped.reasonOf(file);
    return skipped ? [skippedNotice(skipped, open.tree.text), ...items] : items;
  }

  /** Findings of a file that is open or a Go file on disk; anything else has none. */
  private current(file: string): Diagnostic[] {
    if (!file.endsWith('.go')) return [];
    this.ensureAnalyzed(path.dirname(file), file);
    return this.diagnosticsOf(file);
  }

  documentReport(uri: string, previousResultId?: string): DocumentDiagnosticReport {
    const file = uriToPath(uri);
    const items = file ? this.current(file) : [];
    const resultId = hashOf(items);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  workspaceReports(previous: ReadonlyMap<string, string>): WorkspaceDocumentDiagnosticReport[] {
    for (const dir of this.packages.dirtyDirs()) this.ensureAnalyzed(dir);
    const reports: WorkspaceDocumentDiagnosticReport[] = [];
    // Files with findings, and files the client holds a result for (it may need clearing); the rest has none.
    const files = new Set(this.packages.filesWithFindings());
    for (const uri of previous.keys()) {
      const file = uriToPath(uri);
      if (file) files.add(file);
    }
    for (const file of files) {
      const uri = this.uriOf(file);
      const items = this.diagnosticsOf(file);
      const resultId = hashOf(items);
      const version = this.versionOf(file);
      if (previous.get(uri) === resultId) {
        reports.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version, resultId });
      } else {
        reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version, resultId, items });
      }
    }
    return reports;
  }

  /** Runs `work` (workspace indexing) with one refresh at the end instead of one per package. */
  async batch(work: () => Promise<void>): Promise<void> {
    this.quiet = true;
    try {
      await work();
    } finally {
      this.quiet = false;
      if (this.refreshWanted) this.requestRefresh();
    }
  }

  /** Push: publish every file that has findings or just lost them. Pull: refresh if another file changed. */
  afterAnalysis(result: AnalysisResult): void {
    const changed = new Set(result.changed);
    if (!this.options.pull) {
      for (const file of result.files) {
        if (changed.has(file) || this.packages.findingsOf(file).length) this.publish(file);
      }
      return;
    }
    if (result.changed.some((f) => !result.triggers.has(f))) {
      if (this.quiet) this.refreshWanted = true;
      else this.requestRefresh();
    }
  }

  /** Push mode: clears what was published for files that are gone. */
  clear(files: readonly string[]): void {
    if (this.options.pull) return;
    for (const file of files) void this.connection.sendDiagnostics({ uri: this.uriOf(file), diagnostics: [] });
  }

  private publish(file: string): void {
    const version = this.versionOf(file);
    void this.connection.sendDiagnostics({
      uri: this.uriOf(file),
      ...(version !== null ? { version } : {}),
      diagnostics: this.diagnosticsOf(file),
    });
  }

  private requestRefresh(): void {
    if (!this.options.refresh) return;
    if (this.refreshing) {
      this.refreshWanted = true;
      return;
    }
    this.refreshing = true;
    this.refreshWanted = false;
    this.connection.sendRequest(DiagnosticRefreshRequest.type).then(
      () => this.refreshDone(),
      (err: unknown) => {
        this.connection.console.error(`maprace: workspace/diagnostic/refresh failed: ${String(err)}`);
        this.refreshDone();
      },
    );
  }

  private refreshDone(): void {
    this.refreshing = false;
    if (this.refreshWanted) this.requestRefresh();
  }
}

/** An open document maprace left out says so on its first line, instead of looking race-free. */
function skippedNotice(reason: string, text: string): Diagnostic {
  const end = text.search(/\r|\n/);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: end < 0 ? text.length : end } },
    severity: DiagnosticSeverity.Information,
    source: 'maprace',
    message: `maprace skipped this file: ${reason}`,
  };
}

function hashOf(items: Diagnostic[]): string {
  return createHash('sha1').update(JSON.stringify(items)).digest('hex').slice(0, 16);
}
