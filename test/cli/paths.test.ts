// How the CLI turns PATH arguments into packages: files, directories, ./... patterns, skipped dirs.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { maprace, mapraceJson, tempTree } from './run';
import { RACY } from './gosrc';

const racyIn = (pkg: string) => RACY.replace('package racy', `package ${pkg}`);

test('testdata/, vendor/, dot and underscore directories are skipped; vendor/ is analysed when named', () => {
  const dir = tempTree({
    'racy.go': RACY,
    'testdata/t.go': racyIn('t'),
    'vendor/v/v.go': racyIn('v'),
    '.hidden/h.go': racyIn('h'),
    '_old/o.go': racyIn('o'),
    'sub/s.go': racyIn('s'),
    '.dot.go': RACY,
  });
  const { run, findings } = mapraceJson([dir]);
  assert.equal(run.status, 1, run.stderr);
  const files = new Set(findings.map((f) => path.relative(dir, f.file)));
  assert.deepEqual([...files].sort(), ['racy.go', path.join('sub', 's.go')]);

  const vendored = mapraceJson([path.join(dir, 'vendor')]);
  assert.deepEqual([...new Set(vendored.findings.map((f) => path.relative(dir, f.file)))], [path.join('vendor', 'v', 'v.go')]);
});

test('./... and dir/... scan recursively, relative to the working directory', () => {
  const dir = tempTree({ 'a/racy.go': RACY, 'a/b/racy.go': racyIn('b') });
  const all = mapraceJson(['./...'], dir);
  assert.equal(all.run.status, 1, all.run.stderr);
  assert.deepEqual([...new Set(all.findings.map((f) => f.file))].sort(), ['a/b/racy.go', 'a/racy.go']);
  const plain = mapraceJson(['.'], dir);
  assert.deepEqual(plain.findings, all.findings);
  const sub = mapraceJson(['a/b/...'], dir);
  assert.deepEqual([...new Set(sub.findings.map((f) => f.file))], ['a/b/racy.go']);
});

test('a named file is analysed with its package but only its own findings are printed', () => {
  // The map and its racing write live in hits.go; serve.go starts the goroutines.
  const dir = tempTree({
    'hits.go': 'package p\n\nimport "sync"\n\nvar hits = map[string]int{}\n\nfunc record(k string, wg *sync.WaitGroup) {\n\tdefer wg.Done()\n\thits[k]++\n}\n',
    'serve.go':
      'package p\n\nimport "sync"\n\nfunc Serve(keys []string) {\n\tvar wg sync.WaitGroup\n\tfor _, k := range keys {\n\t\twg.Add(1)\n\t\tgo record(k, &wg)\n\t}\n\twg.Wait()\n\t_ = len(hits)\n}\n',
  });
  const whole = mapraceJson(['.'], dir);
  const one = mapraceJson(['hits.go'], dir);
  assert.equal(one.run.status, 1, one.run.stderr);
  assert.ok(one.findings.length > 0, 'the write in hits.go races only because serve.go starts goroutines');
  assert.deepEqual(one.findings, whole.findings.filter((f) => f.file === 'hits.go'));
  const other = mapraceJson(['./serve.go'], dir);
  assert.ok(other.findings.every((f) => f.file === 'serve.go'), JSON.stringify(other.findings));
});

test('a named file is read once, not again as one of its directory\'s files', () => {
  const getter = [
    'package p',
    '',
    'import "sync"',
    '',
    'type Dir struct {',
    '\tmu    sync.Mutex',
    '\tnames map[int]string',
    '}',
    '',
    'func (d *Dir) Add(id int, n string) {',
    '\td.mu.Lock()',
    '\td.names[id] = n',
    '\td.mu.Unlock()',
    '}',
    '',
    'func (d *Dir) Name(id int) string {',
    '\treturn d.names[id]',
    '}',
    '',
  ].join('\n');
  const dir = tempTree({ 'dir.go': getter });
  const named = mapraceJson(['dir.go'], dir);
  assert.equal(named.run.status, 1, named.run.stderr);
  // Read twice, the setter would be two places and the getter would count itself among the others.
  assert.deepEqual(named.findings.map((f) => f.message), ['map `d.names` is read here without d.mu, which guards it at 1 of 1 other places']);
  assert.deepEqual(named.findings, mapraceJson(['.'], dir).findings);
});

test('invalid UTF-8 is decoded with replacement characters, never a crash', () => {
  const bytes = Buffer.concat([
    Buffer.from('package p\n\n// caf'),
    Buffer.from([0xe9, 0xff, 0xfe]),
    Buffer.from('\nvar s = "'),
    Buffer.from([0xc3]),
    Buffer.from('"\n\n' + RACY.split('\n').slice(2).join('\n')),
  ]);
  const dir = tempTree({ 'latin1.go': bytes });
  const { run, findings } = mapraceJson([dir]);
  assert.equal(run.status, 1, run.stderr);
  assert.ok(findings.length > 0);
});

test('columns count UTF-16 code units', () => {
  // The emoji is 2 UTF-16 code units, 1 code point and 4 UTF-8 bytes: only UTF-16 lands on "hits".
  const src = RACY.replace('\thits[k]++', '\t_ = "😀"; hits[k]++');
  const dir = tempTree({ 'racy.go': src });
  const { findings } = mapraceJson([dir]);
  const lines = src.split('\n');
  const row = lines.findIndex((l) => l.includes('hits[k]++'));
  const onRow = findings.filter((f) => f.range.start.line === row);
  assert.ok(onRow.length > 0, JSON.stringify(findings));
  for (const f of onRow) assert.match(lines[row].slice(f.range.start.character), /^hits\[k\]/, JSON.stringify(f.range));
});

test('an unreadable file exits 2 with the reason on stderr', (t) => {
  const dir = tempTree({ 'ok.go': 'package p\n' });
  // /proc/self/mem stats as a regular file but reading it at offset 0 fails (EIO), even for root.
  if (!fs.existsSync('/proc/self/mem')) return t.skip('no /proc/self/mem on this system');
  fs.symlinkSync('/proc/self/mem', path.join(dir, 'bad.go'));
  const run = maprace([path.join(dir, 'bad.go')]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /bad\.go: /);
  assert.equal(run.stdout, '');
});

test('a file without read permission exits 2', (t) => {
  if (process.getuid?.() === 0) return t.skip('running as root: file permissions do not stop root from reading');
  const dir = tempTree({ 'locked.go': 'package p\n' });
  fs.chmodSync(path.join(dir, 'locked.go'), 0);
  const run = maprace([dir]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /locked\.go: permission denied/);
});
