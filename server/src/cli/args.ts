// Command-line parsing for `maprace`: flags per SPEC §1, anything else is a usage error.
import { RULES } from '../analysis/rules/catalog';
import type { SeverityOverride } from '../analysis/index';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: Format;
  fix: boolean;
  severities: Record<string, SeverityOverride>;
  paths: string[];
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: maprace [--format text|json|sarif] [--fix] [--rule ID=off|hint|info|warning|error]... PATH...

Finds Go map accesses that can race (fatal error: concurrent map writes).

PATH is a Go file, a directory (scanned recursively) or a pattern such as ./...
testdata/, vendor/ (unless named) and directories starting with . or _ are skipped.

Options:
  --format FORMAT   text (default), json or sarif (SARIF 2.1.0)
  --rule ID=LEVEL   set a rule's severity: off, hint, info, warning or error
  --fix             apply the preferred fix of each finding in place, then report what remains
  --help            show this help
  --version         print the version

Exit status: 0 no finding at warning or above, 1 findings, 2 bad usage or error.
Rules: ${RULES.map((r) => r.id).join(', ')}
`;

const LEVELS: Record<string, SeverityOverride> = {
  off: 'off',
  hint: 'hint',
  info: 'information',
  information: 'information',
  warning: 'warning',
  error: 'error',
};

function parseRule(spec: string, severities: Record<string, SeverityOverride>): void {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule expects ID=LEVEL, got "${spec}"`);
  const id = spec.slice(0, eq);
  const level = spec.slice(eq + 1);
  if (!RULES.some((r) => r.id === id)) {
    throw new UsageError(`unknown rule "${id}" (known: ${RULES.map((r) => r.id).join(', ')})`);
  }
  const severity = LEVELS[level];
  if (!severity) throw new UsageError(`--rule ${id}: unknown level "${level}" (use off, hint, info, warning or error)`);
  severities[id] = severity;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const opts: CliOptions = { format: 'text', fix: false, severities: {}, paths: [], help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      opts.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (name !== arg) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (use text, json or sarif)`);
        opts.format = f;
        break;
      }
      case '--rule':
        parseRule(value(), opts.severities);
        break;
      case '--fix':
      case '--help':
      case '-h':
      case '--version':
        if (name !== arg) throw new UsageError(`${name} takes no value`);
        if (name === '--fix') opts.fix = true;
        else if (name === '--version') opts.version = true;
        else opts.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${name}`);
    }
  }
  if (!opts.help && !opts.version && opts.paths.length === 0) throw new UsageError('no PATH given');
  return opts;
}
