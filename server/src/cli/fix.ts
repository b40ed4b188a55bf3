// `maprace --fix`: per package, apply every finding's preferred fix that does not clash with another,
// re-analyse the new text in memory, repeat until nothing more is fixable, then write the package's
// changed files together (atomicWrite.ts). What is printed afterwards is what remains on disk.
import * as path from 'node:path';
import type { Parser } from '../parsing/goParser';
import { analyzePackage, applicable } from '../analysis/index';
import type { Finding, Fix, SeverityOverride, SourceFile } from '../analysis/index';
import { combineFixes } from '../analysis/fixes/combine';
import { applyEdits } from '../analysis/textEdits';
import { createGoParser } from '../parsing/goParser';
import { parseFiles } from '../parsing/sourceFile';
import { ANALYSIS_BUDGET_MS, duration } from '../parsing/limits';
import { AnalysisTooSlow, withBudget } from '../analysis/budget';
import { commitWrites, type CommitHooks } from './atomicWrite';
import type { ScanResult } from './analyze';
import type { PackageJob } from './inputs';
import { readSourceBytes, UnreadableSource } from '../project/sourceText';
import { goVersionFor } from '../project/goMod';

/** Fixed code can show new fixable findings; the limit bounds a chain of fixes that never ends. */
export const MAX_ROUNDS = 10;

export interface AppliedFix {
  /** The file of the finding the fix is for, as the user named it. */
  file: string;
  title: string;
  rule: string;
  /** Other files the fix edited (a mutex declared next to the map in another file). */
  alsoEdited: string[];
}

export interface FixResult extends ScanResult {
  applied: AppliedFix[];
  /** Files written. */
  changed: string[];
  /** Why a package was left alone (unreadable or unwritable file, changed on disk): the run exits 2. */
  errors: string[];
  /** Fixes not applied because a file they edit must not be rewritten (syntax errors, not UTF-8). */
  notices: string[];
}

export interface LoadedFile {
  file: string;
  bytes: Buffer;
  text: string;
  /** Written back only if the text round-trips to the same bytes and parses without error. */
  editable: boolean;
  whyNot?: string;
}

