// `maprace`: argument handling, exit status and output; the work happens in inputs/analyze/format*.
import type { Finding } from '../analysis/index';
import { scan } from './analyze';
import { parseArgs, UsageError, USAGE } from './args';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { fixSummary, formatText, summary } from './formatText';
import { fix, type FixResult } from './fix';
import { GrammarLoadError } from '../parsing/goParser';
import { InputError, resolveInputs } from './inputs';
import { packageVersion } from './version';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The bundle to start scan workers from (dist/cli.js); in-process callers leave it out. */
  workerScript?: string;
}

const blocking = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

export async function main(argv: readonly string[], io: Io): Promise<number> {
  let opts;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`maprace: ${err.message}\nRun "maprace --help" for usage.\n`);
    return EXIT_ERROR;
  }
  if (opts.help) {
    io.out(USAGE);
    return EXIT_CLEAN;
  }
  if (opts.version) {
    io.out(`maprace ${packageVersion()}\n`);
    return EXIT_CLEAN;
  }
  try {
    const jobs = resolveInputs(opts.paths);
    const fixed: FixResult | undefined = opts.fix ? await fix(jobs, opts.severities) : undefined;
    const result = fixed ?? (await scan(jobs, opts.severities, io.workerScript));
    // What --fix did goes to stderr in every format: stdout stays one parseable report.
    if (fixed) {
      for (const a of fixed.applied) {
        const also = a.alsoEdited.length ? ` (also edited ${a.alsoEdited.join(', ')})` : '';
        io.err(`fixed: ${a.file}: ${a.title} [${a.rule}]${also}\n`);
      }
      for (const n of fixed.notices) io.err(`maprace: ${n}\n`);
      io.err(fixSummary(fixed.applied.length, fixed.changed.length));
    }
    if (opts.format === 'json') io.out(formatJson(result.findings));
    else if (opts.format === 'sarif') io.out(formatSarif(result.findings, packageVersion(), io.cwd));
    else {
      io.out(formatText(result.findings));
      io.err(summary(result.findings, result.files));
    }
    for (const e of fixed?.errors ?? []) io.err(`maprace: ${e}\n`);
    if (!fixed) for (const n of result.notices) io.err(`maprace: ${n}\n`);
    for (const e of result.internalErrors) io.err(`maprace: internal error in ${e}\n`);
    if (result.internalErrors.length || fixed?.errors.length) return EXIT_ERROR;
    return result.findings.some(blocking) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (err) {
    if (err instanceof InputError || err instanceof GrammarLoadError) io.err(`maprace: ${err.message}\n`);
    else io.err(`maprace: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_ERROR;
  }
}
