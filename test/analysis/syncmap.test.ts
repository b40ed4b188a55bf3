// The syncmap-* rules on small packages: what is recognised as a sync.Map, which shapes are reported,
// the exact text of each rewrite (CompareAndSwap only when the module's go version has it), and that
// every rewrite Go 1.19 can build is gofmt-clean and vet-clean.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Finding } from '../../server/src/analysis/index';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { findGo, runGoPath } from '../support/goTool';

let parser: Parser;
before(async () => {
  parser = await createGoParser();
});
after(() => parser.delete());

/** Fixed sources to build with Go at the end: package name -> text. */
const built = new Map<string, string>();
/** Fixed sources Go 1.19 cannot build (CompareAndSwap): only gofmt checks them. */
const formatted = new Map<string, string>();

const RULES = new Set(['syncmap-check-then-act', 'syncmap-redundant-delete']);

function findings(text: string, goVersion?: string): Finding[] {
  return analyzePackage([parseSourceFile(parser, '/x/p.go', text)], { goVersion }).filter((f) => RULES.has(f.rule));
}

function pkg(name: string, body: string, imports = '"sync"'): string {
  return `package ${name}\n\nimport ${imports}\n\n${body.trim()}\n`;
}

/** The one finding's preferred fix applied. */
function fixed(text: string, goVersion?: string): { finding: Finding; text: string } {
  const all = findings(text, goVersion);
  assert.equal(all.length, 1, JSON.stringify(all.map((f) => f.message)));
  const fix = all[0]!.fixes.find((f) => f.preferred);
  assert.ok(fix, `no preferred fix for: ${all[0]!.message}`);
  return { finding: all[0]!, text: applyEdits(text, fix.edits) };
}

const BUMP = (name: string) =>
  pkg(
    name,
    `
var versions sync.Map

func Bump(key string, old, next int) bool {
	v, _ := versions.Load(key)
	if v != old {
		return false
	}
	versions.Store(key, next)
	return true
}
`,
  );

test('CompareAndSwap is offered only when the module says go 1.20 or newer', () => {
  const src = BUMP('bump');
  for (const version of ['1.20', '1.21.3', 'go1.22', '2.0']) {
    const { finding, text } = fixed(src, version);
    assert.equal(finding.rule, 'syncmap-check-then-act');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /compare, then `versions.Store\(key, …\)`.*use CompareAndSwap$/);
    assert.equal(text, BUMP('bump').replace('\tv, _ := versions.Load(key)\n\tif v != old {', '\tif !versions.CompareAndSwap(key, old, next) {').replace('\tversions.Store(key, next)\n', ''), version);
  }
  formatted.set('bump', fixed(src, '1.20').text);
  for (const version of ['1.19', '1.18', undefined, 'devel', '']) {
    const all = findings(src, version);
    assert.equal(all.length, 1, String(version));
    assert.deepEqual(all[0]!.fixes, [], `no fix under go ${version}`);
    assert.match(all[0]!.message, /CompareAndSwap \(Go 1\.20 or newer; until then hold one mutex/);
  }
});

test('CompareAndSwap: `ok && v == old` with only the Store becomes one call; with more code, the if keeps it', () => {
  const alone = pkg(
    'swap1',
    `
func Promote(m *sync.Map, k string, old, next int) {
	if v, ok := m.Load(k); ok && v == old {
		m.Store(k, next)
	}
}
`,
  );
  const one = fixed(alone, '1.20').text;
  assert.match(one, /\n\tm\.CompareAndSwap\(k, old, next\)\n\}/);
  formatted.set('swap1', one);
  const more = pkg(
    'swap2',
    `
func Promote(m *sync.Map, k string, old, next int) int {
	count := 0
	v, _ := m.Load(k)
	if old == v {
		m.Store(k, next)
		count++
	}
	return count
}
`,
  );
  const two = fixed(more, '1.20').text;
  assert.ok(two.includes('\tcount := 0\n\tif m.CompareAndSwap(k, old, next) {\n\t\tcount++\n\t}\n'), two);
  formatted.set('swap2', two);
});

