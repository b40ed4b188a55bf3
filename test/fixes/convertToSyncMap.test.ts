// "Convert to sync.Map": applied (preferred or not) to every concurrent-map-access positive where it is
// offered, the result must be gofmt-clean, vet-clean and pass its own `go test -race`; where it is not
// offered the reason is pinned below, so a regression either way shows. Then hand-made packages: a Range
// with break/continue (and loops and switches with their own), missing-key reads that must keep the zero
// value (checked by a Go test), untyped constants, and a declaration in one file with uses in another.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Finding, type SourceFile } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';
import type { Fix } from '../../server/src/analysis/types';
import { buildPackageModel } from '../../server/src/analysis/model/packageModel';
import { findRaces } from '../../server/src/analysis/model/races';
import { planSyncMapConversion } from '../../server/src/analysis/fixes/convertToSyncMap';
import { splitByPackageClause } from '../../server/src/analysis/packageClause';
import { loadCases } from '../support/fixtureCorpus';
import { pendingReason } from '../support/pendingFixtures';
import { findGo, parseGoTestOutput, runGoPath, showsMapRace } from '../support/goTool';

const RULE = 'concurrent-map-access';
const isConvert = (f: Fix) => f.title.startsWith('Convert ');

/** Positives the conversion is not offered for, and why (matched against the reason the planner gives). */
const NOT_OFFERED: Readonly<Record<string, RegExp>> = {
  after_func: /`len\(ran\)` has no sync.Map equivalent/,
  arg_closure: /is a parameter: its callers pass a map/,
  arg_worker: /`seen` is passed to `record`, which takes a map/,
  closure_var: /`counts\[w\]\+\+` reads and writes in two steps/,
  compound_assign: /`totals` is passed to `add`, which takes a map/,
  crawler_seen: /is a parameter: its callers pass a map/,
  early_return: /`len\(settings\)` has no sync.Map equivalent/,
  fanout_results: /`Resolver` is used by value/,
  go_helper: /`index` is returned as a map/,
  handler_global: /`visits\[r.URL.Path\]\+\+` reads and writes in two steps/,
  locked_helper: /`len\(state\)` has no sync.Map equivalent/,
  loop_counter: /`counts\[w\]\+\+` reads and writes in two steps/,
  method_global: /`hits\[p\]\+\+` reads and writes in two steps/,
  mutex_per_iteration: /`counts\[v\]\+\+` reads and writes in two steps/,
  nested_goroutine: /`len\(ips\)` has no sync.Map equivalent/,
  nested_map: /an inner map of a map of maps/,
  quit_not_wait: /`counts\[j\]\+\+` reads and writes in two steps/,
  range_vs_delete: /is a parameter: its callers pass a map/,
  result_map: /`reg` is returned as a map/,
  spawn_in_helper: /`counts` is passed to `startCounter`, which takes a map/,
  start_gate: /`len\(cache\)` has no sync.Map equivalent/,
  two_mutexes: /`stats\[event\]\+\+` reads and writes in two steps/,
  unlock_early: /`len\(counters\)` has no sync.Map equivalent/,
  untracked_goroutine: /`audit\[u\]\+\+` reads and writes in two steps/,
};

/** Positives where the conversion is the preferred fix (nothing deletes, nothing locks, each goroutine stores under its own key). */
const PREFERRED = ['own_key'];

