// Per-package analysis state: which directories are stale, the findings of every file, and what changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { declaredPackage } from '../analysis/packageClause';
import { analyzePackage, type Finding, type SourceFile } from '../analysis/index';
import { PackageSession } from '../analysis/session';
import type { DocumentStore } from './documentStore';
import { DiskFiles, goFilesIn, statOrNull } from './diskFiles';
import { goVersionFor } from '../project/goMod';
import { FailureLog } from './failureLog';
import { failIfAsked, stallIfAsked } from './testFailures';
import { SkippedFiles } from './skippedFiles';
import { ANALYSIS_BUDGET_MS, FileSkipped, duration } from '../parsing/limits';
import { AnalysisTooSlow, withBudget } from '../analysis/budget';

export interface AnalysisResult {
  dir: string;
  /** Every file that has, or had until now, findings in this package, plus its current files. */
  files: string[];
  /** Files whose findings differ from the previous analysis. */
  changed: string[];
  /** Files whose edits caused this analysis (their client re-pulls anyway). */
  triggers: Set<string>;
}

interface PackageState {
  dirty: boolean;
  triggers: Set<string>;
  files: string[];
  /** Only this package clause of the directory was analysed so far (see analyze's `first`). */
  partial?: string;
}

export class Packages {
  private readonly packages = new Map<string, PackageState>();
  private readonly findings = new Map<string, Finding[]>();
  private readonly signatures = new Map<string, string>();
  private readonly failures = new FailureLog((message) => this.log(message));
  /** The package clause each file on disk declares, while its size and modification time stay the same. */
  private readonly clauses = new Map<string, { mtimeMs: number; size: number; clause: string | undefined }>();
  /** Packages with open documents, analysed again after each edit from what the last analysis kept. */
  private readonly sessions = new Map<string, PackageSession>();
  /** How often each directory was touched or analysed here: indexing's findings from before are stale. */
  private readonly stamps = new Map<string, number>();
  /** Files over a limit (too large, too slow to parse, too deeply nested) and packages over the time budget. */
  readonly skipped = new SkippedFiles((message) => this.log(message));

  constructor(
    private readonly docs: DocumentStore,
    private readonly disk: DiskFiles,
    private readonly log: (message: string) => void,
  ) {}

  /** Marks the package of `file` stale; `trigger` when an edit of that open document caused it. */
  touch(file: string, trigger = false): string {
    const dir = path.dirname(file);
    const state = this.state(dir);
    this.bump(dir);
    state.dirty = true;
    if (trigger) state.triggers.add(file);
    return dir;
  }

  /**
   * Is the directory's analysis stale: for `file` when given (only its package clause counts then),
   * else for any of its files?
   */
  isDirty(dir: string, file?: string): boolean {
    const state = this.packages.get(dir);
    if (!state || state.dirty) return true;
    if (state.partial === undefined) return false;
    return file === undefined || this.clauseOf(file) !== state.partial;
  }

  /** Only one package clause of the directory has been analysed yet. */
  isPartial(dir: string): boolean {
    return this.partialClause(dir) !== undefined;
  }

  /** The one package clause of the directory analysed so far, if only one was. */
  partialClause(dir: string): string | undefined {
    return this.packages.get(dir)?.partial;
  }

  /** Changes with every touch and analysis of `dir` here (see recordIndexed). */
  stampOf(dir: string): number {
    return this.stamps.get(dir) ?? 0;
  }

  private bump(dir: string): void {
    this.stamps.set(dir, this.stampOf(dir) + 1);
  }

  /**
   * Does indexing still need to analyse `dir`: never analysed, no document of it open (open documents'
   * packages are analysed here, from their buffers)?
   */
  needsIndexing(dir: string): boolean {
    return !this.packages.has(dir) && !this.docs.inDirectory(dir).length;
  }

