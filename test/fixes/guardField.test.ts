// "Guard with a mutex" for a struct's map field adds a mutex field: where that would break the package
// (go vet's copylocks on a copy of the struct, an unkeyed literal) or deadlock, the fix is disabled with
// the reason. Each copy case is checked against the real go vet: fine as it is, failing with the mutex.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Fix } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { findGo, runGoPath } from '../support/goTool';

/** A package whose Cache.data races (Put from a goroutine and from Run); `extra` is more code. */
function pkg(extra: string, put = 'func (c *Cache) Put(k string) { c.data[k]++ }'): string {
  return [
    'package p',
    '',
    'import "sync"',
    '',
    'var _ sync.Locker',
    '',
    'type Cache struct {',
    '\tdata map[string]int',
    '}',
    '',
    put,
    '',
    'func Run(c *Cache) {',
    '\tdone := make(chan bool)',
    '\tgo func() {',
    '\t\tc.Put("a")',
    '\t\tdone <- true',
    '\t}()',
    '\tc.Put("b")',
    '\t<-done',
    '}',
    extra,
  ].join('\n');
}

async function guardOf(text: string): Promise<Fix> {
  const parser = await createGoParser();
  try {
    const findings = analyzePackage([parseSourceFile(parser, '/x/p.go', text)]);
    const fixes = findings.flatMap((f) => f.fixes).filter((f) => f.title.startsWith('Guard'));
    assert.ok(fixes.length > 0, `a guard fix for:\n${text}\nfindings: ${JSON.stringify(findings.map((f) => f.message))}`);
    assert.ok(fixes.every((f) => JSON.stringify(f) === JSON.stringify(fixes[0])), 'every finding of the field carries the same fix');
    return fixes[0];
  } finally {
    parser.delete();
  }
}

/** Copies of Cache (or of a struct holding it by value) that go vet accepts until Cache holds a mutex. */
const COPIES: { name: string; extra: string; reason: RegExp }[] = [
  { name: 'value receiver', extra: 'func (c Cache) Len() int { return len(c.data) }\n', reason: /method Len \(p\.go:\d+\) has a value receiver, so every call copies Cache/ },
  { name: 'value parameter', extra: 'func show(c Cache) int { return len(c.data) }\n', reason: /show takes Cache by value/ },
  { name: 'value result copied', extra: 'func zero() Cache { return Cache{} }\n\nfunc pair() int {\n\ta := zero()\n\tb := a\n\treturn len(b.data)\n}\n', reason: /`a`, a Cache value, is copied at p\.go:\d+/ },
  { name: 'dereference', extra: 'func (c *Cache) Snapshot() map[string]int {\n\ts := *c\n\treturn s.data\n}\n', reason: /`\*c` at p\.go:\d+ copies the value it points to/ },
  { name: 'value variable', extra: 'func twice() int {\n\tvar a Cache\n\tb := a\n\treturn len(b.data)\n}\n', reason: /`a`, a Cache value, is copied at p\.go:\d+/ },
  { name: 'slice of values', extra: 'func all(cs []Cache) int {\n\tn := 0\n\tfor _, c := range cs {\n\t\tn += len(c.data)\n\t}\n\treturn n\n}\n', reason: /`\[\]Cache` at p\.go:\d+ holds Cache values/ },
  { name: 'unkeyed literal', extra: 'func fresh() *Cache { return &Cache{map[string]int{}} }\n', reason: /the literal at p\.go:\d+ lists Cache's values without field names/ },
  {
    name: 'holder passed by value',
    extra: 'type Outer struct {\n\tCache\n}\n\nfunc use(o Outer) int { return len(o.data) }\n',
    reason: /use takes Outer, which holds Cache by value, by value/,
  },
  {
    name: 'held field copied',
    extra: 'type Outer struct {\n\tc Cache\n}\n\nfunc (o *Outer) Inner() int {\n\tc := o.c\n\treturn len(c.data)\n}\n',
    reason: /`o\.c` at p\.go:\d+ copies the Cache it holds/,
  },
];

test('a struct that is copied by value or built without field names: the field guard is disabled with the reason', async (t) => {
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-guardfield-'));
  try {
    for (const [i, c] of COPIES.entries()) {
      const text = pkg(c.extra);
      const fix = await guardOf(text);
      assert.equal(fix.title, 'Guard `Cache.data` with a mutex', c.name);
      assert.equal(fix.preferred, false, c.name);
      assert.deepEqual(fix.edits, [], c.name);
      assert.match(fix.disabled ?? '', /^adding a mutex would make Cache unsafe to copy \(go vet: copylocks\), but /, c.name);
      assert.match(fix.disabled ?? '', c.reason, c.name);
      for (const [variant, source] of [['as is', text], ['with a mutex', text.replace('type Cache struct {\n', 'type Cache struct {\n\tmu sync.Mutex\n\n')]]) {
        const dir = path.join(gopath, 'src', `${variant === 'as is' ? 'plain' : 'locked'}${i}`);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'p.go'), source);
      }
    }
    // Harmless uses of the struct: the guard is offered, and go vet passes on its result.
    const harmless = pkg(
      [
        'func New() *Cache { return &Cache{data: map[string]int{}} }',
        '',
        'func Other() *Cache { return new(Cache) }',
        '',
        'func Local() int {',
        '\tvar c Cache',
        '\tc.Put("x")',
        '\tp := &c',
        '\treturn len(p.data)',
        '}',
        '',
        'func Many(cs []*Cache) int { return len(cs) }',
        '',
        'func Zero() Cache { return Cache{} }',
        '',
        'func UseZero() int {',
        '\tz := Zero()',
        '\tz.Put("y")',
        '\treturn len(z.data)',
        '}',
        '',
      ].join('\n'),
    );
    const fix = await guardOf(harmless);
    assert.equal(fix.disabled, undefined, fix.disabled);
    assert.equal(fix.title, 'Guard `Cache.data` with a new field mu sync.Mutex');
    const fixedDir = path.join(gopath, 'src', 'fixed');
    fs.mkdirSync(fixedDir);
    fs.writeFileSync(path.join(fixedDir, 'p.go'), applyEdits(harmless, fix.edits.map((e) => ({ ...e }))));

    const go = findGo();
    if ('missing' in go) return t.skip(`go not found (${go.missing}): the copies were not checked with go vet`);
    for (const [i, c] of COPIES.entries()) {
      const plain = runGoPath(go.bin, gopath, ['vet', `./plain${i}`]);
      assert.equal(plain.status, 0, `${c.name}: go vet passes without the mutex:\n${plain.output}`);
      const locked = runGoPath(go.bin, gopath, ['vet', `./locked${i}`]);
      assert.notEqual(locked.status, 0, `${c.name}: go vet fails once Cache holds a mutex`);
      assert.match(locked.output, /lock|too few values|Mutex/, `${c.name}:\n${locked.output}`);
    }
    const vet = runGoPath(go.bin, gopath, ['vet', './fixed']);
    assert.equal(vet.status, 0, `go vet passes on the guarded harmless uses:\n${vet.output}`);
  } finally {
    fs.rmSync(gopath, { recursive: true, force: true });
  }
});