test('CompareAndSwap is not offered when v is read elsewhere or the new value calls code', () => {
  const readsV = pkg(
    'swap3',
    `
func Promote(m *sync.Map, k string, old, next int) interface{} {
	v, _ := m.Load(k)
	if v == old {
		m.Store(k, next)
	}
	return v
}
`,
  );
  assert.deepEqual(findings(readsV, '1.21')[0]?.fixes, []);
  const calls = readsV.replace('m.Store(k, next)', 'm.Store(k, compute(next))').replace('\treturn v\n', '\treturn nil\n') + '\nfunc compute(n int) int { return n + 1 }\n';
  assert.deepEqual(findings(calls, '1.21')[0]?.fixes, []);
});

test('LoadAndDelete: the Load takes the delete over and the Delete line goes; a Delete after other code gets no fix', () => {
  const src = pkg(
    'claim',
    `
type Queue struct {
	pending sync.Map
}

func (q *Queue) Claim(id string, run func(interface{})) {
	v, ok := q.pending.Load(id)
	if ok {
		q.pending.Delete(id)
		run(v)
	}
}
`,
  );
  const { finding, text } = fixed(src);
  assert.match(finding.message, /`q\.pending\.Load\(id\)` then `q\.pending\.Delete\(id\)`/);
  assert.equal(finding.fixes[0]!.safe, true);
  assert.ok(text.includes('\tv, ok := q.pending.LoadAndDelete(id)\n\tif ok {\n\t\trun(v)\n\t}\n'), text);
  built.set('claim', text);
  const late = src.replace('\t\tq.pending.Delete(id)\n\t\trun(v)\n', '\t\trun(v)\n\t\tq.pending.Delete(id)\n');
  assert.deepEqual(findings(late)[0]?.fixes, []);
  // Load then Delete alone is idempotent: nothing to report.
  assert.deepEqual(findings(src.replace('\t\trun(v)\n', '')), []);
});

test('LoadOrStore: a miss branch that only stores keeps the Load and stores with LoadOrStore', () => {
  const src = pkg(
    'seen',
    `
var seen sync.Map

func Mark(k string, at int64) {
	if _, ok := seen.Load(k); !ok {
		seen.Store(k, at)
	}
}
`,
  );
  const { text } = fixed(src);
  assert.ok(text.includes('\tif _, ok := seen.Load(k); !ok {\n\t\tseen.LoadOrStore(k, at)\n\t}\n'), text);
  built.set('seen', text);
  // The stored value is read afterwards: it may not be the one in the map, and no rewrite says which.
  const readAfter = src.replace('\t\tseen.Store(k, at)\n\t}\n', '\t\tseen.Store(k, at)\n\t}\n\tprintln(at)\n');
  assert.equal(findings(readAfter).length, 1);
  assert.deepEqual(findings(readAfter)[0]!.fixes, []);
});

test('LoadOrStore: a miss branch that returns runs the hit code for a value stored meanwhile', () => {
  const src = pkg(
    'conns',
    `
type Conn struct{ n int }

func Get(m *sync.Map, addr string, dial func() *Conn) *Conn {
	v, ok := m.Load(addr)
	if !ok {
		c := dial()
		m.Store(addr, c) // the only dial
		return c
	}
	return v.(*Conn)
}
`,
  );
  const { text } = fixed(src);
  assert.ok(
    text.includes('\t\tc := dial()\n\t\tif v, ok := m.LoadOrStore(addr, c); ok { // the only dial\n\t\t\treturn v.(*Conn)\n\t\t}\n\t\treturn c\n'),
    text,
  );
  built.set('conns', text);
  // The hit code reads a name the miss branch changes: copied there, it would read another value.
  const shadowed = pkg(
    'conns2',
    `
type Conn struct{ n int }

func Get(m *sync.Map, addr string, n int, dial func() *Conn) (*Conn, int) {
	if v, ok := m.Load(addr); ok {
		return v.(*Conn), n
	}
	c := dial()
	n = c.n
	m.Store(addr, c)
	return c, n
}
`,
  );
  assert.equal(findings(shadowed).length, 1);
  assert.deepEqual(findings(shadowed)[0]!.fixes, []);
});

