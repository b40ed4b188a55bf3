// Fixes follow the module's `go` version (SPEC §4): `maps.Clone` only from go 1.21 on, a copy loop before
// (and in GOPATH mode). The version comes from the nearest go.mod above the package, as the go tool finds it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { goAtLeast } from '../../server/src/analysis/goVersion';
import { goDirective, goVersionFor } from '../../server/src/project/goMod';
import { loadCases } from '../support/fixtureCorpus';
import { findGo } from '../support/goTool';
import { maprace, tempTree } from './run';

test('goAtLeast compares major and minor; an unknown version is old', () => {
  assert.ok(goAtLeast('1.21', '1.21'));
  assert.ok(goAtLeast('1.21.3', '1.21'));
  assert.ok(goAtLeast('1.22rc1', '1.21'));
  assert.ok(goAtLeast('2.0', '1.21'));
  assert.ok(!goAtLeast('1.20', '1.21'));
  assert.ok(!goAtLeast('1.9', '1.21'), '1.9 is older than 1.21 (not a string comparison)');
  assert.ok(!goAtLeast(undefined, '1.21'));
  assert.ok(goAtLeast('go1.21', '1.21'), 'as `go version` prints it');
  assert.ok(!goAtLeast('', '1.21'));
});

test('goDirective reads the go line of go.mod; goVersionFor walks up and re-reads a changed go.mod', () => {
  assert.equal(goDirective('module x\n\ngo 1.21.4 // toolchain\n\nrequire y v1\n'), '1.21.4');
  assert.equal(goDirective('module x\r\ngo 1.19\r\n'), '1.19');
  assert.equal(goDirective('module x\n// go 1.30\n'), undefined);
  const dir = tempTree({ 'go.mod': 'module example.com/m\n\ngo 1.20\n', 'a/b/x.go': 'package b\n' });
  assert.equal(goVersionFor(path.join(dir, 'a', 'b')), '1.20');
  const mod = path.join(dir, 'go.mod');
  fs.writeFileSync(mod, 'module example.com/m\n\ngo 1.21\n');
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(mod, later, later);
  assert.equal(goVersionFor(path.join(dir, 'a', 'b')), '1.21');
  const gopath = tempTree({ 'src/p/x.go': 'package p\n' });
  assert.equal(goVersionFor(path.join(gopath, 'src', 'p')), undefined);
});

const getter = loadCases('map-escapes-lock').find((c) => c.name === 'returns_internal')!;

function fixedModule(goLine: string | undefined): { dir: string; text: string } {
  const files: Record<string, string> = {};
  if (goLine) files['go.mod'] = `module example.com/inv\n\n${goLine}\n`;
  for (const f of getter.files) files[`inv/${path.basename(f.path)}`] = f.text;
  const dir = tempTree(files);
  const run = maprace(['--fix', path.join(dir, 'inv')]);
  assert.equal(run.status, 0, run.stderr);
  return { dir, text: fs.readFileSync(path.join(dir, 'inv', 'returns_internal.go'), 'utf8') };
}

test('--fix copies an escaping map with maps.Clone under go 1.21, and adds the import gofmt-clean', (t) => {
  const { dir, text } = fixedModule('go 1.21');
  assert.match(text, /\tcp := maps\.Clone\(inv\.stock\)\n\treturn cp\n/);
  assert.match(text, /^import \(\n\t"maps"\n\t"sync"\n\)$/m);
  assert.doesNotMatch(text, /for k, v := range/);
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found on PATH: ${go.missing}`);
  // Go 1.19 here has no maps package, so only gofmt can check this output.
  const gofmt = spawnSync(path.join(path.dirname(go.bin), 'gofmt'), ['-l', dir], { encoding: 'utf8' });
  assert.equal(gofmt.status, 0, gofmt.stderr);
  assert.equal(gofmt.stdout, '');
});

test('--fix uses a copy loop under go 1.20 and without go.mod; the module builds and passes go test -race', (t) => {
  const under120 = fixedModule('go 1.20');
  const gopath = fixedModule(undefined);
  for (const { text } of [under120, gopath]) {
    assert.doesNotMatch(text, /maps\.Clone|"maps"/);
    assert.match(text, /cp := make\(map\[string\]int, len\(inv\.stock\)\)\n\tfor k, v := range inv\.stock \{/);
  }
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found on PATH: ${go.missing}`);
  fs.writeFileSync(path.join(under120.dir, 'go.mod'), 'module example.com/inv\n\ngo 1.19\n');
  const r = spawnSync(go.bin, ['test', '-race', '-count=1', './...'], {
    cwd: under120.dir,
    encoding: 'utf8',
    env: { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', CGO_ENABLED: '1' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

const ADVANCE = `package v

import "sync"

var versions sync.Map

// Advance moves key from version from to version to, and reports whether it did.
func Advance(key string, from, to int) bool {
	v, _ := versions.Load(key)
	if v != from {
		return false
	}
	versions.Store(key, to)
	return true
}
`;

test('--fix rewrites Load-compare-Store to CompareAndSwap only when go.mod says 1.20 or newer', () => {
  const fixedWith = (goLine: string) => {
    const dir = tempTree({ 'go.mod': `module example.com/v\n\n${goLine}\n`, 'v/v.go': ADVANCE });
    const run = maprace(['--fix', path.join(dir, 'v')]);
    return { run, dir, text: fs.readFileSync(path.join(dir, 'v', 'v.go'), 'utf8') };
  };
  const newer = fixedWith('go 1.20');
  assert.equal(newer.run.status, 0, newer.run.stderr);
  assert.match(newer.text, /\tif !versions\.CompareAndSwap\(key, from, to\) \{\n\t\treturn false\n\t\}\n\treturn true\n/);
  assert.doesNotMatch(newer.text, /versions\.(Load|Store)\(/);
  const go = findGo();
  if (!('missing' in go)) {
    // Go 1.19 here has no sync.Map.CompareAndSwap, so only gofmt can check this output.
    const gofmt = spawnSync(path.join(path.dirname(go.bin), 'gofmt'), ['-l', newer.dir], { encoding: 'utf8' });
    assert.equal(gofmt.stdout, '', gofmt.stderr);
  }
  const older = fixedWith('go 1.19');
  assert.equal(older.run.status, 1, 'the finding stays: sync.Map has no CompareAndSwap before 1.20');
  assert.match(older.run.stdout, /syncmap-check-then-act/);
  assert.equal(older.text, ADVANCE);
});