export function load(file: string): LoadedFile {
  const bytes = readSourceBytes(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  // A BOM or invalid UTF-8 is lost in decoding: writing the text back would change bytes no fix touched.
  const roundTrips = Buffer.from(text, 'utf8').equals(bytes);
  return { file, bytes, text, editable: roundTrips, whyNot: roundTrips ? undefined : 'not plain UTF-8 (byte order mark or invalid bytes)' };
}

/** Files over a limit are left out (and told in `notices`, when given): fixes never edit them. */
function parseAll(parser: Parser, files: readonly string[], texts: ReadonlyMap<string, string>, notices: string[] = []): SourceFile[] {
  return parseFiles(parser, files, files.map((f) => texts.get(f)!), notices);
}

function byFile<T extends { file: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(item.file, [...(out.get(item.file) ?? []), item]);
  return out;
}

export interface PackageFix {
  texts: Map<string, string>;
  findings: Finding[];
  applied: AppliedFix[];
  notices: string[];
  errors: string[];
}

/** The fixing rounds of one package, all in memory; `analyse` is analyzePackage with the run's options. */
export function fixInMemory(
  parser: Parser,
  job: PackageJob,
  loaded: Map<string, LoadedFile>,
  analyse: (sources: SourceFile[]) => Finding[],
  initial: { sources: SourceFile[]; findings: Finding[] },
): PackageFix {
  const texts = new Map([...loaded].map(([f, l]) => [f, l.text]));
  const reported = job.report === 'all' ? undefined : new Set([...job.report].map((f) => path.resolve(f)));
  const result: PackageFix = { texts, findings: initial.findings, applied: [], notices: [], errors: [] };
  const refused = new Set<string>();
  const editable = (file: string) => !!loaded.get(file)?.editable;
  for (const s of initial.sources) {
    const l = loaded.get(s.path)!;
    if (l.editable && s.root.hasError) Object.assign(l, { editable: false, whyNot: 'has syntax errors' });
  }

  const fixable = (findings: readonly Finding[]) => {
    const wanted: { finding: Finding; fix: Fix }[] = [];
    for (const finding of findings) {
      if (reported && !reported.has(path.resolve(finding.file))) continue;
      const fix = finding.fixes.find((x) => x.preferred && applicable(x));
      if (!fix) continue;
      const blocked = fix.edits.map((e) => e.file).find((f) => !editable(f));
      if (blocked === undefined) {
        wanted.push({ finding, fix });
      } else if (!refused.has(blocked)) {
        refused.add(blocked);
        const why = loaded.get(blocked)?.whyNot ?? 'not a file of this package';
        result.notices.push(`${blocked}: ${why}; fixes that edit it are not applied`);
      }
    }
    return wanted;
  };

  let rounds = 0;
  for (; rounds < MAX_ROUNDS; rounds++) {
    const wanted = fixable(result.findings);
    const combined = combineFixes(wanted.map((w) => w.fix));
    if (combined.fixes.length === 0) break;

    const next = new Map(texts);
    for (const [file, edits] of byFile(combined.edits)) next.set(file, applyEdits(next.get(file)!, edits));
    const changed = [...next].filter(([f, t]) => texts.get(f) !== t).map(([f]) => f);
    if (changed.length === 0) break;
    const sources = parseAll(parser, job.files, next);
    const broken = sources.filter((s) => changed.includes(s.path) && s.root.hasError).map((s) => s.path);
    if (broken.length) {
      // A fix must leave the code compiling; this one is a bug in maprace, so keep the rounds before it.
      result.errors.push(`internal error: fixing left a syntax error in ${broken.join(', ')}; those fixes are not applied`);
      break;
    }
    for (const [f, t] of next) texts.set(f, t);
    // Findings on both sides of one race offer the same fix: it is applied, and told, once.
    const told = new Set<string>();
    for (const fix of combined.fixes) {
      const { finding } = wanted.find((w) => w.fix === fix)!;
      const key = JSON.stringify([fix.title, fix.edits]);
      if (told.has(key)) continue;
      told.add(key);
      const alsoEdited = [...new Set(fix.edits.map((e) => e.file))].filter((f) => f !== finding.file);
      result.applied.push({ file: finding.file, title: fix.title, rule: finding.rule, alsoEdited });
    }
    const before = result.findings.length;
    result.findings = analyse(sources);
    // Each round must remove findings: a fix that leaves its finding would otherwise be applied again
    // (a second lock around the same access), so stop after applying it once.
    if (result.findings.length >= before) {
      rounds++;
      break;
    }
  }
  const left = fixable(result.findings).length;
  if (left > 0) result.notices.push(`${job.dir}: stopped after ${rounds} fixing rounds with ${left} fixable findings left`);
  return result;
}

function reportedOnly(job: PackageJob, findings: Finding[]): Finding[] {
  if (job.report === 'all') return findings;
  const wanted = new Set([...job.report].map((f) => path.resolve(f)));
  return findings.filter((f) => wanted.has(path.resolve(f.file)));
}

export async function fix(
  jobs: readonly PackageJob[],
  severities: Record<string, SeverityOverride>,
  hooks: CommitHooks = {},
): Promise<FixResult> {
  const parser = await createGoParser();
  const result: FixResult = { findings: [], files: 0, internalErrors: [], applied: [], changed: [], errors: [], notices: [] };
  try {
    for (const job of jobs) {
      result.files += job.report === 'all' ? job.files.length : job.report.size;
      // An unreadable file stops only its own package: the packages already written stay written.
      let loaded: Map<string, LoadedFile>;
      try {
        loaded = new Map(job.files.map((f) => [f, load(f)]));
      } catch (err) {
        if (!(err instanceof UnreadableSource)) throw err;
        result.errors.push(`${err.message}; package ${job.dir} not fixed`);
        continue;
      }
      let done: PackageFix;
      let initial: Finding[];
      try {
        const sources = parseAll(parser, job.files, new Map([...loaded].map(([f, l]) => [f, l.text])), result.notices);
        const goVersion = goVersionFor(job.dir);
        const analyse = (s: SourceFile[]) => withBudget(ANALYSIS_BUDGET_MS, () => analyzePackage(s, { severities, goVersion }));
        initial = analyse(sources);
        done = fixInMemory(parser, job, loaded, analyse, { sources, findings: initial });
      } catch (err) {
        if (err instanceof AnalysisTooSlow) result.notices.push(`skipped ${job.dir}: too slow (analysis over ${duration(err.budgetMs)})`);
        else result.internalErrors.push(`${job.dir}: ${(err as Error).stack ?? String(err)}`);
        continue;
      }
      result.errors.push(...done.errors);
      result.notices.push(...done.notices);
      const writes = job.files
        .filter((f) => done.texts.get(f) !== loaded.get(f)!.text)
        .map((f) => ({ file: f, original: loaded.get(f)!.bytes, content: Buffer.from(done.texts.get(f)!, 'utf8') }));
      if (writes.length === 0) {
        result.findings.push(...reportedOnly(job, done.findings));
        continue;
      }
      const commit = commitWrites(writes, hooks);
      if (commit.ok) {
        result.applied.push(...done.applied);
        result.changed.push(...writes.map((w) => w.file));
        result.findings.push(...reportedOnly(job, done.findings));
      } else {
        const partial = commit.written.length
          ? `; only ${commit.written.join(', ')} of package ${job.dir} were written`
          : `; no file of package ${job.dir} was changed`;
        result.errors.push(...commit.errors.map((e) => `${e}${partial}`));
        result.changed.push(...commit.written);
        // What is on disk is what the findings must describe: the text as read, unless some files were replaced.
        result.findings.push(...reportedOnly(job, commit.written.length ? done.findings : initial));
      }
    }
  } finally {
    parser.delete();
  }
  return result;
}
