// What a file may cost before maprace leaves it out: past these, a file is skipped with a reason the
// user sees (a line on the CLI's stderr, an information diagnostic in the editor), never a crash or a hang.

/**
 * Bytes of source. A syntax tree costs 60 to 120 times its text (wasm memory that never shrinks, plus
 * heap): a 2 MB file of byte-slice data peaks at 345 MB and parses in 0.6 s here, a 20 MB one at 2.5 GB
 * and 30 s. The largest file of GOROOT/src is 1.4 MB (time/tzdata/zipdata.go). MAPRACE_MAX_FILE_MB overrides.
 */
export const MAX_FILE_BYTES = fromEnv('MAPRACE_MAX_FILE_MB', 2) * 1024 * 1024;

/**
 * A parse that takes longer is cancelled. The slowest file under MAX_FILE_BYTES parses in 0.6 s; this
 * leaves room for a busy machine. MAPRACE_PARSE_TIMEOUT_MS overrides.
 */
export const PARSE_TIMEOUT_MS = fromEnv('MAPRACE_PARSE_TIMEOUT_MS', 5000);

/**
 * Syntax nesting. The analysis walks trees recursively, and node's default stack overflows at about
 * 2,000 levels (nested `for`s); hand-written Go in GOROOT/src reaches 105. A `+` chain outside functions
 * (generated data, such as zipdata.go's 7,103 strings) is not counted: nothing walks into it.
 */
export const MAX_NESTING = 500;

/** Milliseconds a package's analysis may take before it is abandoned (see analysis/budget.ts). */
export const ANALYSIS_BUDGET_MS = fromEnv('MAPRACE_ANALYSIS_BUDGET_MS', 20_000);

/** A file left out, and why: `too large (20.0 MB; limit 2 MB)`, `too deeply nested (over 500 levels)`... */
export class FileSkipped extends Error {
  constructor(readonly reason: string) {
    super(`skipped: ${reason}`);
    this.name = 'FileSkipped';
  }
}

/** Throws FileSkipped when `text` is over MAX_FILE_BYTES in UTF-8; cheap for small texts. */
export function checkSize(text: string): void {
  // A UTF-16 unit takes at most 3 UTF-8 bytes, so most texts need no counting.
  if (text.length * 3 <= MAX_FILE_BYTES) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) throw tooLarge(bytes);
}

/** Why a file of `bytes` bytes is skipped, for callers that know the size before reading the file. */
export function tooLarge(bytes: number): FileSkipped {
  return new FileSkipped(`too large (${(bytes / MB).toFixed(1)} MB; limit ${round(MAX_FILE_BYTES / MB)} MB)`);
}

const MB = 1024 * 1024;

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** `20 s`, `1.5 s`, or `5 ms` under a second. */
export function duration(ms: number): string {
  return ms < 1000 ? `${round(ms)} ms` : `${round(ms / 1000)} s`;
}

function fromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
