// The Go fixture corpus, one directory per rule: the analysis (all rules at once) must agree with every
// `// want`, and the Go race detector must agree with the corpus (racy cases fail `go test -race` at the
// wanted lines, their twins pass).
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzePackage, ruleInfo } from '../server/src/analysis/index';
import { createGoParser } from '../server/src/parsing/goParser';
import { parseSourceFile } from '../server/src/parsing/sourceFile';
import {
  compareWithWants,
  expectedRaceLines,
  loadCases,
  parseGoStrings,
  parseRaceOnly,
  parseWants,
  proofOf,
  ruleDirs,
  testdataDir,
} from './support/fixtureCorpus';
import type { FixtureCase } from './support/fixtureCorpus';
import { findGo, parseGoTestOutput, raceAccessLocations, runGoPath, showsMapRace } from './support/goTool';
import { PENDING, pendingReason } from './support/pendingFixtures';
import type { Finding } from '../server/src/analysis/types';

const root = testdataDir();
const rules = ruleDirs(root);
const casesByRule = new Map(rules.map((r) => [r, loadCases(r, root)]));
const cases = [...casesByRule.values()].flat();
/** The established rule's corpus is held to a larger minimum than the newer ones. */
const MIN_RACY: Record<string, number> = { 'concurrent-map-access': 10 };
const pkgPath = (c: FixtureCase) => `${c.rule}/${c.name}`;
const lineKey = (file: string, line: number) => `${path.basename(file)}:${line}`;

type Parser = Awaited<ReturnType<typeof createGoParser>>;
let parser: Promise<Parser> | undefined;
after(async () => (await parser)?.delete());

function finding(file: string, line: number, message: string): Finding {
  const pos = { line: line - 1, character: 1 };
  return { file, rule: 'concurrent-map-access', severity: 'error', message, range: { start: pos, end: pos }, related: [], fixes: [] };
}

test('the want checker reports misses, false positives and wrong messages', () => {
  assert.deepEqual(parseGoStrings('"a\\\\.b\\"" `raw\\d` "\\x41\\u00e9"'), ['a\\.b"', 'raw\\d', 'Aé']);
  assert.throws(() => parseGoStrings('"open'), /unterminated/);
  const wants = parseWants({
    path: '/x/a.go',
    text: 'package a\nm[k] = 1 // want "written.*writes"\nn := m[k] // want `read` "read"\n',
  });
  assert.deepEqual(wants.map((w) => [w.line, w.pattern]), [[2, 'written.*writes'], [3, 'read'], [3, 'read']]);
  const ok = [finding('/x/a.go', 2, 'm is written while f writes it'), finding('/x/a.go', 3, 'read 1'), finding('/x/a.go', 3, 'read 2')];
  assert.deepEqual(compareWithWants(wants, ok), []);
  const bad = compareWithWants(wants, [
    finding('/x/a.go', 2, 'm is read'),
    finding('/x/a.go', 3, 'read 1'),
    finding('/x/a.go', 1, 'spurious'),
  ]);
  assert.equal(bad.length, 4, bad.join('\n'));
  assert.match(bad[0]!, /^a\.go:2: finding matches no unused want.*m is read/);
  assert.match(bad[1]!, /^a\.go:1: unexpected finding \(false positive\): spurious/);
  assert.match(bad[2]!, /^a\.go:2: no finding matched want "written\.\*writes" \(findings on this line: "m is read"\)/);
  assert.match(bad[3]!, /^a\.go:3: no finding matched want "read" \(findings on this line: "read 1"\)/);
  assert.match(compareWithWants(wants, ok.slice(1))[0]!, /^a\.go:2: no finding matched want .* \(missed\)/);
});

for (const [rule, cases] of casesByRule) {
  test(`${rule}: corpus guard: every race fixture has a race-free twin and every case a Go test`, () => {
    const racy = cases.filter((c) => c.racy);
    const safe = cases.filter((c) => !c.racy);
    const minRacy = MIN_RACY[rule] ?? 2;
    assert.ok(racy.length >= minRacy, `only ${racy.length} race fixtures (at least ${minRacy})`);
    assert.ok(safe.length >= racy.length, `${safe.length} race-free cases for ${racy.length} race fixtures`);
    const byName = new Map(cases.map((c) => [c.name, c]));
    const problems: string[] = [];
    if (!ruleInfo(rule) && !pendingReason(rule, '')) problems.push(`${rule}: not a rule id of the catalog`);
    for (const c of racy) {
      const twin = byName.get(`${c.name}_ok`);
      if (!twin) problems.push(`${c.name}: race fixture without a ${c.name}_ok twin`);
      else if (twin.racy) problems.push(`${twin.name}: the race-free twin has wants`);
    }
    for (const c of cases) {
      if (c.name.endsWith('_ok') && c.racy) problems.push(`${c.name}: an _ok case has wants`);
      if (!c.racy && c.raceOnly.length) problems.push(`${c.name}: a race-free case has \`// race:\` lines`);
      for (const r of c.raceOnly) {
        const at = `${c.name}/${lineKey(r.file, r.line)}`;
        if (c.wants.some((w) => w.file === r.file && w.line === r.line)) problems.push(`${at}: both a want and \`// race:\``);
        if (!r.reason) problems.push(`${at}: \`// race:\` without a reason`);
      }
      if (!/^[a-z][a-z0-9_]*$/.test(c.name)) problems.push(`${c.name}: not a Go package name`);
      const tests = c.files.filter((f) => f.path.endsWith('_test.go'));
      if (!tests.some((f) => /^func Test\w*\(t \*testing\.T\)/m.test(f.text))) problems.push(`${c.name}: no _test.go with a Test function`);
      for (const f of c.files) {
        if (!new RegExp(`^package ${c.name}$`, 'm').test(f.text)) problems.push(`${lineKey(f.path, 1)}: package is not ${c.name}`);
      }
      for (const w of c.wants) {
        if (w.file.endsWith('_test.go')) problems.push(`${c.name}/${lineKey(w.file, w.line)}: a want in a test file`);
      }
    }
    assert.deepEqual(problems, []);
  });
}