test('sync.Map is recognised through an import alias, a dot import, locals and parameters, not by method names', () => {
  const body = (decl: string) => `
${decl}

func Put(k string, v int) {
	if _, ok := m.Load(k); !ok {
		m.Store(k, v)
	}
}
`;
  assert.equal(findings(pkg('alias', body('var m s.Map'), 's "sync"')).length, 1);
  assert.equal(findings(pkg('dot', body('var m Map'), '. "sync"')).length, 1);
  assert.equal(findings(pkg('ptr', body('var m = &sync.Map{}'))).length, 1);
  assert.equal(findings(pkg('newmap', body('var m = new(sync.Map)'))).length, 1);
  // Another package's Map type, and a package without sync at all.
  assert.equal(findings(pkg('other', body('var m s.Map'), 's "example.com/store"')).length, 0);
  assert.equal(findings(`package own\n\ntype Map struct{}\n\nfunc (Map) Load(string) (int, bool) { return 0, false }\nfunc (Map) Store(string, int) {}\n${body('var m Map')}`).length, 0);
  const local = pkg(
    'local',
    `
func Fill(keys []string, shared *sync.Map) {
	var own sync.Map
	for _, k := range keys {
		if _, ok := own.Load(k); !ok {
			own.Store(k, 1)
		}
		if _, ok := shared.Load(k); !ok {
			shared.Store(k, 1)
		}
	}
}
`,
  );
  assert.equal(findings(local).length, 2);
  // A field name that is a sync.Map in one struct and a plain map in another: not known to be one.
  const ambiguous = pkg(
    'ambiguous',
    `
type A struct{ m sync.Map }
type B struct{ m map[string]int }

func (a *A) Put(k string) {
	if _, ok := a.m.Load(k); !ok {
		a.m.Store(k, 1)
	}
}
`,
  );
  assert.equal(findings(ambiguous).length, 0);
});

test('check-then-act stays silent on other keys, other maps, closures, locks and re-checks', () => {
  const wrap = (name: string, inner: string) =>
    pkg(
      name,
      `
var m, other sync.Map
var mu sync.Mutex

func F(k, j string, v int) {
${inner}
}
`,
    );
  const silent: Record<string, string> = {
    otherKey: '\tif _, ok := m.Load(k); !ok {\n\t\tm.Store(j, v)\n\t}',
    otherMap: '\tif _, ok := m.Load(k); !ok {\n\t\tother.Store(k, v)\n\t}',
    closure: '\tif _, ok := m.Load(k); !ok {\n\t\tgo func() { m.Store(k, v) }()\n\t}',
    locked: '\tmu.Lock()\n\tdefer mu.Unlock()\n\tif _, ok := m.Load(k); !ok {\n\t\tm.Store(k, v)\n\t}',
    lockedUnlock: '\tmu.Lock()\n\tif _, ok := m.Load(k); ok {\n\t\tmu.Unlock()\n\t\treturn\n\t}\n\tm.Store(k, v)\n\tmu.Unlock()',
    keyChanged: '\tif _, ok := m.Load(k); !ok {\n\t\tk = j\n\t\tm.Store(k, v)\n\t}',
    unconditional: '\tif _, ok := m.Load(k); ok {\n\t\tprintln(k)\n\t}\n\tm.Store(k, v)',
    impureKey: '\tif _, ok := m.Load(key(k)); !ok {\n\t\tm.Store(key(k), v)\n\t}',
  };
  for (const [name, inner] of Object.entries(silent)) {
    const src = wrap(name.toLowerCase(), inner) + '\nfunc key(s string) string { return s }\n';
    assert.deepEqual(findings(src).map((f) => f.message), [], name);
  }
  // A second Load re-checks, but without a lock that pair races the same way: one finding, for it.
  const rechecked = wrap('rechecked', '\tif _, ok := m.Load(k); !ok {\n\t\tif _, ok := m.Load(k); ok {\n\t\t\treturn\n\t\t}\n\t\tm.Store(k, v)\n\t}');
  const again = findings(rechecked);
  assert.equal(again.length, 1);
  assert.equal(again[0]!.related[0]!.range.start.line, 9, "the inner Load");
  // The same lock taken and released between the two steps protects nothing.
  const released = wrap('released', '\tmu.Lock()\n\tif _, ok := m.Load(k); !ok {\n\t\tmu.Unlock()\n\t\tm.Store(k, v)\n\t\treturn\n\t}\n\tmu.Unlock()');
  assert.equal(findings(released).length, 1);
});

