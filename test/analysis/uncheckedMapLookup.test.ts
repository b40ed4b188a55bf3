// unchecked-map-lookup beyond the fixture corpus: which declarations give the value type, which uses
// panic on nil, what stays silent, and half-typed code.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage } from '../../server/src/analysis';

const PRELUDE = [
  'package p',
  '',
  'import "bytes"',
  '',
  'type Base struct{ id int }',
  '',
  'type T struct {',
  '\tBase',
  '\tn  int',
  '\tfn func()',
  '}',
  '',
  'func (t T) Value() int     { return t.n }',
  'func (t *T) Ptr() int      { return t.n }',
  'func (t *T) Free() string  { return "free" }',
  'func (t *T) Guarded() int  { if t != nil { return t.n }; return 0 }',
  '',
  'type Set map[string]*T',
  '',
  'var _ bytes.Buffer',
  '',
].join('\n');

type Parser = Awaited<ReturnType<typeof createGoParser>>;
let parser: Promise<Parser> | undefined;
after(async () => (await parser)?.delete());

/** The unchecked-map-lookup findings of `body` (a function), as `line: severity`. */
async function lookups(body: string): Promise<string[]> {
  parser ??= createGoParser();
  const text = `${PRELUDE}\n${body}\n`;
  const offset = PRELUDE.split('\n').length;
  return analyzePackage([parseSourceFile(await parser, '/x/p.go', text)])
    .filter((f) => f.rule === 'unchecked-map-lookup')
    .map((f) => `${f.range.start.line - offset + 1}: ${f.severity}`);
}

test('the value type comes from parameters, var declarations, make, literals and named map types', async () => {
  const fns = [
    'func f(m map[string]*T) int {\n\treturn m["k"].n\n}',
    'func f() int {\n\tvar m map[string]*T\n\treturn m["k"].n\n}',
    'func f() int {\n\tm := make(map[string]*T)\n\treturn m["k"].n\n}',
    'func f() int {\n\tm := map[string]*T{"a": {}}\n\treturn m["k"].n\n}',
    'func f(m Set) int {\n\treturn m["k"].n\n}',
    'var g = map[string]*T{}\n\nfunc f() int {\n\treturn g["k"].n\n}',
  ];
  for (const fn of fns) {
    const lines = fn.split('\n');
    const at = lines.findIndex((l) => l.includes('["k"].n')) + 1;
    assert.deepEqual(await lookups(fn), [`${at}: warning`], fn);
  }
});

test('uses that panic on nil: fields (promoted ones too), func fields, value receivers, dereferencing pointer receivers, interface methods', async () => {
  const fn = [
    'func f(m map[string]*T, errs map[string]error, k string) {',
    '\t_ = m["a"].n',
    '\t_ = m["b"].id',
    '\tm["c"].fn()',
    '\t_ = m["d"].Value()',
    '\t_ = m["e"].Ptr()',
    '\t_ = errs[k].Error()',
    '}',
  ].join('\n');
  assert.deepEqual(await lookups(fn), ['2: warning', '3: warning', '4: warning', '5: warning', '6: warning', '7: warning']);
});

test('silent: fine on nil, unknown value types, nested maps, values checked or handed on first', async () => {
  const fns = [
    // A method value is not a call; methods that check or never touch the receiver are fine on nil.
    'func f(m map[string]*T, k string) {\n\tg := m[k].Ptr\n\t_ = m[k].Free()\n\t_ = m[k].Guarded()\n\t_ = g\n}',
    // Imported pointer types and type parameters: nothing known about nil.
    'func f(m map[string]*bytes.Buffer, k string) int {\n\treturn m[k].Len()\n}',
    'func f[V interface{ Len() int }](m map[string]V, k string) int {\n\treturn m[k].Len()\n}',
    // An inner map of a map of maps: one step further than the model looks.
    'func f(m map[string]map[string]*T, a, b string) int {\n\treturn m[a][b].n\n}',
    // v := m[k] whose first mention is not a dereference, or whose dereference runs only sometimes.
    'func f(m map[string]*T, k string) int {\n\tv := m[k]\n\tif v != nil {\n\t\treturn v.n\n\t}\n\treturn 0\n}',
    'func f(m map[string]*T, k string, use func(*T)) int {\n\tv := m[k]\n\tuse(v)\n\treturn v.n\n}',
    'func f(m map[string]*T, k string, on bool) int {\n\tv := m[k]\n\tif on {\n\t\treturn v.n\n\t}\n\treturn 0\n}',
    'func f(m map[string]*T, k string, on bool) bool {\n\tv := m[k]\n\treturn on && v.n > 0\n}',
    'func f(m map[string]*T, k string) func() int {\n\tv := m[k]\n\treturn func() int { return v.n }\n}',
    // Stored, or checked in the same function, before the use.
    'func f(m map[string]*T, k string) int {\n\tm[k] = &T{}\n\treturn m[k].n\n}',
    'func f(m map[string]*T, k string) int {\n\tif v, ok := m[k]; !ok || v == nil {\n\t\treturn 0\n\t}\n\treturn m[k].n\n}',
    'func f(m map[string]*T, k string) int {\n\tv := m[k]\n\tif v == nil {\n\t\treturn 0\n\t}\n\treturn m[k].n\n}',
    'func f(m map[string]*T) (n int) {\n\tfor k := range m {\n\t\tfunc() { n += m[k].n }()\n\t}\n\treturn n\n}',
    // Struct values: a missing key is a zero struct.
    'func f(m map[string]T, k string) int {\n\tv := m[k]\n\treturn v.n + m[k].n + m[k].Value()\n}',
  ];
  for (const fn of fns) assert.deepEqual(await lookups(fn), [], fn);
});

