// Test-only fault injection, so tests can make one package fail without mocking the analysis.
// MAPRACE_TEST_FAIL_ON="analysis:MARK,parse:OTHER" makes the analysis of any package with a file containing
// MARK throw, and the parsing of any file containing OTHER throw. Unset (always, outside tests) it costs nothing.
const rules = (process.env.MAPRACE_TEST_FAIL_ON ?? '')
  .split(',')
  .map((entry) => entry.match(/^(analysis|parse):(.+)$/))
  .filter((m): m is RegExpMatchArray => !!m)
  .map((m) => ({ stage: m[1], marker: m[2] }));

export function failIfAsked(stage: 'analysis' | 'parse', texts: readonly { text: string }[]): void {
  for (const rule of rules) {
    if (rule.stage === stage && texts.some((t) => t.text.includes(rule.marker))) {
      throw new Error(`MAPRACE_TEST_FAIL_ON: injected ${stage} failure (${rule.marker})`);
    }
  }
}