  /**
   * Findings of `dir` analysed elsewhere (the indexing worker) from its files on disk, when nothing here
   * touched or analysed it since `stamp` and it is still unanalysed; undefined (and nothing kept) if so.
   */
  recordIndexed(dir: string, files: string[], found: readonly Finding[], stamp: number): AnalysisResult | undefined {
    if (this.stampOf(dir) !== stamp || !this.needsIndexing(dir)) return undefined;
    const state = this.state(dir);
    state.dirty = false;
    return this.keep(dir, state, files, found, new Set());
  }

  dirtyDirs(): string[] {
    return [...this.packages].filter(([, s]) => s.dirty || s.partial !== undefined).map(([d]) => d);
  }

  knownDirs(): string[] {
    return [...this.packages.keys()];
  }

  filesWithFindings(): string[] {
    return [...this.findings.keys()];
  }

  /** The findings of `file` from the last analysis of its package. */
  findingsOf(file: string): Finding[] {
    return this.findings.get(file) ?? [];
  }

  /** Forgets a package (its folder left the workspace); returns the files that had findings or skip notices. */
  forget(dir: string): string[] {
    const state = this.packages.get(dir);
    this.bump(dir);
    this.packages.delete(dir);
    this.sessions.delete(dir);
    this.disk.unpin(dir);
    for (const file of this.clauses.keys()) if (path.dirname(file) === dir) this.clauses.delete(file);
    // Every file with findings or a skip notice has a signature.
    const had = [...this.signatures.keys()].filter((f) => path.dirname(f) === dir);
    for (const f of had) {
      this.findings.delete(f);
      this.signatures.delete(f);
    }
    this.skipped.forget(dir);
    void state;
    return had;
  }

  /**
   * The package's files as the analysis sees them: open buffers over the disk, unparsable files left out.
   * With `clause`, only files whose text declares that package (or that cannot be read that way).
   */
  sourcesOf(dir: string, clause?: string): SourceFile[] {
    const paths = new Set(goFilesIn(dir));
    for (const d of this.docs.inDirectory(dir)) paths.add(d.path);
    const sources: SourceFile[] = [];
    for (const p of [...paths].sort()) {
      // One look at the disk per file and analysis (after each keystroke, for a package being edited).
      const stat = this.docs.atPath(p) ? undefined : statOrNull(p);
      if (clause !== undefined && !this.declares(p, clause, stat)) continue;
      const source = this.sourceOf(p, stat);
      if (source) sources.push(source);
    }
    return sources;
  }

  /** Does `file` declare package `clause` (or might it: its text does not say)? */
  private declares(file: string, clause: string, stat?: fs.Stats | null): boolean {
    const declared = this.clauseOf(file, stat);
    return declared === undefined || declared === clause;
  }

  /** `stat`: the file's, when the caller has it (null: it is gone). */
  private clauseOf(file: string, stat?: fs.Stats | null): string | undefined {
    const open = this.docs.atPath(file);
    if (open) return declaredPackage(open.tree.text);
    try {
      const { mtimeMs, size } = stat ?? fs.statSync(file);
      const known = this.clauses.get(file);
      if (known && known.mtimeMs === mtimeMs && known.size === size) return known.clause;
      const clause = declaredPackage(fs.readFileSync(file, 'utf8'));
      this.clauses.set(file, { mtimeMs, size, clause });
      return clause;
    } catch {
      return undefined;
    }
  }

  /** One file as the analysis sees it: the open buffer, else the file on disk (`stat`: its, when known). */
  sourceOf(file: string, stat?: fs.Stats | null): SourceFile | undefined {
    const open = this.docs.atPath(file);
    try {
      const source = open ? this.docs.sourceFile(open) : this.disk.get(file, stat);
      if (source) failIfAsked('parse', [source]);
      this.failures.ok(`parsing ${file}`);
      this.skipped.setFile(file, undefined);
      return source;
    } catch (err) {
      if (err instanceof FileSkipped) this.skipped.setFile(file, err.reason);
      else this.failures.fail(`parsing ${file}`, err);
      return undefined;
    }
  }

