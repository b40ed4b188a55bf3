// Per-package analysis state: which directories are stale, the findings of every file, and what changed.
import * as path from 'node:path';
import { analyzePackage, type Finding, type SourceFile } from '../analysis/index';
import type { DocumentStore } from './documentStore';
import { DiskFiles, goFilesIn } from './diskFiles';
import { goVersionFor } from '../project/goMod';
import { FailureLog } from './failureLog';
import { failIfAsked } from './testFailures';
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
}

export class Packages {
  private readonly packages = new Map<string, PackageState>();
  private readonly findings = new Map<string, Finding[]>();
  private readonly signatures = new Map<string, string>();
  private readonly failures = new FailureLog((message) => this.log(message));
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
    state.dirty = true;
    if (trigger) state.triggers.add(file);
    return dir;
  }

  isDirty(dir: string): boolean {
    return this.packages.get(dir)?.dirty ?? true;
  }

  dirtyDirs(): string[] {
    return [...this.packages].filter(([, s]) => s.dirty).map(([d]) => d);
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
    this.packages.delete(dir);
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

  /** The package's files as the analysis sees them: open buffers over the disk, unparsable files left out. */
  sourcesOf(dir: string): SourceFile[] {
    const paths = new Set(goFilesIn(dir));
    for (const d of this.docs.inDirectory(dir)) paths.add(d.path);
    const sources: SourceFile[] = [];
    for (const p of [...paths].sort()) {
      const source = this.sourceOf(p);
      if (source) sources.push(source);
    }
    return sources;
  }

  /** One file as the analysis sees it: the open buffer, else the file on disk. */
  sourceOf(file: string): SourceFile | undefined {
    const open = this.docs.atPath(file);
    try {
      const source = open ? this.docs.sourceFile(open) : this.disk.get(file);
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

  /** Re-reads and re-analyses one directory; analysis errors are logged, never thrown. */
  analyze(dir: string): AnalysisResult {
    const state = this.state(dir);
    const triggers = state.triggers;
    state.triggers = new Set();
    state.dirty = false;
    const sources = this.sourcesOf(dir);
    let found: Finding[] = [];
    try {
      failIfAsked('analysis', sources);
      found = sources.length ? withBudget(ANALYSIS_BUDGET_MS, () => analyzePackage(sources, { goVersion: goVersionFor(dir) })) : [];
      this.failures.ok(`analysis of package ${dir}`);
      this.skipped.setPackage(dir, undefined);
    } catch (err) {
      if (err instanceof AnalysisTooSlow) this.skipped.setPackage(dir, `too slow (analysis of its package over ${duration(err.budgetMs)})`);
      else this.failures.fail(`analysis of package ${dir}`, err);
    }
    const byFile = new Map<string, Finding[]>();
    for (const f of found) {
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, (list = []));
      list.push(f);
    }
    const files = new Set([...state.files, ...sources.map((s) => s.path), ...byFile.keys(), ...this.skipped.inDirectory(dir)]);
    const changed: string[] = [];
    for (const file of files) {
      const list = byFile.get(file) ?? [];
      // Being skipped (or no longer) changes what the file shows, as findings do.
      const skipped = this.skipped.reasonOf(file);
      const signature = JSON.stringify(list) + (skipped ? ` skipped: ${skipped}` : '');
      if ((this.signatures.get(file) ?? '[]') !== signature) changed.push(file);
      if (list.length) this.findings.set(file, list);
      else this.findings.delete(file);
      if (signature !== '[]') this.signatures.set(file, signature);
      else this.signatures.delete(file);
    }
    state.files = sources.map((s) => s.path);
    return { dir, files: [...files], changed, triggers };
  }

  private state(dir: string): PackageState {
    let s = this.packages.get(dir);
    if (!s) this.packages.set(dir, (s = { dirty: true, triggers: new Set(), files: [] }));
    return s;
  }
}
