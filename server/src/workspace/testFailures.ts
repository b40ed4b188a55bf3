// Test-only fault injection, so tests can make one package fail without mocking the analysis.
// MAPRACE_TEST_FAIL_ON="analysis:MARK,parse:OTHER" makes the analysis of any package with a file containing
// MARK throw, and the parsing of any file containing OTHER throw. Unset (always, outside tests) it costs nothing.
import * as fs from 'node:fs';

const rules = (process.env.MAPRACE_TEST_FAIL_ON ?? '')
  .split(',')
  .map((entry) => entry.match(/^(analysis|parse):(.+)$/))
  .filter((m): m is RegExpMatchArray => !!m)
  .map((m) => ({ stage: m[1], marker: m[2] }));

export function failIfAsked(stage: 'analysis' | 'parse', texts: readonly (string | { text: string })[]): void {
  for (const rule of rules) {
    if (rule.stage === stage && texts.some((t) => (typeof t === 'string' ? t : t.text).includes(rule.marker))) {
      throw new Error(`MAPRACE_TEST_FAIL_ON: injected ${stage} failure (${rule.marker})`);
    }
  }
}

// MAPRACE_TEST_STALL_ON="MARK:LATCH" makes the analysis of a package with a file containing MARK write the
// file LATCH.started, then wait until the file LATCH exists (at most a minute): a test can hold indexing
// inside one package and see what else the server still does meanwhile.
const stall = /^([^:]+):(.+)$/.exec(process.env.MAPRACE_TEST_STALL_ON ?? '');

export function stallIfAsked(texts: readonly { text: string }[]): void {
  if (!stall || !texts.some((t) => t.text.includes(stall[1]))) return;
  const latch = stall[2];
  fs.writeFileSync(`${latch}.started`, '');
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const end = Date.now() + 60_000; Date.now() < end && !fs.existsSync(latch); ) Atomics.wait(sleeper, 0, 0, 20);
}