test('a check or store vouches for the key only where it covers the use; an earlier dereference does too', async () => {
  // A check that does not leave, or a store in a branch, leaves the later use unchecked.
  assert.deepEqual(await lookups('func f(m map[string]*T, k string) int {\n\tif v, ok := m[k]; ok {\n\t\tv.n = 1\n\t}\n\treturn m[k].n\n}'), ['5: warning']);
  assert.deepEqual(await lookups('func f(m map[string]*T, k string, on bool) int {\n\tif on {\n\t\tm[k] = &T{}\n\t}\n\treturn m[k].n\n}'), ['5: warning']);
  assert.deepEqual(await lookups('func f(m map[string]*T, k string) int {\n\tif m[k] == nil {\n\t\tprintln(k)\n\t}\n\treturn m[k].n\n}'), ['5: warning']);
  assert.deepEqual(await lookups('func f(m map[string]*T, k string, on bool) int {\n\tif on {\n\t\t_ = m[k].n\n\t}\n\treturn m[k].n\n}'), ['3: warning', '5: warning']);
  // A dereference that always ran first would have panicked already: one finding, at the first.
  assert.deepEqual(await lookups('func f(m map[string]*T, k string) int {\n\ta := m[k].n\n\tm[k].n = m[k].n + a\n\treturn a\n}'), ['2: warning']);
  // A check whose branch leaves, or stores the key, covers what follows.
  assert.deepEqual(await lookups('func f(m map[string]*T, k string) int {\n\tif _, ok := m[k]; !ok {\n\t\tpanic(k)\n\t}\n\treturn m[k].n\n}'), []);
  assert.deepEqual(await lookups('func f(m map[string]*T, k string) int {\n\tv, ok := m[k]\n\t_, _ = v, ok\n\treturn m[k].n\n}'), []);
  // A tagless switch: after `case v == nil:`, the later cases know v is there.
  const sw = 'func f(m map[string]*T, k string) int {\n\tv := m[k]\n\tswitch {\n\tcase v == nil:\n\t\tprintln(k)\n\tcase v.n > 0:\n\t\treturn m[k].n\n\t}\n\treturn 0\n}';
  assert.deepEqual(await lookups(sw), []);
  assert.deepEqual(await lookups(sw.replace('case v == nil:', 'case k == "":')), ['7: warning'], 'without the nil case');
});

test('fixes of one function take distinct names, so fix-all can apply them together', async () => {
  parser ??= createGoParser();
  const fn = 'func f(m map[string]*T, a, b string) int {\n\tx := m[a].n\n\ty := m[b].n\n\tz := m[a+b]\n\treturn x + y + z.n\n}';
  const findings = analyzePackage([parseSourceFile(await parser, '/x/p.go', `${PRELUDE}\n${fn}\n`)]).filter((f) => f.rule === 'unchecked-map-lookup');
  const texts = findings.map((f) => f.fixes[0]!.edits.map((e) => e.newText).join('|'));
  assert.equal(texts.length, 3);
  assert.match(texts[0]!, /^\tv, ok := m\[a\]\n/);
  assert.match(texts[1]!, /^\tv2, ok2 := m\[b\]\n/);
  assert.match(texts[2]!, /^, ok3\|/);
});

test('half-typed code never throws', async () => {
  const broken = [
    'func f(m map[string]*T, k string) {\n\tm[k].\n}',
    'func f(m map[string]*T, k string) {\n\tv := m[\n\tv.n\n}',
    'func f(m map[string]*T, k string) {\n\tv := m[k]\n\tv.\n}',
    'func f(m map[string]*, k string) int {\n\treturn m[k].n\n}',
    'func f(m map[string]*T, k string) (int, {\n\tn := m[k].n\n\treturn n\n}',
  ];
  for (const fn of broken) await assert.doesNotReject(lookups(fn), fn);
});