test('race lines: wants except map field declarations, plus `// race:` lines', () => {
  const text = [
    'package a',
    'type S struct {',
    '\tm map[string]int // want "field .S.m."',
    '}',
    'func (s *S) f() { s.m["k"]++ } // want "written"',
    'func (s *S) g() { s.m["k"] = 1 } // race: the locked side',
  ].join('\n');
  const file = { path: '/x/a/a.go', text };
  const c: FixtureCase = {
    rule: 'r', name: 'a', dir: '/x/a', files: [file], wants: parseWants(file), raceOnly: parseRaceOnly(file), racy: true,
  };
  assert.deepEqual(c.raceOnly.map((r) => [r.line, r.reason]), [[6, 'the locked side']]);
  assert.deepEqual([...expectedRaceLines(c)], ['a.go:5', 'a.go:6']);
});

test('every PENDING entry names an existing rule directory or case', () => {
  const names = new Set([...rules, ...cases.map(pkgPath)]);
  assert.deepEqual(Object.keys(PENDING).filter((k) => !names.has(k)), []);
});

for (const c of cases) {
  const todo = pendingReason(c.rule, c.name);
  test(`${pkgPath(c)}: findings match the want comments`, todo ? { todo } : {}, async (t) => {
    parser ??= createGoParser();
    const p = await parser;
    const files = c.files.map((f) => parseSourceFile(p, f.path, f.text));
    const broken = files.filter((f) => f.root.hasError).map((f) => path.basename(f.path));
    assert.deepEqual(broken, [], 'the grammar must parse every fixture without ERROR nodes');
    // Every rule at once: another rule's finding on a line without a matching want is a false positive.
    const findings = analyzePackage(files);
    const problems = compareWithWants(c.wants, findings);
    if (todo && !problems.length) t.diagnostic(`agrees with its wants: remove ${pkgPath(c)} from PENDING`);
    if (problems.length) assert.fail(`${pkgPath(c)}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  });
}

test('go vet accepts every fixture', async (t) => {
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found on PATH: ${go.missing}`);
  for (const rule of rules) {
    await t.test(rule, () => {
      const run = runGoPath(go.bin, root, ['vet', `./${rule}/...`]);
      assert.equal(run.status, 0, `go vet ./${rule}/... failed:\n${run.output}`);
    });
  }
});

test('go test -race: race fixtures fail with a map race at the wanted lines (other rules: as proofOf says), the others pass', async (t) => {
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found on PATH: ${go.missing}`);
  t.diagnostic(go.version);
  const run = runGoPath(go.bin, root, ['test', '-race', '-count=1', './...']);
  const results = parseGoTestOutput(run.output);
  for (const c of cases) {
    await t.test(pkgPath(c), (st) => {
      const r = results.get(pkgPath(c));
      assert.ok(r, `no result for ${pkgPath(c)} in go test output:\n${run.output.slice(-4000)}`);
      const proof = proofOf(c.rule);
      if (!c.racy || proof === 'passes') {
        assert.ok(r.status === 'ok' && !showsMapRace(r.output), `a case whose test must pass failed go test -race:\n${r.output}`);
        return;
      }
      if (proof === 'fails') {
        assert.ok(r.status === 'FAIL' && !showsMapRace(r.output), `the case's test must fail without a map race:\n${r.output}`);
        return;
      }
      assert.ok(r.status === 'FAIL' && showsMapRace(r.output), `race fixture did not show a map race:\n${r.output}`);
      if (!r.output.includes('WARNING: DATA RACE')) {
        st.diagnostic('only the runtime fatal error fired; access lines not cross-checked');
        return;
      }
      // Line level: the detector's accesses are exactly the wanted lines (it reports one pair per map),
      // less map field declarations, plus the `// race:` lines where the other side gets no finding.
      const seen = raceAccessLocations(r.output, c.dir);
      const wanted = expectedRaceLines(c);
      const unconfirmed = [...wanted].filter((k) => !seen.has(k));
      const unwanted = [...seen].filter((k) => !wanted.has(k));
      assert.deepEqual(
        { unconfirmed, unwanted },
        { unconfirmed: [], unwanted: [] },
        `wants vs race detector accesses (${[...seen].join(', ')}):\n${r.output}`,
      );
    });
  }
});