test('redundant Delete: reported with a fix that removes the line; silent when something could store in between', () => {
  const src = pkg(
    'drop',
    `
var conns sync.Map

func note(string) {}

func Drop(addr string) bool {
	v, ok := conns.LoadAndDelete(addr)
	note(addr)

	conns.Delete(addr)

	return ok && v != nil
}
`,
  );
  const { finding, text } = fixed(src);
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /^`conns\.Delete\(addr\)` is redundant: `conns\.LoadAndDelete\(addr\)` at p\.go:\d+ already deleted the key$/);
  assert.equal(finding.related[0]!.message, 'the key is deleted here');
  assert.equal(finding.fixes[0]!.safe, undefined, 'not applied on save: a Delete can drop a value stored meanwhile');
  assert.ok(text.includes('\tnote(addr)\n\n\treturn ok && v != nil\n'), text);
  built.set('drop', text);
  const storing = src.replace('func note(string) {}', 'func note(a string) { conns.Store(a, 1) }');
  assert.deepEqual(findings(storing), []);
  const viaHelper = src.replace('func note(string) {}', 'func note(a string) { put(a) }\n\nfunc put(a string) { conns.Store(a, 1) }');
  assert.deepEqual(findings(viaHelper), []);
  const callback = src.replace('func Drop(addr string) bool {', 'var hook func(string)\n\nfunc Drop(addr string) bool {').replace('\tnote(addr)\n', '\thook(addr)\n');
  assert.deepEqual(findings(callback), []);
  const loop = src.replace('\tconns.Delete(addr)\n', '\tfor i := 0; i < 1; i++ {\n\t\tconns.Delete(addr)\n\t}\n');
  assert.deepEqual(findings(loop), []);
  // The only statement of its branch: reported, but removing it would leave an empty branch behind.
  const alone = pkg(
    'alone',
    `
var conns sync.Map

func Drop(addr string) {
	if _, ok := conns.LoadAndDelete(addr); ok {
		conns.Delete(addr)
	}
}
`,
  );
  assert.equal(findings(alone).length, 1);
  assert.deepEqual(findings(alone)[0]!.fixes, []);
});

test('half-typed code never throws', () => {
  const broken = [
    'package p\n\nimport "sync"\n\nvar m sync.Map\n\nfunc f(k string) {\n\tv, ok := m.Load(\n\tif !ok {\n\t\tm.Store(k, 1)\n',
    'package p\n\nimport "sync"\n\nvar m sync.Map\n\nfunc f(k string) {\n\tv, ok := m.Load(k)\n\tif v == {\n\t\tm.Store(k, 1)\n\t}\n}\n',
    'package p\n\nimport "sync"\n\nvar m sync.Map\n\nfunc f(k string) {\n\tm.LoadAndDelete()\n\tm.Delete()\n\tif _, ok := m.Load(); ok { m.Delete() }\n}\n',
  ];
  for (const text of broken) assert.doesNotThrow(() => findings(text, '1.22'));
});

test('the rewrites Go 1.19 can build are gofmt-clean and vet-clean; CompareAndSwap rewrites are gofmt-clean', (t) => {
  assert.ok(built.size >= 4 && formatted.size >= 3, `${built.size} built, ${formatted.size} formatted`);
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found: ${go.missing}`);
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-syncmap-'));
  try {
    for (const [name, text] of [...built, ...formatted]) {
      fs.mkdirSync(path.join(gopath, 'src', name), { recursive: true });
      fs.writeFileSync(path.join(gopath, 'src', name, `${name}.go`), text);
    }
    const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
    const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '.']);
    assert.equal(fmt.output.trim(), '', `gofmt -l:\n${fmt.output}`);
    const vet = runGoPath(go.bin, gopath, ['vet', ...[...built.keys()].map((n) => `./${n}`)]);
    assert.equal(vet.status, 0, vet.output);
  } finally {
    fs.rmSync(gopath, { recursive: true, force: true });
  }
});
