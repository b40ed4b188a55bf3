// Every race fixture's preferred fixes, applied the way a user would (one fix, re-analyse, repeat), must
// give exactly the golden source (test/testdata/golden/<rule>/<case>/<file>.golden), leave no finding,
// and be gofmt-clean, vet-clean and race-free under `go test -race` with the fixture's own test.
// Cases listed in test/support/fixOffers.ts must get no preferred fix. MAPRACE_UPDATE_GOLDEN=1 rewrites
// the goldens (review the diff).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { applicable, type Fix } from '../../server/src/analysis/types';
import { loadCases, ruleDirs, testdataDir } from '../support/fixtureCorpus';
import { pendingReason } from '../support/pendingFixtures';
import { GUARD_DISABLED_REASON, noFixReason } from '../support/fixOffers';
import { findGo, parseGoTestOutput, runGoPath, showsMapRace } from '../support/goTool';

const GOLDEN = path.join(testdataDir(), 'golden');
const UPDATE = process.env.MAPRACE_UPDATE_GOLDEN === '1';

function applyFix(fix: Fix): void {
  const byFile = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), edits));
}

test('preferred fixes turn every race fixture into its golden source: gofmt-clean, vet-clean, race-free', async (t) => {
  const parser = await createGoParser();
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-fix-'));
  const fixed: string[] = [];
  const goldensSeen = new Set<string>();
  for (const rule of ruleDirs()) {
    for (const c of loadCases(rule).filter((x) => x.racy && !pendingReason(rule, x.name))) {
      const dir = path.join(gopath, 'src', rule, c.name);
      fs.mkdirSync(dir, { recursive: true });
      for (const f of c.files) fs.writeFileSync(path.join(dir, path.basename(f.path)), f.text);
      const analyse = () =>
        analyzePackage(
          fs.readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => parseSourceFile(parser, path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'))),
        );
      let findings = analyse();
      assert.ok(findings.length > 0, `${rule}/${c.name}: no finding before the fix`);
      const preferredDisabled = findings.flatMap((f) => f.fixes).filter((x) => x.preferred && !applicable(x));
      assert.deepEqual(preferredDisabled, [], `${rule}/${c.name}: a disabled or empty fix is never preferred`);
      const reason = noFixReason(rule, c.name);
      if (reason) {
        const offered = findings.flatMap((f) => f.fixes.filter((x) => x.preferred).map((x) => x.title));
        assert.deepEqual(offered, [], `${rule}/${c.name}: a preferred fix is offered although ${reason}: update test/support/fixOffers.ts`);
        const why = rule === 'concurrent-map-access' ? GUARD_DISABLED_REASON[c.name] : undefined;
        if (why) {
          const shown = findings.flatMap((f) => f.fixes).filter((x) => x.disabled);
          assert.ok(shown.length > 0 && shown.every((x) => x.title.startsWith('Guard') && x.edits.length === 0 && why.test(x.disabled!)), `${rule}/${c.name}: the disabled guard tells why: ${JSON.stringify(shown)}`);
        }
        fs.rmSync(dir, { recursive: true });
        continue;
      }
      for (let round = 0; round < 10 && findings.length > 0; round++) {
        const fix = findings.flatMap((f) => f.fixes).find((x) => x.preferred && applicable(x));
        assert.ok(fix, `${rule}/${c.name}: a finding without a preferred fix:\n${findings.map((f) => f.message).join('\n')}`);
        applyFix(fix);
        findings = analyse();
      }
      assert.deepEqual(findings.map((f) => f.message), [], `${rule}/${c.name}: findings left after fixing`);
      fixed.push(`${rule}/${c.name}`);
      for (const f of c.files) {
        const after = fs.readFileSync(path.join(dir, path.basename(f.path)), 'utf8');
        const golden = path.join(GOLDEN, rule, c.name, `${path.basename(f.path)}.golden`);
        if (after === f.text) {
          assert.ok(!fs.existsSync(golden), `${golden}: a golden for a file the fix leaves alone`);
          continue;
        }
        goldensSeen.add(golden);
        if (UPDATE) {
          fs.mkdirSync(path.dirname(golden), { recursive: true });
          fs.writeFileSync(golden, after);
        }
        assert.ok(fs.existsSync(golden), `${golden} is missing: run with MAPRACE_UPDATE_GOLDEN=1 and review it`);
        assert.equal(after, fs.readFileSync(golden, 'utf8'), `${rule}/${c.name}/${path.basename(f.path)} differs from its golden`);
      }
    }
  }
  parser.delete();
  const stale = fs.existsSync(GOLDEN) ? fs.readdirSync(GOLDEN, { recursive: true }).map(String).filter((p) => p.endsWith('.golden')).map((p) => path.join(GOLDEN, p)).filter((p) => !goldensSeen.has(p)) : [];
  assert.deepEqual(stale, [], 'goldens of fixtures that no longer get a fix');
  assert.ok(fixed.length >= 20, `only ${fixed.length} fixtures got fixed`);

  const go = findGo();
  if ('missing' in go) {
    t.skip(`go not found (${go.missing}): gofmt, go vet and go test -race checks of the fixed code not run`);
    return;
  }
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt -l lists fixed files:\n${fmt.output}`);
  const vet = runGoPath(go.bin, gopath, ['vet', './...']);
  assert.equal(vet.status, 0, `go vet fails on fixed code:\n${vet.output}`);
  const run = runGoPath(go.bin, gopath, ['test', '-race', '-count=1', '-timeout=120s', './...']);
  const results = parseGoTestOutput(run.output);
  for (const name of fixed) {
    const r = results.get(name);
    assert.ok(r && r.status === 'ok' && !showsMapRace(r.output), `${name}: still fails go test -race after the fix:\n${r?.output ?? run.output}`);
  }
  fs.rmSync(gopath, { recursive: true, force: true });
});