test('a locked statement that calls a method locking the same new mutex: disabled, it would deadlock', async () => {
  const text = pkg('func (c *Cache) size() int { return len(c.data) }\n', 'func (c *Cache) Put(k string) { c.data[k] = c.size() }');
  const fix = await guardOf(text);
  assert.equal(fix.preferred, false);
  assert.match(fix.disabled ?? '', /size is called at p\.go:11 while c\.mu would be held there, and it locks c\.mu again itself: that deadlocks/);
});

test('an access through another name for the map: disabled, the lock cannot be spelled there', async () => {
  const text = pkg('', 'func (c *Cache) Put(k string) {\n\tm := c.data\n\tm[k]++\n}');
  const fix = await guardOf(text);
  assert.equal(fix.preferred, false);
  assert.match(fix.disabled ?? '', /^`m\[k\]` \(p\.go:13\) reaches the map without naming the Cache it belongs to/);
});

test('several maps in one struct: one mutex each, named after its map, above its section', async () => {
  const text = pkg('').replace('\tdata map[string]int\n', '\tname string\n\n\tdata map[string]int\n\tmore map[string]int\n');
  const fix = await guardOf(text);
  assert.equal(fix.title, 'Guard `Cache.data` with a new field dataMu sync.Mutex');
  const fixed = applyEdits(text, fix.edits);
  assert.match(fixed, /type Cache struct \{\n\tname string\n\n\tdataMu sync\.Mutex\n\n\tdata map\[string\]int\n\tmore map\[string\]int\n\}/);
  assert.match(fixed, /func \(c \*Cache\) Put\(k string\) \{\n\tc\.dataMu\.Lock\(\)\n\tc\.data\[k\]\+\+\n\tc\.dataMu\.Unlock\(\)\n\}/);
});

test('a generic struct: used through pointers it gets the guard (vet-clean); a value receiver declines it', async (t) => {
  const generic = pkg('func New[K comparable]() *Cache[K] { return &Cache[K]{data: map[K]int{}} }\n', 'func (c *Cache[K]) Put(k K) { c.data[k]++ }')
    .replace('type Cache struct {\n\tdata map[string]int\n}', 'type Cache[K comparable] struct {\n\tdata map[K]int\n}')
    .replace('func Run(c *Cache) {', 'func Run(c *Cache[string]) {');
  const fix = await guardOf(generic);
  assert.equal(fix.title, 'Guard `Cache.data` with a new field mu sync.Mutex', fix.disabled);
  const valueReceiver = await guardOf(`${generic}\nfunc (c Cache[K]) Len() int { return len(c.data) }\n`);
  assert.match(valueReceiver.disabled ?? '', /method Len \(p\.go:\d+\) has a value receiver/);
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found (${go.missing})`);
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-guardgeneric-'));
  try {
    fs.mkdirSync(path.join(gopath, 'src', 'g'), { recursive: true });
    fs.writeFileSync(path.join(gopath, 'src', 'g', 'p.go'), applyEdits(generic, fix.edits));
    const vet = runGoPath(go.bin, gopath, ['vet', './g']);
    assert.equal(vet.status, 0, vet.output);
  } finally {
    fs.rmSync(gopath, { recursive: true, force: true });
  }
});