function parseDir(parser: Parser, dir: string): SourceFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.go'))
    .sort()
    .map((f) => parseSourceFile(parser, path.join(dir, f), fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** Why each racy map of the package gets no conversion, by map name (empty when every one gets it). */
function reasons(files: SourceFile[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const group of splitByPackageClause(files)) {
    const model = buildPackageModel(group);
    const facts = findRaces(model);
    for (const race of facts.races.values()) {
      const v = race.here.access.v.field ?? race.here.access.v;
      const plan = planSyncMapConversion(v, model, facts.accesses.filter((a) => (a.v.field ?? a.v) === v));
      if (typeof plan === 'string') out.set(v.name, plan);
    }
  }
  return out;
}

function applyFix(fix: Fix): void {
  const byFile = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) fs.writeFileSync(file, applyEdits(fs.readFileSync(file, 'utf8'), edits));
}

function distinctConversions(findings: Finding[]): Fix[] {
  const seen = new Map<string, Fix>();
  for (const f of findings) for (const x of f.fixes.filter(isConvert)) seen.set(x.title, x);
  return [...seen.values()];
}

test('every concurrent-map-access positive: converted where offered (gofmt, vet, -race clean), the reason pinned where not', async (t) => {
  const parser = await createGoParser();
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-convert-'));
  const converted: string[] = [];
  const notOffered: Record<string, string> = {};
  const preferred: string[] = [];
  const fieldsToo: string[] = [];
  for (const c of loadCases(RULE).filter((x) => x.racy && !pendingReason(RULE, x.name))) {
    const dir = path.join(gopath, 'src', RULE, c.name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of c.files) fs.writeFileSync(path.join(dir, path.basename(f.path)), f.text);
    const files = parseDir(parser, dir);
    const findings = analyzePackage(files);
    for (const f of findings) assert.ok(f.fixes.filter((x) => x.preferred).length <= 1, `${c.name}: two preferred fixes for one finding`);
    const conversions = distinctConversions(findings.filter((f) => f.rule === RULE));
    const why = reasons(files);
    if (conversions.length === 0) {
      assert.ok(why.size > 0, `${c.name}: no conversion and no reason`);
      notOffered[c.name] = [...why.values()].join('; ');
      fs.rmSync(dir, { recursive: true });
      continue;
    }
    assert.equal(conversions.length, 1, `${c.name}: one racy map, one conversion`);
    const [fix] = conversions;
    if (fix!.preferred) preferred.push(c.name);
    // A map field's own finding offers the same conversion, never as its preferred fix.
    for (const field of findings.filter((f) => f.rule === 'unsynchronized-map-field')) {
      const same = field.fixes.filter(isConvert);
      assert.deepEqual(same.map((x) => [x.title, x.preferred, x.edits]), [[fix!.title, false, fix!.edits]], `${c.name}: the field's finding offers the conversion`);
      fieldsToo.push(c.name);
    }
    applyFix(fix!);
    const after = analyzePackage(parseDir(parser, dir));
    const map = /`([^`]+)`/.exec(fix!.title)![1]!.split('.').pop()!;
    assert.deepEqual(after.filter((f) => f.rule === RULE && f.message.includes(map)).map((f) => f.message), [], `${c.name}: still racy after the conversion`);
    converted.push(c.name);
  }
  parser.delete();
  if (process.env.MAPRACE_SHOW_CONVERT) console.log(JSON.stringify({ converted, notOffered }, null, 2));
  const expectedMissing = Object.keys(NOT_OFFERED).sort();
  assert.deepEqual(Object.keys(notOffered).sort(), expectedMissing, 'the positives the conversion is not offered for');
  for (const [name, reason] of Object.entries(notOffered)) assert.match(reason, NOT_OFFERED[name]!, `${name}: not offered for another reason`);
  assert.ok(converted.length >= 8, `only ${converted.length} positives converted`);
  // The mutex guard stays the default; the conversion wins only where each goroutine stores its own key.
  assert.deepEqual(preferred, PREFERRED, 'the positives whose preferred fix is the conversion');
  assert.deepEqual(fieldsToo, ['embedded_map', 'janitor'], 'the converted map fields are reported as fields too');

  const go = findGo();
  if ('missing' in go) return t.skip(`go not found (${go.missing}): gofmt, go vet and go test -race not run`);
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '-d', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt disagrees with converted files:\n${fmt.output}`);
  const vet = runGoPath(go.bin, gopath, ['vet', './...']);
  assert.equal(vet.status, 0, `go vet fails on converted code:\n${vet.output}`);
  const run = runGoPath(go.bin, gopath, ['test', '-race', '-count=1', '-timeout=120s', './...']);
  const results = parseGoTestOutput(run.output);
  for (const name of converted) {
    const r = results.get(`${RULE}/${name}`);
    assert.ok(r && r.status === 'ok' && !showsMapRace(r.output), `${name}: fails go test -race after the conversion:\n${r?.output ?? run.output}`);
  }
  if (!process.env.MAPRACE_KEEP) fs.rmSync(gopath, { recursive: true, force: true });
  else console.log(gopath);
});

