// "Add an ok-check" (unchecked-map-lookup): which shape it takes (wrap the statement, or take the lookup
// out with an early exit), the zero values it returns, fresh names, when it is not offered, and that it is
// never marked safe (on save it would turn a panic into a silent return). Every fixed file is then checked with gofmt and go vet.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Finding, type Fix } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { findGo, runGoPath } from '../support/goTool';

const PRELUDE = [
  'package p',
  '',
  'import (',
  '\t"bytes"',
  '\t"fmt"',
  '\t"strings"',
  '\t"time"',
  ')',
  '',
  'type T struct {',
  '\tn    int',
  '\tname string',
  '}',
  '',
  'func (t *T) Close()              { t.n = 0 }',
  'func (t *T) Log(parts ...string) { t.name = strings.Join(parts, "") }',
  '',
  'type ID int',
  'type Name string',
  'type Pair struct{ a, b int }',
  'type List []int',
  'type Alias = Pair',
  '',
  'func compute() int { return 1 }',
  '',
  'var (',
  '\t_ = fmt.Sprint',
  '\t_ = time.Second',
  '\t_ bytes.Buffer',
  ')',
  '',
].join('\n');

type Parser = Awaited<ReturnType<typeof createGoParser>>;
let parser: Promise<Parser> | undefined;
after(async () => (await parser)?.delete());

// Every fixed file, to run gofmt and go vet over at the end.
const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-okcheck-'));
let packages = 0;
after(() => fs.rmSync(gopath, { recursive: true, force: true }));

interface Outcome {
  finding: Finding;
  fix?: Fix;
  /** The function after the fix (the prelude cut off). */
  fixed?: string;
}

async function lookupFix(fn: string, eol = '\n'): Promise<Outcome> {
  parser ??= createGoParser();
  const text = `${PRELUDE}\n${fn}\n`.replace(/\n/g, eol);
  const findings = analyzePackage([parseSourceFile(await parser, '/x/p.go', text)]).filter((f) => f.rule === 'unchecked-map-lookup');
  assert.equal(findings.length, 1, `one unchecked-map-lookup finding in:\n${fn}\ngot ${JSON.stringify(findings.map((f) => f.message))}`);
  const finding = findings[0]!;
  const fix = finding.fixes[0];
  if (!fix) return { finding };
  assert.equal(finding.fixes.length, 1);
  assert.equal(fix.preferred, true);
  const after = applyEdits(text, fix.edits);
  const again = analyzePackage([parseSourceFile(await parser, '/x/p.go', after)]).filter((f) => f.rule === 'unchecked-map-lookup');
  assert.deepEqual(again.map((f) => f.message), [], `no finding left after the fix:\n${after}`);
  const dir = path.join(gopath, 'src', `p${packages++}`);
  fs.mkdirSync(dir, { recursive: true });
  if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(after), `only CRLF line endings after the fix:\n${JSON.stringify(after)}`);
  // gofmt writes LF: the CRLF variant is checked for its line endings above, and for the rest as LF.
  fs.writeFileSync(path.join(dir, 'p.go'), after.replace(/\r\n/g, '\n'));
  return { finding, fix, fixed: after.slice(PRELUDE.replace(/\n/g, eol).length + eol.length).replace(/\r\n/g, '\n').trimEnd() };
}

const lines = (...ls: string[]) => ls.join('\n');

test('wrap: a write through the value, a method call, defer, and a re-indented multi-line call', async () => {
  const write = await lookupFix(lines('func f(users map[string]*T, k string) {', '\tusers[k].n = 3', '}'));
  assert.equal(write.finding.severity, 'warning');
  assert.equal(write.fix?.title, 'Add an ok-check on `users[k]`');
  assert.equal(write.fix?.safe, false, 'skipping the write on a missing key is a choice to review, not applied on save');
  assert.equal(write.fixed, lines('func f(users map[string]*T, k string) {', '\tif user, ok := users[k]; ok {', '\t\tuser.n = 3', '\t}', '}'));

  const deferred = await lookupFix(lines('func f(m map[string]*T, k string) {', '\tdefer m[k].Close()', '}'));
  assert.equal(deferred.fixed, lines('func f(m map[string]*T, k string) {', '\tif v, ok := m[k]; ok {', '\t\tdefer v.Close()', '\t}', '}'));

  const multi = await lookupFix(lines('func f(m map[string]*T, k string) {', '\tm[k].Log(', '\t\t"a",', '', '\t\t"b",', '\t)', '}'));
  assert.equal(multi.fixed, lines('func f(m map[string]*T, k string) {', '\tif v, ok := m[k]; ok {', '\t\tv.Log(', '\t\t\t"a",', '', '\t\t\t"b",', '\t\t)', '\t}', '}'));
});

