// `maprace --fix` (SPEC §1): what it prints, what it writes, and that it never half-writes or clobbers
// a file: unwritable files and directories, a file changed behind its back, a package spread over files.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fix } from '../../server/src/cli/fix';
import { commitWrites } from '../../server/src/cli/atomicWrite';
import { resolveInputs } from '../../server/src/cli/inputs';
import { loadCases } from '../support/fixtureCorpus';
import { GUARD_NOT_OFFERED } from '../support/fixOffers';
import { maprace, mapraceJson, tempTree } from './run';
import { RACY } from './gosrc';

const IS_ROOT = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
const GUARDED = /^fixed: (.+): Guard `hits` with .+ \[concurrent-map-access\]$/;

/** Files left behind in `dir` by an interrupted write (the temp files start with a dot). */
const leftovers = (dir: string) => fs.readdirSync(dir).filter((f) => f.includes('.maprace-'));

/** The same package with `hits` declared in one file and raced on in another: one fix edits both. */
const SPLIT = {
  'decl.go': 'package racy\n\nvar hits = map[string]int{}\n',
  'work.go': RACY.replace('var hits = map[string]int{}\n\n', ''),
};

test('--fix rewrites a racy file in place, keeps its mode, says what it did, and a rerun is clean', () => {
  const dir = tempTree({ 'racy.go': RACY });
  const file = path.join(dir, 'racy.go');
  fs.chmodSync(file, 0o640);
  const run = maprace(['--fix', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '', 'no finding left to print');
  const lines = run.stderr.trimEnd().split('\n');
  assert.match(lines[0], GUARDED);
  assert.equal(GUARDED.exec(lines[0])![1], file);
  assert.deepEqual(lines.slice(1), ['maprace: applied 1 fix to 1 file', 'maprace: no problems in 1 file']);
  const text = fs.readFileSync(file, 'utf8');
  assert.notEqual(text, RACY);
  assert.match(text, /Lock\(\)\n\thits\[k\]\+\+\n\t\w+\.Unlock\(\)/);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'file mode kept');
  assert.deepEqual(leftovers(dir), []);
  const again = maprace(['--fix', dir]);
  assert.equal(again.status, 0, again.stderr);
  assert.equal(fs.readFileSync(file, 'utf8'), text, 'nothing left to fix');
  assert.match(again.stderr, /^maprace: applied 0 fixes to 0 files$/m);
});

test('--fix --format json prints one JSON array of what remains; sarif one log; progress goes to stderr', () => {
  const unfixable = loadCases('concurrent-map-access').find((c) => c.name in GUARD_NOT_OFFERED && c.racy)!;
  const files: Record<string, string> = { 'fixable/racy.go': RACY };
  for (const f of unfixable.files) files[`unfixable/${path.basename(f.path)}`] = f.text;
  for (const format of ['json', 'sarif']) {
    const dir = tempTree(files);
    const run = maprace(['--fix', '--format', format, dir]);
    assert.equal(run.status, 1, run.stderr);
    const out = JSON.parse(run.stdout);
    const remaining: { file: string }[] = format === 'json' ? out : out.runs[0].results.map((r: any) => ({ file: r.locations[0].physicalLocation.artifactLocation.uri }));
    if (format === 'json') assert.ok(Array.isArray(out), 'one JSON array');
    else assert.equal(out.version, '2.1.0');
    assert.ok(remaining.length > 0);
    assert.ok(remaining.every((f) => f.file.includes('unfixable/')), `${format}: only the unfixable case remains: ${run.stdout}`);
    assert.match(run.stderr, new RegExp(`^fixed: ${dir}/fixable/racy\\.go: Guard \`hits\``, 'm'));
    assert.match(run.stderr, /^maprace: applied 1 fix to 1 file$/m);
    assert.doesNotMatch(run.stdout, /fixed:/);
    for (const f of unfixable.files) assert.equal(fs.readFileSync(path.join(dir, 'unfixable', path.basename(f.path)), 'utf8'), f.text);
  }
});

