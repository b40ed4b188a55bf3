// `maprace --fix` over every fixture of every rule at once, as a user would run it on a tree: each case it
// fixes must be gofmt-clean, vet-clean and pass its own `go test -race`; a case without a preferred fix,
// and every race-free case, must be left byte for byte as it was.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadCases, ruleDirs } from '../support/fixtureCorpus';
import { pendingReason } from '../support/pendingFixtures';
import { noFixReason } from '../support/fixOffers';
import { findGo, parseGoTestOutput, runGoPath, showsMapRace } from '../support/goTool';
import { mapraceJson } from './run';

test('--fix over all fixtures of every rule: fixed cases gofmt, vet and -race clean, the rest untouched', (t) => {
  const cases = ruleDirs().flatMap((rule) => loadCases(rule).filter((c) => !pendingReason(rule, c.name)));
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-clifix-'));
  const srcDir = path.join(gopath, 'src');
  const pkg = (c: { rule: string; name: string }) => `${c.rule}/${c.name}`;
  const dirOf = (c: { rule: string; name: string }) => path.join(srcDir, c.rule, c.name);
  for (const c of cases) {
    fs.mkdirSync(dirOf(c), { recursive: true });
    for (const f of c.files) fs.writeFileSync(path.join(dirOf(c), path.basename(f.path)), f.text);
  }
  const caseOf = (file: string) => path.relative(srcDir, file).split(path.sep).slice(0, 2).join('/');

  const before = mapraceJson([srcDir]);
  assert.equal(before.run.status, 1, before.run.stderr);
  const withFix = new Set(before.findings.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => caseOf(f.file)));
  for (const c of cases.filter((x) => x.racy)) {
    const reason = noFixReason(c.rule, c.name);
    assert.equal(withFix.has(pkg(c)), !reason, `${pkg(c)}: ${reason ? `a preferred fix is offered although ${reason}` : 'no preferred fix'}`);
  }
  const fixable = cases.filter((c) => withFix.has(pkg(c)));
  const untouched = cases.filter((c) => !withFix.has(pkg(c)));
  assert.ok(new Set(fixable.map((c) => c.rule)).size >= 8, `fixes for only ${[...new Set(fixable.map((c) => c.rule))].join(', ')}`);
  assert.ok(fixable.every((c) => c.racy), 'only race fixtures get fixes');

  const { run, findings: remaining } = mapraceJson(['--fix', srcDir]);
  assert.notEqual(run.status, 2, run.stderr);
  assert.equal(run.status, remaining.some((f) => f.severity === 'error' || f.severity === 'warning') ? 1 : 0);

  // The report describes the files as they now are on disk.
  const after = mapraceJson([srcDir]);
  assert.deepEqual(remaining, after.findings, 'the findings --fix prints are those of the fixed files');

  const fixedLines = run.stderr.split('\n').filter((l) => l.startsWith('fixed: '));
  for (const c of fixable) {
    const changed = c.files.filter((f) => fs.readFileSync(path.join(dirOf(c), path.basename(f.path)), 'utf8') !== f.text);
    assert.ok(changed.length > 0, `${pkg(c)}: has a preferred fix but no file changed`);
    assert.ok(fixedLines.some((l) => l.startsWith(`fixed: ${dirOf(c)}${path.sep}`)), `${pkg(c)}: not named in a fixed: line\n${run.stderr}`);
    assert.deepEqual(remaining.filter((f) => caseOf(f.file) === pkg(c)).map((f) => f.message), [], `${pkg(c)}: findings left after --fix`);
  }
  for (const c of untouched) {
    for (const f of c.files) {
      const now = fs.readFileSync(path.join(dirOf(c), path.basename(f.path)), 'utf8');
      assert.equal(now, f.text, `${pkg(c)}/${path.basename(f.path)}: changed although no preferred fix was offered`);
    }
    if (c.racy) assert.ok(remaining.some((f) => caseOf(f.file) === pkg(c)), `${pkg(c)}: its unfixed finding is no longer reported`);
  }
  assert.match(run.stderr, new RegExp(`^maprace: applied ${fixedLines.length} fix(es)? to \\d+ files?$`, 'm'));
  assert.equal(fs.readdirSync(srcDir, { recursive: true }).filter((f) => String(f).includes('.maprace-')).length, 0, 'no temp file left');

  const go = findGo();
  if ('missing' in go) return t.skip(`go not found (${go.missing}): gofmt, go vet and go test -race of the fixed code not run`);
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt -l lists files:\n${fmt.output}`);
  const packages = fixable.map((c) => `./${pkg(c)}`);
  const vet = runGoPath(go.bin, gopath, ['vet', ...packages]);
  assert.equal(vet.status, 0, `go vet fails on fixed code:\n${vet.output}`);
  const test = runGoPath(go.bin, gopath, ['test', '-race', '-count=1', '-timeout=60s', ...packages]);
  const results = parseGoTestOutput(test.output);
  for (const c of fixable) {
    const r = results.get(pkg(c));
    assert.ok(r && r.status === 'ok' && !showsMapRace(r.output), `${pkg(c)}: fails go test -race after --fix:\n${r?.output ?? test.output}`);
  }
  fs.rmSync(gopath, { recursive: true, force: true });
});