/** Writes a package under `<gopath>/src/<name>`; returns its directory. */
function writePackage(gopath: string, name: string, files: Record<string, string>): string {
  const dir = path.join(gopath, 'src', name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

const lines = (...l: string[]) => `${l.join('\n')}\n`;

// The declaration and the writers in a.go; reads, ranges with every kind of break and continue in b.go.
const RANGE_PACKAGE = {
  'a.go': lines(
    'package convert_range',
    '',
    'import "sync"',
    '',
    'var scores = map[string]int{}',
    '',
    '// Record stores a score per name, one goroutine per name.',
    'func Record(names []string) {',
    '\tvar wg sync.WaitGroup',
    '\tfor i, n := range names {',
    '\t\twg.Add(1)',
    '\t\tgo func(n string, i int) {',
    '\t\t\tdefer wg.Done()',
    '\t\t\tscores[n] = i * 10',
    '\t\t}(n, i)',
    '\t}',
    '\twg.Wait()',
    '}',
    '',
    '// RecordScore stores one score in the background and waits for it.',
    'func RecordScore(name string, score int) {',
    '\tdone := make(chan struct{})',
    '\tgo func(name string, score int) {',
    '\t\tscores[name] = score',
    '\t\tclose(done)',
    '\t}(name, score)',
    '\t<-done',
    '}',
  ),
  'b.go': lines(
    'package convert_range',
    '',
    'import "strings"',
    '',
    '// Score is the score of name, 0 when it has none.',
    'func Score(name string) int {',
    '\ts := scores[name]',
    '\treturn s',
    '}',
    '',
    '// Lookup also says whether name has a score.',
    'func Lookup(name string) (int, bool) {',
    '\ts, ok := scores[name]',
    '\treturn s, ok',
    '}',
    '',
    '// Double doubles the score of a known name, -1 otherwise.',
    'func Double(name string) int {',
    '\tif s, ok := scores[name]; ok {',
    '\t\treturn 2 * s',
    '\t}',
    '\treturn -1',
    '}',
    '',
    '// Summary counts the scores above min, except "skip"\'s; stopped says a score above 1000 ended the count.',
    'func Summary(min int) (above int, stopped bool) {',
    '\tfor name, s := range scores {',
    '\t\tif name == "skip" {',
    '\t\t\tcontinue',
    '\t\t}',
    '\t\tfor j := 0; j < 3; j++ {',
    '\t\t\tif j == 1 {',
    '\t\t\t\tbreak // the inner loop\'s own',
    '\t\t\t}',
    '\t\t}',
    '\t\tswitch {',
    '\t\tcase s < 0:',
    '\t\t\tbreak // the switch\'s own',
    '\t\t}',
    '\t\tif s > 1000 {',
    '\t\t\tstopped = true',
    '\t\t\tbreak',
    '\t\t}',
    '\t\tif s > min {',
    '\t\t\tabove++',
    '\t\t}',
    '\t}',
    '\treturn above, stopped',
    '}',
    '',
    '// HasAbove reports whether some score is above limit.',
    'func HasAbove(limit int) bool {',
    '\tfound := false',
    '\tfor _, s := range scores {',
    '\t\tif s > limit {',
    '\t\t\tfound = true',
    '\t\t\tbreak',
    '\t\t}',
    '\t}',
    '\treturn found',
    '}',
    '',
    '// Count counts the names that start with none of the prefixes.',
    'func Count(prefixes []string) int {',
    '\tn := 0',
    'names:',
    '\tfor name := range scores {',
    '\t\tfor _, p := range prefixes {',
    '\t\t\tif strings.HasPrefix(name, p) {',
    '\t\t\t\tcontinue names',
    '\t\t\t}',
    '\t\t}',
    '\t\tn++',
    '\t}',
    '\treturn n',
    '}',
  ),
  // Passes on the original code run alone, and must pass the same way after the conversion.
  'convert_range_test.go': lines(
    'package convert_range',
    '',
    'import "testing"',
    '',
    'func TestBehaviourKept(t *testing.T) {',
    '\tRecord([]string{"a", "b", "c", "skip"})',
    '\tif got := Score("zzz"); got != 0 {',
    '\t\tt.Fatalf("missing key: got %d, want the zero value", got)',
    '\t}',
    '\tif s, ok := Lookup("zzz"); s != 0 || ok {',
    '\t\tt.Fatalf("missing key: got %d, %v", s, ok)',
    '\t}',
    '\tif s, ok := Lookup("b"); s != 10 || !ok {',
    '\t\tt.Fatalf("b: got %d, %v", s, ok)',
    '\t}',
    '\tif d, none := Double("c"), Double("x"); d != 40 || none != -1 {',
    '\t\tt.Fatalf("Double: got %d, %d", d, none)',
    '\t}',
    '\tif above, stopped := Summary(5); above != 2 || stopped {',
    '\t\tt.Fatalf("Summary(5): got %d, %v", above, stopped)',
    '\t}',
    '\tif got := scores["c"]; got != 20 {',
    '\t\tt.Fatalf("c: got %d", got)',
    '\t}',
    '\tRecord([]string{"x", "y", "z", "w", "v", "u", "t", "s", "r", "q", "p", "o", "n", "m", "l", "k", "j", "i", "h", "g", "f", "e", "d"})',
    '\tRecordScore("huge", 5000)',
    '\tif _, stopped := Summary(5); !stopped {',
    '\t\tt.Fatal("Summary: the break did not stop the count")',
    '\t}',
    '\tif !HasAbove(4000) || HasAbove(6000) {',
    '\t\tt.Fatal("HasAbove")',
    '\t}',
    '\tif n := Count([]string{"s", "h"}); n != 24 {',
    '\t\tt.Fatalf("Count: got %d", n)',
    '\t}',
    '}',
  ),
};

function goChecks(t: { skip(msg: string): void }, gopath: string, packages: string[]): boolean {
  const go = findGo();
  if ('missing' in go) {
    t.skip(`go not found (${go.missing}): gofmt, go vet and go test -race not run`);
    return false;
  }
  const gofmt = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  const fmt = runGoPath(fs.existsSync(gofmt) ? gofmt : 'gofmt', gopath, ['-l', '-d', '.']);
  assert.equal(fmt.output.trim(), '', `gofmt disagrees:\n${fmt.output}`);
  const vet = runGoPath(go.bin, gopath, ['vet', ...packages.map((p) => `./${p}`)]);
  assert.equal(vet.status, 0, `go vet fails:\n${vet.output}`);
  const run = runGoPath(go.bin, gopath, ['test', '-race', '-count=1', '-timeout=120s', ...packages.map((p) => `./${p}`)]);
  const results = parseGoTestOutput(run.output);
  for (const p of packages) {
    const r = results.get(p);
    assert.ok(r && r.status === 'ok' && !showsMapRace(r.output), `${p}: go test -race fails:\n${r?.output ?? run.output}`);
  }
  return true;
}

test('a package in three files: one preferred fix edits them all; Range keeps break/continue, missing keys read as zero', async (t) => {
  const parser = await createGoParser();
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-convert-range-'));
  try {
    const dir = writePackage(gopath, 'convert_range', RANGE_PACKAGE);
    const findings = analyzePackage(parseDir(parser, dir));
    const races = findings.filter((f) => f.rule === RULE);
    assert.ok(races.length > 0, 'the goroutines writing scores are reported');
    for (const f of races) {
      const preferred = f.fixes.filter((x) => x.preferred);
      assert.deepEqual(preferred.map((x) => x.title), ['Convert `scores` to sync.Map'], 'each goroutine stores its own key: the conversion is the preferred fix');
      assert.ok(f.fixes.some((x) => x.title.startsWith('Guard') && !x.preferred), 'the mutex guard is still offered, not preferred');
    }
    const [fix] = distinctConversions(races);
    assert.ok(fix);
    const edited = [...new Set(fix.edits.map((e) => path.basename(e.file)))].sort();
    assert.deepEqual(edited, ['a.go', 'b.go', 'convert_range_test.go'], 'one fix, edits in every file that uses the map');
    applyFix(fix);
    const a = fs.readFileSync(path.join(dir, 'a.go'), 'utf8');
    const b = fs.readFileSync(path.join(dir, 'b.go'), 'utf8');
    assert.match(a, /^var scores sync\.Map$/m);
    assert.match(a, /^\t\t\tscores\.Store\(n, i\*10\)$/m);
    assert.match(fs.readFileSync(path.join(dir, 'convert_range_test.go'), 'utf8'), /value, _ := scores\.Load\("c"\)\n\tif got, _ := value\.\(int\); got != 20/);
    assert.match(b, /value, _ := scores\.Load\(name\)\n\ts, _ := value\.\(int\)\n/);
    assert.match(b, /value, ok := scores\.Load\(name\)\n\ts, _ := value\.\(int\)\n/);
    assert.match(b, /if value, ok := scores\.Load\(name\); ok \{\n\t\ts, _ := value\.\(int\)\n\t\treturn 2 \* s/);
    assert.equal((b.match(/scores\.Range\(func\(/g) ?? []).length, 3);
    assert.match(b, /if name == "skip" \{\n\t\t\treturn true\n/, 'continue of the ranged loop');
    assert.match(b, /\t\t\t\tbreak \/\/ the inner loop's own\n/, 'the inner loop keeps its break');
    assert.match(b, /\t\t\tbreak \/\/ the switch's own\n/, 'the switch keeps its break');
    assert.match(b, /stopped = true\n\t\t\treturn false\n/, 'break of the ranged loop');
    assert.match(b, /\t\t\t\treturn true\n\t\t\t\}\n\t\t\}\n\t\tn\+\+/, 'continue with the ranged loop\'s label');
    assert.doesNotMatch(b, /names:/, 'the label is gone with the loop');
    assert.doesNotMatch(b, /scores\[/);
    if (process.env.MAPRACE_SHOW_CONVERT) console.log(a, b, fs.readFileSync(path.join(dir, 'convert_range_test.go'), 'utf8'));
    const after = analyzePackage(parseDir(parser, dir));
    assert.deepEqual(after.filter((f) => f.rule === RULE).map((f) => f.message), []);
    goChecks(t, gopath, ['convert_range']);
  } finally {
    parser.delete();
    fs.rmSync(gopath, { recursive: true, force: true });
  }
});

/** The plan for map `name` (a variable, or `T.f`) of a package given as sources. */
function planFor(parser: Parser, files: Record<string, string>, name: string, goVersion?: string): Fix | string {
  const sources = Object.entries(files).map(([file, text]) => parseSourceFile(parser, `/virtual/p/${file}`, text));
  const model = buildPackageModel(sources);
  const facts = findRaces(model);
  const access = facts.accesses.find((a) => (a.v.field ?? a.v).name === name);
  assert.ok(access, `an access of ${name}`);
  const v = access.v.field ?? access.v;
  return planSyncMapConversion(v, model, facts.accesses.filter((a) => (a.v.field ?? a.v) === v), { goVersion });
}

/** One file: `decl` at package level, `body` in func f(k string) (tab-indented lines). */
const pkg = (body: string, decl = 'var m = map[string]int{}', extra = '') =>
  `package p\n\n${decl}\n\nfunc f(k string) {\n${body}\n}\n${extra}`;

/** Where a use has no sync.Map equivalent, or the rewrite could not keep gofmt or vet happy: no fix, and this reason. */
const REFUSED: readonly [string, Record<string, string>, string, RegExp][] = [
  ['len', { 'p.go': pkg('\tm[k] = 1\n\tprintln(len(m))') }, 'm', /`len\(m\)` has no sync.Map equivalent/],
  ['passed on', { 'p.go': pkg('\tm[k] = 1\n\tg(m)', undefined, '\nfunc g(x map[string]int) {}\n') }, 'm', /`m` is passed to `g`, which takes a map/],
  ['compound assignment', { 'p.go': pkg('\tm[k] += 2') }, 'm', /`m\[k\] \+= 2` reads and writes in two steps/],
  ['increment', { 'p.go': pkg('\tm[k]++') }, 'm', /`m\[k\]\+\+` reads and writes in two steps/],
  ['reset', { 'p.go': pkg('\tm[k] = 1\n\tm = map[string]int{}') }, 'm', /`m` is assigned \(a sync.Map cannot be replaced or copied\)/],
  ['copied', { 'p.go': pkg('\tm[k] = 1\n\tn := m\n\t_ = n') }, 'm', /`m` is used as a map value/],
  ['compared', { 'p.go': pkg('\tif m != nil {\n\t\tm[k] = 1\n\t}') }, 'm', /`m` is compared/],
  ['address', { 'p.go': pkg('\tm[k] = 1\n\tp := &m\n\t_ = p') }, 'm', /the address of `m` is taken/],
  ['in an expression', { 'p.go': pkg('\tm[k] = 1\n\tprintln(m[k] + 1)') }, 'm', /`m\[k\]` is read inside a larger expression/],
  ['return in range', { 'p.go': pkg('\tfor key := range m {\n\t\tif key == k {\n\t\t\treturn\n\t\t}\n\t}\n\tm[k] = 1') }, 'm', /the range loop body returns from its function/],
  ['defer in range', { 'p.go': pkg('\tfor key := range m {\n\t\tdefer println(key)\n\t}\n\tm[k] = 1') }, 'm', /defers a call/],
  ['break out of an outer loop', { 'p.go': pkg('outer:\n\tfor i := 0; i < 2; i++ {\n\t\tfor key := range m {\n\t\t\tif key == k {\n\t\t\t\tbreak outer\n\t\t\t}\n\t\t}\n\t}\n\tm[k] = 1') }, 'm', /`break outer` leaves an outer loop/],
  ['one-line range body', { 'p.go': pkg('\tfor key := range m { println(key) }\n\tm[k] = 1') }, 'm', /not laid out one statement a line/],
  ['initial entries', { 'p.go': pkg('\tm[k] = 1', 'var m = map[string]int{"a": 1}') }, 'm', /starts with entries/],
  ['exported', { 'p.go': pkg('\tM[k] = 1', 'var M = map[string]int{}') }, 'M', /exported/],
  ['parameter', { 'p.go': 'package p\n\nfunc f(m map[string]int, k string) {\n\tm[k] = 1\n}\n' }, 'm', /parameter/],
  ['directional channel values', { 'p.go': pkg('\tm[k] = nil', 'var m = map[string]chan<- int{}') }, 'm', /directional channel/],
  ['map of maps', { 'p.go': pkg('\tm[k]["x"] = 1', 'var m = map[string]map[string]int{}') }, 'm[…]', /inner map of a map of maps/],
  ['value receiver', { 'p.go': 'package p\n\ntype C struct {\n\tm map[string]int\n}\n\nfunc (c C) get(k string) int {\n\tv := c.m[k]\n\treturn v\n}\n' }, 'C.m', /`C` is used by value/],
  ['struct in a slice', { 'p.go': 'package p\n\ntype C struct {\n\tm map[string]int\n}\n\nvar all []C\n\nfunc (c *C) put(k string) {\n\tc.m[k] = 1\n}\n' }, 'C.m', /`C` is used by value/],
  ['struct literal copied', { 'p.go': 'package p\n\ntype C struct {\n\tm map[string]int\n}\n\nfunc (c *C) put(k string) {\n\tc.m[k] = 1\n}\n\nfunc f() {\n\tc := C{m: map[string]int{}}\n\td := c\n\td.put("x")\n}\n' }, 'C.m', /a `C` literal is used by value/],
  ['held struct copied out', { 'p.go': 'package p\n\ntype inner struct {\n\tm map[string]int\n}\n\ntype Outer struct {\n\tin inner\n}\n\nfunc (i *inner) put(k string) {\n\ti.m[k] = 1\n}\n\nfunc (o *Outer) snapshot() {\n\to.in.put("x")\n\tcopied := o.in\n\t_ = copied\n}\n' }, 'inner.m', /`o.in` copies a struct that would hold a sync.Map/],
  ['field name used elsewhere', { 'p.go': 'package p\n\ntype C struct {\n\tm map[string]int\n}\n\ntype D struct {\n\tm []int\n}\n\nfunc (c *C) put(k string) {\n\tc.m[k] = 1\n}\n' }, 'C.m', /another field of the package is also called `m`/],
  ['aligned comments', { 'p.go': pkg('\tm[k] = 1      // one\n\tprintln(k, 1) // two') }, 'm', /aligned with its neighbours/],
  ['import left unused', { 'p.go': 'package p\n\nimport "time"\n\nvar m = map[string]time.Duration{}\n\nfunc f(k string) {\n\tfor key := range m {\n\t\tprintln(key)\n\t}\n\tdelete(m, k)\n}\n' }, 'm', /import of `time` in p.go would be left unused/],
];

test('not offered where a use has no sync.Map equivalent or the result would not be clean: each with its reason', async () => {
  const parser = await createGoParser();
  try {
    for (const [name, files, map, reason] of REFUSED) {
      const plan = planFor(parser, files, map);
      assert.equal(typeof plan, 'string', `${name}: no fix expected, got ${JSON.stringify(plan)}`);
      assert.match(plan as string, reason, name);
    }
  } finally {
    parser.delete();
  }
});

// Values that would come back as another type through interface{} unless converted on the way in
// (untyped constants, named types), nil values that must read back as nil, and a type of another
// package whose import the file with the reads lacks. Another package's constant may be untyped
// (math.Pi), so `time.Second` is converted too: redundant, never wrong.
const TYPES_PACKAGE = {
  'a.go': lines(
    'package convert_types',
    '',
    'import (',
    '\t"sync"',
    '\t"time"',
    ')',
    '',
    '// ID names a thing.',
    'type ID string',
    '',
    '// Level is a severity.',
    'type Level int',
    '',
    'type conn struct{ n int }',
    '',
    'var (',
    '\tweights = map[string]float64{}',
    '\tbyID    = map[ID]bool{}',
    ')',
    '',
    'var wide = map[int64]string{}',
    '',
    'var levels = map[string]Level{}',
    '',
    'var conns = map[string]*conn{}',
    '',
    'var errs = map[string]error{}',
    '',
    'var waits = map[string]time.Duration{}',
    '',
    '// Fill writes every map from a goroutine.',
    'func Fill() {',
    '\tvar wg sync.WaitGroup',
    '\twg.Add(1)',
    '\tgo func() {',
    '\t\tdefer wg.Done()',
    '\t\tweights["a"] = 1',
    '\t\tweights["b"] = 2.5',
    '\t\tweights["c"] = \'c\'',
    '\t\tbyID["x"] = true',
    '\t\twide[5] = "five"',
    '\t\tlevels["warn"] = 2',
    '\t\tconns["none"] = nil',
    '\t\tconns["one"] = &conn{n: 1}',
    '\t\terrs["ok"] = nil',
    '\t\twaits["short"] = 3 * time.Millisecond',
    '\t\twaits["long"] = time.Second',
    '\t}()',
    '\twg.Wait()',
    '}',
  ),
  'b.go': lines(
    'package convert_types',
    '',
    '// Weight is k\'s weight.',
    'func Weight(k string) float64 {',
    '\tw := weights[k]',
    '\treturn w',
    '}',
    '',
    '// Known reports whether id was recorded.',
    'func Known(id ID) bool {',
    '\t_, ok := byID[id]',
    '\treturn ok',
    '}',
    '',
    '// Wide is the name of n.',
    'func Wide(n int64) string {',
    '\treturn wide[n]',
    '}',
    '',
    '// LevelOf is k\'s level.',
    'func LevelOf(k string) Level {',
    '\treturn levels[k]',
    '}',
    '',
    '// Conn is the conn under k, and whether k is there.',
    'func Conn(k string) (*conn, bool) {',
    '\tc, ok := conns[k]',
    '\treturn c, ok',
    '}',
    '',
    '// Err is the error under k, and whether k is there.',
    'func Err(k string) (error, bool) {',
    '\te, ok := errs[k]',
    '\treturn e, ok',
    '}',
    '',
    '// Wait is k\'s wait in nanoseconds.',
    'func Wait(k string) int64 {',
    '\tw := waits[k]',
    '\treturn int64(w)',
    '}',
    '',
    '// Prefer sets k\'s weight unless it has one.',
    'func Prefer(k string, w float64) {',
    '\tif _, ok := weights[k]; !ok {',
    '\t\tweights[k] = w',
    '\t}',
    '}',
    '',
    '// TotalWait adds all waits up.',
    'func TotalWait() int64 {',
    '\tvar total int64',
    '\tfor _, w := range waits {',
    '\t\ttotal += int64(w)',
    '\t}',
    '\treturn total',
    '}',
  ),
  'convert_types_test.go': lines(
    'package convert_types',
    '',
    'import (',
    '\t"testing"',
    '\t"time"',
    ')',
    '',
    'func TestValuesReadBack(t *testing.T) {',
    '\tFill()',
    '\tif Weight("a") != 1 || Weight("b") != 2.5 || Weight("c") != 99 || Weight("none") != 0 {',
    '\t\tt.Fatal("weights", Weight("a"), Weight("b"), Weight("c"))',
    '\t}',
    '\tPrefer("a", 7)',
    '\tPrefer("new", 7)',
    '\tif Weight("a") != 1 || Weight("new") != 7 {',
    '\t\tt.Fatal("Prefer", Weight("a"), Weight("new"))',
    '\t}',
    '\tif !Known("x") || Known("y") {',
    '\t\tt.Fatal("byID")',
    '\t}',
    '\tif Wide(5) != "five" || Wide(6) != "" {',
    '\t\tt.Fatal("wide")',
    '\t}',
    '\tif LevelOf("warn") != 2 || LevelOf("none") != 0 {',
    '\t\tt.Fatal("levels")',
    '\t}',
    '\tif c, ok := Conn("none"); c != nil || !ok {',
    '\t\tt.Fatal("a nil stored")',
    '\t}',
    '\tif c, ok := Conn("one"); c == nil || c.n != 1 || !ok {',
    '\t\tt.Fatal("a conn stored")',
    '\t}',
    '\tif c, ok := Conn("zzz"); c != nil || ok {',
    '\t\tt.Fatal("no conn")',
    '\t}',
    '\tif e, ok := Err("ok"); e != nil || !ok {',
    '\t\tt.Fatal("a nil error stored")',
    '\t}',
    '\tif Wait("short") != int64(3*time.Millisecond) || Wait("long") != int64(time.Second) {',
    '\t\tt.Fatal("waits")',
    '\t}',
    '\tif TotalWait() != int64(time.Second+3*time.Millisecond) {',
    '\t\tt.Fatal("total wait")',
    '\t}',
    '}',
  ),
};

test('values keep their type and nil through sync.Map: constants converted, imports added, the Go test still passes', async (t) => {
  const parser = await createGoParser();
  const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-convert-types-'));
  try {
    const dir = writePackage(gopath, 'convert_types', TYPES_PACKAGE);
    const read = () => Object.fromEntries(Object.keys(TYPES_PACKAGE).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
    for (const name of ['weights', 'byID', 'wide', 'levels', 'conns', 'errs', 'waits']) {
      const current = read();
      const sources = Object.entries(current).map(([f, text]) => parseSourceFile(parser, path.join(dir, f), text));
      const model = buildPackageModel(sources);
      const facts = findRaces(model);
      const v = facts.accesses.find((a) => a.v.name === name)?.v;
      assert.ok(v, `${name} is seen`);
      const plan = planSyncMapConversion(v, model, facts.accesses.filter((a) => a.v === v));
      assert.notEqual(typeof plan, 'string', `${name}: ${String(plan)}`);
      applyFix(plan as Fix);
    }
    const { 'a.go': a, 'b.go': b } = read();
    assert.match(a, /^\tweights sync\.Map\n\tbyID    sync\.Map\n\)/m, 'the var block keeps its alignment');
    for (const store of ['weights.Store("a", float64(1))', 'weights.Store("b", 2.5)', 'weights.Store("c", float64(\'c\'))', 'byID.Store(ID("x"), true)', 'wide.Store(int64(5), "five")', 'levels.Store("warn", Level(2))', 'conns.Store("none", nil)', 'errs.Store("ok", nil)', 'waits.Store("short", time.Duration(3*time.Millisecond))', 'waits.Store("long", time.Duration(time.Second))']) {
      assert.ok(a.includes(store), `a.go has ${store}`);
    }
    assert.match(b, /^import "time"$/m, 'b.go now spells time.Duration, so it imports time');
    assert.match(b, /^\tweights\.LoadOrStore\(k, w\)\n\}/m, 'check-then-store is one LoadOrStore');
    assert.match(b, /w, _ := value\.\(time\.Duration\)/);
    assert.match(b, /waits\.Range\(func\(_, value interface\{\}\) bool \{\n\t\tw, _ := value\.\(time\.Duration\)/);
    goChecks(t, gopath, ['convert_types']);
  } finally {
    parser.delete();
    fs.rmSync(gopath, { recursive: true, force: true });
  }
});

test('with a Go version of 1.18 or newer the Range callback takes `any`', async () => {
  const parser = await createGoParser();
  try {
    const files = { 'p.go': pkg('\tfor key, v := range m {\n\t\tprintln(key, v)\n\t}\n\tm[k] = 1') };
    const edits = (goVersion?: string) => (planFor(parser, files, 'm', goVersion) as Fix).edits.map((e) => e.newText).join('\n');
    assert.match(edits('1.18'), /m\.Range\(func\(key2, value any\) bool \{/);
    assert.match(edits('go1.21'), /value any\) bool/);
    assert.match(edits(undefined), /value interface\{\}\) bool/);
    assert.match(edits('1.17'), /value interface\{\}\) bool/);
  } finally {
    parser.delete();
  }
});

test('half-typed code: the analysis never throws, and no conversion is offered while a file has a syntax error', async () => {
  const parser = await createGoParser();
  try {
    const whole = RANGE_PACKAGE['b.go'];
    let cut = 0;
    for (let end = 0; end < whole.length; end += 11) {
      const files = [
        parseSourceFile(parser, '/virtual/r/a.go', RANGE_PACKAGE['a.go']),
        parseSourceFile(parser, '/virtual/r/b.go', whole.slice(0, end)),
      ];
      const findings = analyzePackage(files);
      const broken = files.some((f) => f.root.hasError);
      if (broken) {
        cut++;
        assert.deepEqual(findings.flatMap((f) => f.fixes.filter(isConvert)), [], `offered with b.go cut at ${end}`);
      }
    }
    assert.ok(cut > 50, 'most cuts leave a syntax error');
  } finally {
    parser.delete();
  }
});

test('CRLF files stay CRLF', async () => {
  const parser = await createGoParser();
  try {
    const files = Object.fromEntries(Object.entries(RANGE_PACKAGE).map(([f, text]) => [f, text.replace(/\n/g, '\r\n')]));
    const fix = planFor(parser, files, 'scores') as Fix;
    assert.equal(typeof fix, 'object', String(fix));
    for (const [name, text] of Object.entries(files)) {
      const edits = fix.edits.filter((e) => e.file === `/virtual/p/${name}`);
      const after = applyEdits(text, edits);
      assert.ok(edits.length > 0, name);
      assert.ok(!/[^\r]\n/.test(after), `${name}: a bare LF after the conversion:\n${after}`);
    }
  } finally {
    parser.delete();
  }
});