test('a fix that spans two files of a package writes both', () => {
  const dir = tempTree(SPLIT);
  const run = maprace(['--fix', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`^fixed: ${dir}/work\\.go: Guard \`hits\` .*\\(also edited ${dir}/decl\\.go\\)$`, 'm'));
  assert.match(fs.readFileSync(path.join(dir, 'decl.go'), 'utf8'), /sync\.Mutex/);
  assert.match(fs.readFileSync(path.join(dir, 'work.go'), 'utf8'), /\.Lock\(\)/);
});

test('a named file: only its findings are fixed', () => {
  const other = RACY.replace('package racy', 'package racy // other').replace(/hits/g, 'misses').replace(/record/g, 'note').replace('Serve', 'Serve2');
  const dir = tempTree({ 'a.go': RACY, 'b.go': other });
  const run = maprace(['--fix', path.join(dir, 'a.go')]);
  assert.equal(run.status, 0, run.stderr);
  assert.notEqual(fs.readFileSync(path.join(dir, 'a.go'), 'utf8'), RACY);
  assert.equal(fs.readFileSync(path.join(dir, 'b.go'), 'utf8'), other, 'b.go was not named');
});

test('a file with syntax errors is not rewritten: its finding stays, exit 1', () => {
  const broken = `${RACY}\nfunc broken() {\n\tx :=\n}\n`;
  const dir = tempTree({ 'racy.go': broken });
  const run = maprace(['--fix', dir]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /racy\.go: has syntax errors; fixes that edit it are not applied/);
  assert.match(run.stdout, /racy\.go:9:2: error: /);
  assert.equal(fs.readFileSync(path.join(dir, 'racy.go'), 'utf8'), broken);
});

test('an unwritable file: exit 2, the file and its mode unchanged, the race still reported', () => {
  const dir = tempTree({ 'racy.go': RACY });
  const file = path.join(dir, 'racy.go');
  fs.chmodSync(file, 0o444);
  // As root, permissions do not stop a write: maprace itself refuses a file without write bits.
  const run = maprace(['--fix', dir]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^maprace: ${file}: permission denied; no file of package ${dir} was changed$`, 'm'));
  assert.doesNotMatch(run.stderr, /^fixed:/m, 'nothing claimed as fixed');
  assert.match(run.stdout, /racy\.go:9:2: error: /, 'the race on disk is still reported');
  assert.equal(fs.readFileSync(file, 'utf8'), RACY);
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  assert.deepEqual(leftovers(dir), []);
});

test('a package whose fix spans files is written all or nothing: one unwritable file, none changed', () => {
  const dir = tempTree(SPLIT);
  fs.chmodSync(path.join(dir, 'work.go'), 0o444);
  const run = maprace(['--fix', dir]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /work\.go: permission denied; no file of package .* was changed/);
  for (const [name, text] of Object.entries(SPLIT)) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, name);
  assert.deepEqual(leftovers(dir), []);
});

test('a read-only directory: exit 2 with the reason, the file unchanged, no temp file', (t) => {
  const dir = tempTree({ 'racy.go': RACY });
  const file = path.join(dir, 'racy.go');
  fs.chmodSync(file, 0o666); // the file itself is writable for anyone: only the directory refuses
  fs.chmodSync(dir, 0o555);
  // Root may create files in a read-only directory; run maprace as nobody to meet the check for real.
  const run = maprace(['--fix', dir], undefined, IS_ROOT ? NOBODY : undefined);
  fs.chmodSync(dir, 0o755);
  if (IS_ROOT && run.status === null) return t.skip('cannot run as nobody here');
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^maprace: ${file}: permission denied; no file of package ${dir} was changed$`, 'm'));
  assert.equal(fs.readFileSync(file, 'utf8'), RACY);
  assert.deepEqual(leftovers(dir), []);
});