  /**
   * Re-reads and re-analyses one directory; analysis errors are logged, never thrown. `first`: a file
   * whose findings are wanted now. Until a directory has been analysed whole once, only the files of that
   * file's package clause are (not a big package's external tests, say): the rest waits for an analysis
   * without `first` (isPartial says so).
   */
  analyze(dir: string, first?: string): AnalysisResult {
    const state = this.state(dir);
    this.bump(dir);
    const triggers = state.triggers;
    state.triggers = new Set();
    state.dirty = false;
    // Partial the first time, or again for the same clause: another clause's findings would be dropped.
    const declared = first !== undefined && (!state.files.length || state.partial !== undefined) ? this.clauseOf(first) : undefined;
    const clause = declared !== undefined && (state.partial === undefined || declared === state.partial) ? declared : undefined;
    state.partial = clause;
    const sources = this.sourcesOf(dir, clause);
    let found: Finding[] = [];
    // Only packages being edited keep a session: its summaries cost memory, and a package nobody edits
    // is analysed once.
    let session = this.sessions.get(dir);
    if (this.docs.inDirectory(dir).length) {
      if (!session) this.sessions.set(dir, (session = new PackageSession()));
      this.disk.pin(dir);
    } else {
      this.sessions.delete(dir);
      this.disk.unpin(dir);
      session = undefined;
    }
    try {
      failIfAsked('analysis', sources);
      stallIfAsked(sources);
      const options = { goVersion: goVersionFor(dir) };
      const run = () => (session ? session.analyze(sources, options) : analyzePackage(sources, options));
      found = sources.length ? withBudget(ANALYSIS_BUDGET_MS, run) : [];
      this.failures.ok(`analysis of package ${dir}`);
      this.skipped.setPackage(dir, undefined);
    } catch (err) {
      // A session that failed half-way may hold half-updated state: the next analysis starts afresh.
      this.sessions.delete(dir);
      if (err instanceof AnalysisTooSlow) this.skipped.setPackage(dir, `too slow (analysis of its package over ${duration(err.budgetMs)})`);
      else this.failures.fail(`analysis of package ${dir}`, err);
    }
    return this.keep(dir, state, sources.map((s) => s.path), found, triggers);
  }

  /** Keeps one analysis's findings of `dir` (of `sources`, its files) and says which files they changed. */
  private keep(dir: string, state: PackageState, sources: string[], found: readonly Finding[], triggers: Set<string>): AnalysisResult {
    const byFile = new Map<string, Finding[]>();
    for (const f of found) {
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, (list = []));
      list.push(f);
    }
    const files = new Set([...state.files, ...sources, ...byFile.keys(), ...this.skipped.inDirectory(dir)]);
    const changed: string[] = [];
    for (const file of files) {
      const list = byFile.get(file) ?? [];
      // Fixes are planned when read (lazyFixes.ts): a change of findings is a change of what they say.
      // Being skipped (or no longer) changes what the file shows, as findings do.
      const skipped = this.skipped.reasonOf(file);
      const signature = JSON.stringify(list.map((f) => [f.file, f.rule, f.severity, f.message, f.range, f.related])) + (skipped ? ` skipped: ${skipped}` : '');
      if ((this.signatures.get(file) ?? '[]') !== signature) changed.push(file);
      if (list.length) this.findings.set(file, list);
      else this.findings.delete(file);
      if (signature !== '[]') this.signatures.set(file, signature);
      else this.signatures.delete(file);
    }
    state.files = sources;
    return { dir, files: [...files], changed, triggers };
  }

  private state(dir: string): PackageState {
    let s = this.packages.get(dir);
    if (!s) this.packages.set(dir, (s = { dirty: true, triggers: new Set(), files: [] }));
    return s;
  }
}
