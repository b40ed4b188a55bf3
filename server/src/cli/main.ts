// `maprace`: argument handling, exit status and output; the work happens in inputs/analyze/format*.
import type { Finding } from '../analysis/index';
import { scan } from './analyze';
import { parseArgs, UsageError, USAGE } from './args';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatText, summary } from './formatText';
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
  if (opts.fix) {
    io.err('maprace: --fix is not implemented yet (it comes with the quick-fix release)\n');
    return EXIT_ERROR;
  }
  try {
    const jobs = resolveInputs(opts.paths);
    const result = await scan(jobs, opts.severities);
    if (opts.format === 'json') io.out(formatJson(result.findings));
    else if (opts.format === 'sarif') io.out(formatSarif(result.findings, packageVersion(), io.cwd));
    else {
      io.out(formatText(result.findings));
      io.err(summary(result.findings, result.files));
    }
    for (const e of result.internalErrors) io.err(`maprace: internal error in ${e}\n`);
    if (result.internalErrors.length) return EXIT_ERROR;
    return result.findings.some(blocking) ? EXIT_FINDINGS : EXIT_CLEAN;
  } catch (err) {
    if (err instanceof InputError || err instanceof GrammarLoadError) io.err(`maprace: ${err.message}\n`);
    else io.err(`maprace: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_ERROR;
  }
}