test('a file changed on disk while maprace fixes it is not overwritten', async () => {
  const dir = tempTree({ 'racy.go': RACY });
  const file = path.join(dir, 'racy.go');
  const edited = RACY.replace('hits[k]++', 'hits[k] += 2');
  const result = await fix(resolveInputs([dir]), {}, { beforeRename: () => fs.writeFileSync(file, edited) });
  assert.equal(fs.readFileSync(file, 'utf8'), edited, 'the concurrent edit survives');
  assert.deepEqual(result.errors, [`${file}: changed on disk while maprace was fixing it; not overwritten; no file of package ${dir} was changed`]);
  assert.deepEqual(result.applied, []);
  assert.deepEqual(result.changed, []);
  assert.equal(result.findings.length, 1, 'the finding of the text it read is reported');
  assert.deepEqual(leftovers(dir), []);
});

test('commitWrites: all or nothing when one original changed, writes through symlinks', () => {
  const dir = tempTree({ 'a.go': 'package a\n', 'b.go': 'package a // b\n' });
  const [a, b] = ['a.go', 'b.go'].map((f) => path.join(dir, f));
  fs.symlinkSync(a, path.join(dir, 'link.go'));
  const plan = (file: string, from: string, to: string) => ({ file, original: Buffer.from(from), content: Buffer.from(to) });
  const refused = commitWrites([plan(a, 'package a\n', 'package a // new\n'), plan(b, 'package a // stale\n', 'x')]);
  assert.equal(refused.ok, false);
  assert.equal(fs.readFileSync(a, 'utf8'), 'package a\n', 'a.go untouched because b.go changed');
  assert.deepEqual(leftovers(dir), []);
  const done = commitWrites([plan(path.join(dir, 'link.go'), 'package a\n', 'package a // new\n')]);
  assert.deepEqual(done, { ok: true });
  assert.ok(fs.lstatSync(path.join(dir, 'link.go')).isSymbolicLink(), 'the link is still a link');
  assert.equal(fs.readFileSync(a, 'utf8'), 'package a // new\n');
});

test('--fix with --rule ID=off leaves that rule\'s findings unfixed', () => {
  const dir = tempTree({ 'racy.go': RACY });
  const { run, findings } = mapraceJson(['--fix', '--rule', 'concurrent-map-access=off', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(findings, []);
  assert.equal(fs.readFileSync(path.join(dir, 'racy.go'), 'utf8'), RACY);
});

test('an unreadable file stops only its own package: exit 2, the other package is fixed', (t) => {
  // /proc/self/mem stats as a regular file but reading it at offset 0 fails (EIO), even for root.
  if (!fs.existsSync('/proc/self/mem')) return t.skip('no /proc/self/mem on this system');
  const dir = tempTree({ 'a/racy.go': RACY, 'b/ok.go': 'package b\n' });
  const bad = path.join(dir, 'b', 'bad.go');
  fs.symlinkSync('/proc/self/mem', bad);
  const run = maprace(['--fix', path.join(dir, 'a'), bad]);
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`^maprace: ${bad}: .*; package ${path.join(dir, 'b')} not fixed$`, 'm'));
  assert.match(run.stderr, new RegExp(`^fixed: ${dir}/a/racy\\.go: Guard`, 'm'));
  assert.notEqual(fs.readFileSync(path.join(dir, 'a', 'racy.go'), 'utf8'), RACY);
});

test('a fix that editors show disabled is neither listed in json nor applied by --fix', () => {
  const range = loadCases('concurrent-map-access').find((c) => c.name === 'range_vs_delete' && c.racy)!;
  const files: Record<string, string> = {};
  for (const f of range.files) files[path.basename(f.path)] = f.text;
  const dir = tempTree(files);
  const { run, findings } = mapraceJson([dir]);
  assert.equal(run.status, 1, run.stderr);
  const races = findings.filter((f) => f.rule === 'concurrent-map-access');
  assert.equal(races.length, 2);
  assert.deepEqual(races.map((f) => f.fixes), [[], []], 'the disabled guard is no fix a script could apply');
  const fixRun = maprace(['--fix', dir]);
  assert.equal(fixRun.status, 1, fixRun.stderr);
  assert.match(fixRun.stderr, /^maprace: applied 0 fixes to 0 files$/m);
  for (const [name, text] of Object.entries(files)) assert.equal(fs.readFileSync(path.join(dir, name), 'utf8'), text, `${name} unchanged`);
});
