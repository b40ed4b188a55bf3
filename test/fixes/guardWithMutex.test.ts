// The "Guard with a mutex" fix, applied to every race fixture the way a user would (one fix, re-analyse,
// repeat), must leave code that is gofmt-clean, passes go vet and no longer fails `go test -race`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';
import type { Fix } from '../../server/src/analysis/types';
import { loadCases } from '../support/fixtureCorpus';
import { pendingReason } from '../support/pendingFixtures';
import { GUARD_NOT_OFFERED as NOT_OFFERED } from '../support/fixOffers';
import { findGo, parseGoTestOutput, runGoPath, showsMapRace } from '../support/goTool';

const RULE = 'concurrent-map-access';

function applyFix(fix: Fix): void {
  const byFile = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), edits));
}

test('guard-with-mutex fixes every race fixture into gofmt-clean, vet-clean, race-free Go', async (t) => {
  const parser = await createGoParser();
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-fix-'));
  // Cases whose rule support is still pending (test/support/pendingFixtures.ts) are not fixed yet either.
  const racy = loadCases(RULE).filter((c) => c.racy && !pendingReason(RULE, c.name));
  const titles = new Set<string>();
  for (const c of racy) {
    const dir = path.join(gopath, 'src', RULE, c.name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of c.files) fs.writeFileSync(path.join(dir, path.basename(f.path)), f.text);
    const analyse = () =>
      analyzePackage(
        fs.readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => parseSourceFile(parser, path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8'))),
      );
    let findings = analyse();
    assert.ok(findings.length > 0, `${c.name}: no finding before the fix`);
    if (c.name in NOT_OFFERED) {
      assert.deepEqual(findings.flatMap((f) => f.fixes), [], `${c.name}: a fix is offered although ${NOT_OFFERED[c.name]}`);
      fs.rmSync(dir, { recursive: true });
      continue;
    }
    for (let round = 0; round < 10 && findings.length > 0; round++) {
      const fix = findings.flatMap((f) => f.fixes).find((x) => x.preferred);
      assert.ok(fix, `${c.name}: a finding without a preferred fix:\n${findings.map((f) => f.message).join('\n')}`);
      assert.match(fix.title, /^Guard `\w+` with /);
      titles.add(fix.title.replace(/`\w+`/, '`m`').replace(/with \w+\.Lock/, 'with mu.Lock'));
      applyFix(fix);
      findings = analyse();
    }
    assert.deepEqual(findings.map((f) => f.message), [], `${c.name}: findings left after fixing`);
  }
  parser.delete();
  assert.ok(titles.size >= 1);

  const go = findGo();
  if ('missing' in go) {
    t.skip(`go not found (${go.missing}): gofmt, go vet and go test -race checks of the fixed code not run`);
    return;
  }
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt -l lists fixed files:\n${fmt.output}`);
  const vet = runGoPath(go.bin, gopath, ['vet', `./${RULE}/...`]);
  assert.equal(vet.status, 0, `go vet fails on fixed code:\n${vet.output}`);
  const run = runGoPath(go.bin, gopath, ['test', '-race', '-count=1', '-timeout=60s', `./${RULE}/...`]);
  const results = parseGoTestOutput(run.output);
  for (const c of racy.filter((x) => !(x.name in NOT_OFFERED))) {
    const r = results.get(`${RULE}/${c.name}`);
    assert.ok(r && r.status === 'ok' && !showsMapRace(r.output), `${c.name}: still fails go test -race after the fix:\n${r?.output ?? run.output}`);
  }
  fs.rmSync(gopath, { recursive: true, force: true });
});