test('fresh names: `ok` and the value name already used in the function get numbered or fall back to v', async () => {
  const r = await lookupFix(
    lines('func f(users map[string]*T, user string, ok bool) {', '\tif ok {', '\t\tfmt.Println(user)', '\t}', '\tusers[user].n++', '}'),
  );
  assert.equal(r.fixed, lines('func f(users map[string]*T, user string, ok bool) {', '\tif ok {', '\t\tfmt.Println(user)', '\t}', '\tif v, ok2 := users[user]; ok2 {', '\t\tv.n++', '\t}', '}'));
});

test('hoist: the value is used further on: `v, ok := m[k]` and `return` with the zero values of every result type', async () => {
  const results: [string, string][] = [
    ['int', '0'],
    ['(string, error)', '"", nil'],
    ['(*T, []int, map[string]int, func(), chan int, interface{}, any)', 'nil, nil, nil, nil, nil, nil, nil'],
    ['(a, b bool)', 'false, false'],
    ['(ID, Name, Pair, List, [2]int)', '0, "", Pair{}, nil, [2]int{}'],
    ['(time.Duration, time.Time, float64, rune)', '0, time.Time{}, 0, 0'],
    ['struct{ x int }', 'struct{ x int }{}'],
  ];
  for (const [result, zeros] of results) {
    const r = await lookupFix(lines(`func f(m map[string]*T, k string) ${result} {`, '\tn := m[k].n', '\tpanic(n)', '}'));
    assert.equal(r.fix?.safe, false, result);
    assert.equal(r.fixed, lines(`func f(m map[string]*T, k string) ${result} {`, '\tv, ok := m[k]', '\tif !ok {', `\t\treturn ${zeros}`, '\t}', '\tn := v.n', '\tpanic(n)', '}'), result);
  }
  const none = await lookupFix(lines('func f(m map[string]*T, k string) {', '\tfmt.Println(m[k].name)', '}'));
  assert.match(none.fixed!, /if v, ok := m\[k\]; ok \{/, 'a call statement is wrapped, not hoisted');
  const plain = await lookupFix(lines('func f(m map[string]*T, k string) {', '\tname := m[k].name', '\tfmt.Println(name)', '}'));
  assert.match(plain.fixed!, /\tif !ok \{\n\t\treturn\n\t\}/);
});

test('hoist: `continue` directly in a loop body; the func literal\'s own results inside a closure', async () => {
  const loop = await lookupFix(lines('func f(m map[string]*T, keys []string) (n int) {', '\tfor _, k := range keys {', '\t\tn += m[k].n', '\t}', '\treturn n', '}'));
  assert.equal(loop.fixed, lines('func f(m map[string]*T, keys []string) (n int) {', '\tfor _, k := range keys {', '\t\tv, ok := m[k]', '\t\tif !ok {', '\t\t\tcontinue', '\t\t}', '\t\tn += v.n', '\t}', '\treturn n', '}'));
  const lit = await lookupFix(lines('func f(m map[string]*T, k string) func() (Name, error) {', '\treturn func() (Name, error) {', '\t\treturn Name(m[k].name), nil', '\t}', '}'));
  assert.match(lit.fixed!, /\t\tv, ok := m\[k\]\n\t\tif !ok \{\n\t\t\treturn "", nil\n\t\t\}\n\t\treturn Name\(v\.name\), nil/);
  assert.ok(lit.fix, 'the conversion Name(...) takes the looked-up value: it runs after the lookup either way');
});

test('not offered: zero values that cannot be spelled, conditional evaluation, calls of this package', async () => {
  const unspellable = [
    'func f[R any](m map[string]*T, k string) R {\n\tn := m[k].n\n\tpanic(n)\n}',
    'func f(m map[string]*T, k string) bytes.Buffer {\n\tn := m[k].n\n\tpanic(n)\n}',
    'func f(m map[string]*T, k string) Alias {\n\tn := m[k].n\n\tpanic(n)\n}',
  ];
  for (const fn of unspellable) assert.equal((await lookupFix(fn)).fix, undefined, fn);
  const conditional = [
    'func f(m map[string]*T, k string, on bool) {\n\tif on && m[k].n > 0 {\n\t\tfmt.Println(k)\n\t}\n}',
    'func f(m map[string]*T, k string, on bool) {\n\tif on {\n\t} else if m[k].n > 0 {\n\t\tfmt.Println(k)\n\t}\n}',
    'func f(m map[string]*T, k string, n int) {\n\tswitch n {\n\tcase m[k].n:\n\t\tfmt.Println(k)\n\t}\n}',
    'func f(m map[string]*T, k string) {\n\tfor i := 0; i < m[k].n; i++ {\n\t}\n}',
    'func f(m map[string]*T, k string) {\n\tif x := compute(); m[k].n > x {\n\t\tfmt.Println(k)\n\t}\n}',
  ];
  for (const fn of conditional) assert.equal((await lookupFix(fn)).fix, undefined, fn);
  // `goto` over the new declaration does not compile.
  const jump = 'func f(m map[string]*T, k string, skip bool) int {\n\tif skip {\n\t\tgoto out\n\t}\n\tprintln(m[k].n)\nout:\n\treturn 0\n}';
  assert.match((await lookupFix(jump)).fix?.edits[0]?.newText ?? '', /^if v, ok := m\[k\]; ok \{/, 'a lone use is still wrapped: its names live in the if');
  assert.equal((await lookupFix(jump.replace('println(m[k].n)', 'n := m[k].n\n\tprintln(n)'))).fix, undefined);
  // compute() may touch the map, and Go leaves its order against the lookup open: moving the lookup could matter.
  assert.equal((await lookupFix('func f(m map[string]*T, k string) int {\n\treturn compute() + m[k].n\n}')).fix, undefined);
  assert.equal((await lookupFix('func f(m map[string]*T, k string) {\n\tfmt.Println(m[k].n, func() int { return 1 }())\n}')).fix, undefined);
  const stdlib = await lookupFix('func f(m map[string]*T, k string) string {\n\treturn strings.ToUpper(m[k].name) + fmt.Sprint(len(k))\n}');
  assert.ok(stdlib.fix, 'calls of other packages and builtins cannot reach this package\'s map');
  assert.equal(stdlib.fix.safe, false, 'but they are evaluated apart from the lookup: review first');
});

test('v := m[k] then v.f: information, `v, ok := m[k]` with the exit after the line (its comment stays)', async () => {
  const r = await lookupFix(lines('func f(m map[string]*T, k string) (int, error) {', '\tt := m[k] // the one for k', '\treturn t.n, nil', '}'));
  assert.equal(r.finding.severity, 'information');
  assert.match(r.finding.message, /^`t` is a nil \*T when `k` is not in map `m`, and `t\.n` on line \d+ reads field n through it$/);
  assert.equal(r.fix?.safe, false, 'returning zero values on a missing key is a choice to review, not applied on save');
  assert.equal(r.fixed, lines('func f(m map[string]*T, k string) (int, error) {', '\tt, ok := m[k] // the one for k', '\tif !ok {', '\t\treturn 0, nil', '\t}', '\treturn t.n, nil', '}'));
  const branching = await lookupFix(lines('func f(m map[string]*T, k string, quick bool) int {', '\tt := m[k]', '\tif quick {', '\t\treturn 1', '\t}', '\treturn t.n', '}'));
  assert.equal(branching.fix?.safe, false, 'an exit before the use runs on a missing key today: not applied unreviewed');
  const crlf = await lookupFix(lines('func f(m map[string]*T, k string) int {', '\tt := m[k]', '\treturn t.n', '}'), '\r\n');
  assert.equal(crlf.fixed, lines('func f(m map[string]*T, k string) int {', '\tt, ok := m[k]', '\tif !ok {', '\t\treturn 0', '\t}', '\treturn t.n', '}'));
  const generic = await lookupFix('func f[R any](m map[string]*T, k string) R {\n\tt := m[k]\n\tpanic(t.n)\n}');
  assert.equal(generic.fix, undefined, 'no zero value to return for R');
});

test('every fixed file is gofmt-clean and vet-clean', async (t) => {
  const go = findGo();
  if ('missing' in go) return t.skip(`go not found: ${go.missing}`);
  assert.ok(packages >= 15, `only ${packages} fixed files`);
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt -l lists fixed files:\n${fmt.output}`);
  const vet = runGoPath(go.bin, gopath, ['vet', './...']);
  assert.equal(vet.status, 0, `go vet fails on fixed code:\n${vet.output}`);
});
