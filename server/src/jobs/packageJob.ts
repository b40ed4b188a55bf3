// One package's job, as the CLI's scan workers and the server's indexing worker run it: read, parse and
// analyse the package's files, and give back plain data (it crosses threads).
import { analyzePackage } from '../analysis/index';
import type { Finding, SeverityOverride, SourceFile } from '../analysis/index';
import { AnalysisTooSlow, withBudget } from '../analysis/budget';
import { mayHaveFindings } from '../analysis/prefilter';
import type { Parser } from '../parsing/goParser';
import { ANALYSIS_BUDGET_MS, duration } from '../parsing/limits';
import { parseFiles } from '../parsing/sourceFile';
import { goVersionFor } from '../project/goMod';
import { readSource, UnreadableSource } from '../project/sourceText';
import { failIfAsked, stallIfAsked } from '../workspace/testFailures';

/** What one package's analysis sends back (across a thread, so plain data only). */
export interface JobOutcome {
  findings: Finding[];
  internalError?: string;
  inputError?: string;
  /** Files or packages left out over a limit (`skipped <file>: too large ...`). */
  notices?: string[];
}

export interface JobRequest {
  index: number;
  dir: string;
  files: string[];
  severities: Record<string, SeverityOverride>;
}

/**
 * `npm run bench` also times the scan with this set: reading, parsing and the syntax copy as usual, and no
 * analysis, which is the floor for this design's scan (see the README's performance section).
 */
const SKIP_ANALYSIS = process.env.MAPRACE_BENCH_SKIP_ANALYSIS === '1';

/** Reads, parses and analyses one package. Packages that cannot hold a finding are not parsed. */
export function runJob(parser: Parser, job: JobRequest): JobOutcome {
  let texts: string[];
  try {
    texts = job.files.map(readSource);
  } catch (err) {
    if (err instanceof UnreadableSource) return { findings: [], inputError: err.message };
    throw err;
  }
  if (!mayHaveFindings(texts)) return { findings: [] };
  const notices: string[] = [];
  try {
    failIfAsked('parse', texts);
    const sources: SourceFile[] = parseFiles(parser, job.files, texts, notices);
    if (SKIP_ANALYSIS) return { findings: [], notices };
    failIfAsked('analysis', sources);
    stallIfAsked(sources);
    const options = { severities: job.severities, goVersion: goVersionFor(job.dir) };
    return { findings: withBudget(ANALYSIS_BUDGET_MS, () => analyzePackage(sources, options)), notices };
  } catch (err) {
    if (err instanceof AnalysisTooSlow) return { findings: [], notices: [...notices, `skipped ${job.dir}: too slow (analysis over ${duration(err.budgetMs)})`] };
    return { findings: [], internalError: `${job.dir}: ${(err as Error).stack ?? String(err)}`, notices };
  }
}
