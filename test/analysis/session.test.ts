// A PackageSession analyses a package again after each edit from what it kept: after every one of a few
// hundred random edits of real files (the fixture corpus, packages built to reach its corner cases, and
// net/http with h2_bundle.go), its findings (ranges, messages, related information and fixes) must be
// exactly what a fresh analyzePackage of freshly parsed files gives. MAPRACE_SESSION_STEPS scales the
// number of edits; MAPRACE_SEED reproduces a run.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePackage, type Finding, type SourceFile } from '../../server/src/analysis/index';
import { PackageSession } from '../../server/src/analysis/session';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { toSyntax } from '../../server/src/parsing/toSyntax';
import { DocumentStore } from '../../server/src/workspace/documentStore';
import { loadCases, ruleDirs } from '../support/fixtureCorpus';
import { prng } from '../support/prng';

const SEED = Number(process.env.MAPRACE_SEED ?? Date.now() % 1_000_000);
const SCALE = Number(process.env.MAPRACE_SESSION_STEPS ?? 1);

type Parser = Awaited<ReturnType<typeof createGoParser>>;
let parser: Promise<Parser> | undefined;
const parserOnce = () => (parser ??= createGoParser());
after(async () => (await parser)?.delete());


/** What editing Go looks like, a keystroke or a paste at a time; some of it breaks the syntax. */
const SNIPPETS = [
  ' ', ' ', ' ', '', 'x', '\n', '\t', '}', '{', '(', '"', '// note\n', '/* c */', 'go f()\n', 'm["k"] = 1\n',
  'mu.Lock()\n', 'mu.Unlock()\n', 'defer mu.Unlock()\n', 'return\n', 'go func() { m[1]++ }()\n', 'wg.Wait()\n',
  'ch <- 1\n', '<-ch\n', 'delete(m, k)\n', 'for k := range m {\n_ = k\n}\n', 'false', 'var v = map[string]int{}\n',
];

/** An offset that splits neither a CRLF pair nor a surrogate pair. */
function boundary(text: string, offset: number): number {
  let o = Math.max(0, Math.min(offset, text.length));
  while (o > 0 && o < text.length) {
    const prev = text.charCodeAt(o - 1);
    const next = text.charCodeAt(o);
    if (!(prev === 13 && next === 10) && !(prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff)) break;
    o--;
  }
  return o;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function randomEdit(rand: () => number, text: string): Edit {
  const start = boundary(text, Math.floor(rand() * (text.length + 1)));
  const r = rand();
  const span = r < 0.55 ? 0 : r < 0.9 ? Math.floor(rand() * 4) : Math.floor(rand() * 80);
  const end = boundary(text, start + span);
  if (span > 0 && rand() < 0.4) return { start, end: Math.max(start, end), text: '' };
  if (rand() < 0.1) {
    const from = boundary(text, Math.floor(rand() * text.length));
    return { start, end: Math.max(start, end), text: text.slice(from, boundary(text, from + Math.floor(rand() * 120))) };
  }
  return { start, end: Math.max(start, end), text: SNIPPETS[Math.floor(rand() * SNIPPETS.length)] };
}

/** Findings as data, fixes planned: what a client could ever see of them. */
const asData = (findings: readonly Finding[]) => JSON.stringify(findings);

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `session: …${a.slice(Math.max(0, i - 200), i + 600)}…\nfresh:   …${b.slice(Math.max(0, i - 200), i + 600)}…`;
}

interface Totals {
  steps: number;
  incremental: number;
  fresh: number;
  /** Incremental analyses whose edited declarations outside bodies were patched in place. */
  patched?: number;
  /** Incremental analyses that built parts of the package model again. */
  rebuilt?: number;
  /** Function summaries made at each step. */
  summaries?: number[];
  /** Steps where tree-sitter's incremental tree differed from a fresh parse (see fuzz). */
  treeSitterDivergences?: number;
}

/** The log line of a suite's totals. */
function totalsLine(label: string, totals: Totals): string {
  return `${label}: ${totals.steps} edits, ${totals.incremental} analysed incrementally, ${totals.fresh} afresh, ${totals.treeSitterDivergences ?? 0} where tree-sitter's incremental tree differed from a fresh parse`;
}

/** A tree's node types and ranges, to tell two parses apart. */
function treeShape(node: SourceFile['root']): unknown {
  return [node.type, node.start, node.end, node.children.map(treeShape)];
}

/**
 * Edits the open documents (`open`: one of `paths`, or several) `steps` times through a DocumentStore, as
 * the server does, and checks the session against a fresh analysis after each step; with several open, a
 * step edits one of them or, now and then, two (a pull that finds two documents changed since the last
 * analysis). Now and then a document goes back to its last version without syntax errors, as undo does.
 */
async function fuzz(name: string, paths: readonly string[], open: string | readonly string[], steps: number, seed: number, totals: Totals, script?: (text: string, step: number) => Edit): Promise<void> {
  const p = await parserOnce();
  const rand = prng(seed);
  const openPaths = typeof open === 'string' ? [open] : open;
  const others: SourceFile[] = paths.filter((f) => !openPaths.includes(f)).map((f) => parseSourceFile(p, f, fs.readFileSync(f, 'utf8')));
  const store = new DocumentStore(p);
  const docs = openPaths.map((openPath) => {
    const uri = `file://${openPath}`;
    const text = fs.readFileSync(openPath, 'utf8');
    store.open(uri, 1, text);
    return { path: openPath, uri, doc: TextDocument.create(uri, 'go', 1, text), lastClean: text };
  });
  const session = new PackageSession();
  const context = (step: number) => `${name}, step ${step}, seed ${seed} (rerun with MAPRACE_SEED=${SEED})`;
  for (let step = 0; step <= steps; step++) {
    // One random draw more only when there is a choice, so one open document replays as it always did.
    const edited = step === 0 ? [] : docs.length === 1 ? docs : rand() < 0.25 ? [pick(rand, docs), pick(rand, docs)] : [pick(rand, docs)];
    for (const d of edited) {
      const text = d.doc.getText();
      const back = rand() < 0.15 && text !== d.lastClean;
      const e = script ? script(text, step) : back ? { start: 0, end: text.length, text: d.lastClean } : randomEdit(rand, text);
      const change = { range: { start: d.doc.positionAt(e.start), end: d.doc.positionAt(e.end) }, text: e.text };
      d.doc = TextDocument.create(d.uri, 'go', d.doc.version + 1, text.slice(0, e.start) + e.text + text.slice(e.end));
      store.change(d.uri, d.doc.version, [change]);
    }
    const opened = docs.map((d) => {
      const file = store.sourceFile(store.get(d.uri)!);
      assert.equal(file.text, d.doc.getText(), `document text of ${d.path}, ${context(step)}`);
      return file;
    });
    const files = [...others, ...opened].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const got = session.analyze(files, { goVersion: '1.19' });
    if (step > 0) {
      totals.steps++;
      totals.incremental += session.stats.incremental;
      totals.fresh += session.stats.fresh;
      totals.patched = (totals.patched ?? 0) + session.stats.patched;
      totals.rebuilt = (totals.rebuilt ?? 0) + session.stats.rebuilt;
      (totals.summaries ??= []).push(session.stats.summaries);
    }
    const reparsed = files.map((f) => (opened.includes(f) ? parseSourceFile(p, f.path, f.text) : f));
    for (const d of docs) if (!reparsed.find((f) => f.path === d.path)!.root.hasError) d.lastClean = d.doc.getText();
    const want = analyzePackage(reparsed, { goVersion: '1.19' });
    const [a, b] = [asData(got), asData(want)];
    if (a !== b) {
      // tree-sitter's incremental reparse of badly broken text can recover otherwise than a fresh parse
      // (seed 777 at MAPRACE_SESSION_STEPS=6: a method's body swallows the rest of the file). Then the
      // session answers for the tree it was given: a full copy of that same tree, analysed afresh, is the
      // oracle, so a copy that took over stale nodes or a stale summary still fails.
      const copies = files.map((f) => {
        const d = docs.find((x) => x.path === f.path);
        return d ? { path: f.path, text: f.text, root: toSyntax(store.get(d.uri)!.tree.tree, f.text) } : f;
      });
      const shape = (list: readonly SourceFile[]) => JSON.stringify(list.map((f) => treeShape(f.root)));
      assert.notEqual(shape(copies), shape(reparsed), `findings after an edit, ${context(step)}, from the same trees as a fresh parse:\n${firstDifference(a, b)}`);
      const c = asData(analyzePackage(copies, { goVersion: '1.19' }));
      assert.ok(a === c, `findings after an edit, ${context(step)} (tree-sitter's incremental tree differs from a fresh parse; compared with a fresh analysis of that tree):\n${firstDifference(a, c)}`);
      totals.treeSitterDivergences = (totals.treeSitterDivergences ?? 0) + 1;
    }
  }
}

/**
 * Replaces whichever of `a` and `b` the text holds with the other. `minimal`: the edit spans only what
 * differs (a space typed or deleted), as typing does; else it replaces the whole of it.
 */
function toggle(text: string, a: string, b: string, minimal = false): Edit {
  const [from, to] = text.includes(a) ? [a, b] : [b, a];
  let head = 0;
  let tail = 0;
  if (minimal) {
    while (from[head] === to[head]) head++;
    while (tail < Math.min(from.length, to.length) - head && from[from.length - 1 - tail] === to[to.length - 1 - tail]) tail++;
  }
  const start = text.indexOf(from) + head;
  return { start, end: start + from.length - head - tail, text: to.slice(head, to.length - tail) };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)];

function write(dir: string, files: Record<string, string>): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  });
}

/**
 * Packages that reach what a session must get exactly right: calls in a cycle (a summary made while its
 * caller is still being made), a goroutine started on a function further up the stack (filled in when
 * that one is done), a call chain deeper than the inlining limit, an io.Pipe held by a package variable
 * (the order functions are walked in shows), struct and constant declarations, and maps racing.
 */
const CORNERS: Record<string, Record<string, string>> = {
  cycles: {
    'cycles.go': `package cycles

import "sync"

var m = map[string]int{}
var mu sync.Mutex

const debug = false

type Crawler struct {
	mu   sync.Mutex
	seen map[string]bool
	out  map[string]int
}

func (c *Crawler) Crawl(url string, depth int) {
	if depth == 0 {
		return
	}
	c.visit(url, depth)
}

func (c *Crawler) visit(url string, depth int) {
	c.seen[url] = true
	for _, next := range []string{url + "a", url + "b"} {
		go c.Crawl(next, depth-1)
	}
	if debug {
		m[url]++
	}
}

func ping(n int) {
	if n > 0 {
		pong(n - 1)
	}
	touch()
}

func touch() {
	m["ping"]++
}

func pong(n int) {
	if n > 0 {
		go ping(n - 1)
	}
	mu.Lock()
	m["pong"]++
	mu.Unlock()
}

// Looks up pong after ping is done: pong's goroutine on ping is filled in by then.
func Other() {
	pong(1)
	m["other"] = 1
}

func Start() {
	go ping(3)
	pong(2)
	c := &Crawler{seen: map[string]bool{}, out: map[string]int{}}
	c.Crawl("x", 2)
	c.out["done"] = 1
}
`,
    'deep.go': `package cycles

var deep = map[int]int{}

func d0() { deep[0]++; d1() }
func d1() { d2() }
func d2() { d3() }
func d3() { d4() }
func d4() { d5() }
func d5() { d6() }
func d6() { d7() }
func d7() { d8() }
func d8() { d9() }
func d9() { d10() }
func d10() { d11() }
func d11() { d12() }
func d12() { d13() }
func d13() { d14() }
func d14() { d15() }
func d15() { deep[15]++ }

func Deep() {
	go d0()
	d5()
	go d10()
	deep[1] = 2
}
`,
  },
  pipes: {
    'pipe.go': `package pipes

import "io"

var pr, pw = io.Pipe()

var pr2 *io.PipeReader
var pw2 *io.PipeWriter

func init() {
	pr2, pw2 = io.Pipe()
}

func Pipe2() {
	go func() { buf["p2"] = nil; pw2.Write(nil) }()
	pr2.Read(nil)
	buf["p2r"] = nil
}

var buf = map[string][]byte{}

func writer(b []byte) {
	buf["w"] = b
	pw.Write(b)
}

func Reader() {
	go writer([]byte("x"))
	p := make([]byte, 1)
	pr.Read(p)
	buf["r"] = p
}
`,
  },
};

test(`a session's findings equal a fresh analysis after each random edit: the fixture corpus (seed ${SEED})`, async () => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  let i = 0;
  for (const rule of ruleDirs()) {
    for (const c of loadCases(rule)) {
      const sources = c.files.filter((f) => !f.path.endsWith('_test.go'));
      if (!sources.length) continue;
      const open = sources[i % sources.length].path;
      await fuzz(`${rule}/${c.name}`, c.files.map((f) => f.path), open, Math.round(4 * SCALE), SEED + i++, totals);
    }
  }
  console.log(totalsLine('fixture corpus', totals));
  assert.ok(totals.incremental > totals.steps / 4, `the session reused its summaries too rarely: ${JSON.stringify(totals)}`);
});

test(`a session's findings equal a fresh analysis after each random edit: cycles, deep chains, pipes (seed ${SEED})`, async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  let i = 0;
  for (const [name, files] of Object.entries(CORNERS)) {
    const paths = write(path.join(tmp, name), files);
    for (const open of paths) await fuzz(`${name}/${path.basename(open)}`, paths, open, Math.round(60 * SCALE), SEED + 1000 + i++, totals);
  }
  console.log(totalsLine('corner packages', totals));
  assert.ok(totals.incremental > 0, 'the session never reused its summaries');
});

test(`a session's findings equal a fresh analysis with every file of a package open, one or two edited at a time (seed ${SEED})`, async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  let i = 0;
  for (const rule of ruleDirs()) {
    for (const c of loadCases(rule)) {
      if (c.files.length < 2) continue;
      const paths = c.files.map((f) => f.path);
      await fuzz(`${rule}/${c.name}, all open`, paths, paths, Math.round(6 * SCALE), SEED + 3000 + i++, totals);
    }
  }
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  for (const [name, files] of Object.entries(CORNERS)) {
    const paths = write(path.join(tmp, name), files);
    if (paths.length > 1) await fuzz(`${name}, all open`, paths, paths, Math.round(60 * SCALE), SEED + 3000 + i++, totals);
  }
  console.log(totalsLine('several open', totals));
  assert.ok(totals.incremental > totals.steps / 4, `the session reused its summaries too rarely: ${JSON.stringify(totals)}`);
});

function goRoot(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

test(`a session's findings equal a fresh analysis after each random edit: net/http with h2_bundle.go open (seed ${SEED})`, async (t) => {
  const root = goRoot();
  const dir = root && path.join(root, 'src', 'net', 'http');
  if (!dir || !fs.existsSync(path.join(dir, 'h2_bundle.go'))) return t.skip('no GOROOT/src/net/http (install golang-src)');
  const paths = fs.readdirSync(dir).filter((f) => f.endsWith('.go')).map((f) => path.join(dir, f));
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  await fuzz('net/http h2_bundle.go', paths, path.join(dir, 'h2_bundle.go'), Math.round(25 * SCALE), SEED + 2000, totals);
  const three = ['h2_bundle.go', 'server.go', 'transport.go'].map((f) => path.join(dir, f));
  await fuzz('net/http h2_bundle.go, server.go, transport.go', paths, three, Math.round(15 * SCALE), SEED + 2001, totals);
  console.log(totalsLine('net/http', totals));
  assert.ok(totals.incremental > totals.steps / 3, `the session reused its summaries too rarely: ${JSON.stringify(totals)}`);
});

test('a session follows edits that change what a goroutine started further up the stack does', async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const paths = write(path.join(tmp, 'cycles'), CORNERS.cycles);
  const open = paths.find((f) => f.endsWith('cycles.go'))!;
  // touch's access to m (ping calls it: ping's summary changes, its declaration does not) goes under the
  // mutex and back, and the Crawler's map field gets a lock and loses it.
  // Then declarations change under names that stay: a variable stops being a map (its name node is
  // untouched), a field's type changes.
  const toggles: [string, string][] = [
    ['\tm["ping"]++\n}', '\tmu.Lock()\n\tm["ping"]++\n\tmu.Unlock()\n}'],
    ['\tc.seen[url] = true', '\tc.mu.Lock()\n\tc.seen[url] = true\n\tc.mu.Unlock()'],
    ['var m = map[string]int{}', 'var m = mapOf()\n\nfunc mapOf() map[string]int { return nil }'],
    ['\tout  map[string]int', '\tout  []int'],
  ];
  await fuzz('cycles.go, scripted', paths, open, 16, SEED, totals, (text, step) => toggle(text, ...toggles[(step - 1) % toggles.length]));
  assert.equal(totals.fresh, 0, 'every scripted edit is analysed incrementally');
});

/**
 * cycles.go mangled by the random edits of seed 777 (MAPRACE_SESSION_STEPS=6), and the five edits that
 * came next. After the first, tree-sitter's incremental reparse recovers otherwise than a fresh parse
 * (Craw's body swallows the rest of the file); the last is empty, and after it the tree is a fresh
 * parse's again with the text unchanged. The session once took the same text for the same tree and kept
 * the findings of the tree before.
 */
const RECOVERY: { text: string; edits: Edit[] } = {
  text: "package cycle\nimport \"sync\"\n\nvar m = map[string]int{}\nvar mu sync.Mutex\n\nconst debug = false\n\ntype\"Crawler struct {\n\tmu   sync.Mutex\n// note\n\tseen map[string]bool\n\toxut  map[/* c */string]int\n}\n\nfunc (c *Crawler) Craw// note\n(url string, depxth int) {\n\tif depth == 0 {\n\t\treturn\nreturn\n\t}\n\tc.vm[\"k\"] = 1\nisit(url, depxth)\n}\n\nfunc (c *Crawler) visit(url string, depth int) {\n\tc.seen[url] = true\n\tfor _, next := range []string{url + \"a\", url + \"b\"} {\n\t\tgo c.Crawl(next, depth-1)\n\t}\n\tif debug {\n\t\tm[url]\n\tc.vm[\"k\"] = 1\nisit(url, depxth)\n}\n\nfunc (c *Crawler) visit(url string, dept++\n\t}\n}\n\nfunc ping(n int) {\n\ti {\n\t\tpong(n - 1)\n\t}\n\ttouch()\n}\n\nfunc  touch() {\n\tm[\"ping\"]++\n}\n\nfunc pong(n int) {\n\tif n > 0 {\n\t\tgo pixng(n - 1)\n\t}\n\tmu.Lock()\n\tm[\"pong\"]++\n\tmu.Unlofalseck()\n}\n\n// Looks up pong  : pong's goroutine on ping is filled in by then.\nfunc\t Other() {\n\tpong(1)\n\tm[\"other\"] = 1\n}\n\nfunc Start() {\n\tgo ping(3)\n\tpong(2)\n\tc := &Cmu.Lock()\nramu.Lock()\nwler{seen: map[string]bool{}, out: map[string]int{}}\n\tc.Crawl(\"x\", 2)\n\tc.xout[\"done\"] = 1\n}\n",
  edits: [{"start": 285, "end": 299, "text": "go f()\n"}, {"start": 262, "end": 262, "text": "return\n"}, {"start": 963, "end": 963, "text": "\""}, {"start": 450, "end": 453, "text": ""}, {"start": 620, "end": 620, "text": ""}],
};

test('a session answers for the tree it is given, when an edit that changes no text changes the tree', async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const paths = write(path.join(tmp, 'cycles'), { ...CORNERS.cycles, 'cycles.go': RECOVERY.text });
  const open = paths.find((f) => f.endsWith('cycles.go'))!;
  await fuzz('cycles.go, recovery', paths, open, RECOVERY.edits.length, SEED, totals, (_, step) => RECOVERY.edits[step - 1]);
  assert.ok((totals.treeSitterDivergences ?? 0) > 0, 'tree-sitter still recovers otherwise after these edits (if the grammar changed, this case needs new ones)');
});

/**
 * A body edited away from its variables' declarations is summarised again with the same ids for them: the
 * keys its summary shows callers (`v12` for a local WaitGroup) stay the same, so its callers' summaries
 * stand. A closure started twice declares its mutex twice, two instances with ids of their own, before
 * and after.
 */
const IDS = `package ids

import "sync"

var m = map[string]int{}

// twice starts one closure twice: each goroutine locks a mutex of its own, so they race on m.
func twice(k string) {
	var wg sync.WaitGroup
	f := func() {
		defer wg.Done()
		var mu sync.Mutex
		mu.Lock()
		m[k] = 1
		mu.Unlock()
	}
	wg.Add(2)
	go f()
	go f()
	wg.Wait()
}

// work waits for its goroutine: callers see it wait on its own WaitGroup.
func work(k string) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		m[k]++
	}()
	wg.Wait()
}

func run() {
	work("a")
}
`;

test('a session keeps the ids of an edited body\'s variables: its callers\' summaries stand, and two instances of a closure\'s local stay two', async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const [open] = write(path.join(tmp, 'ids'), { 'ids.go': IDS });
  const toggles: [string, string][] = [
    ['\twg.Add(2)', '\twg.Add( 2)'],
    ['\t\tm[k]++', '\t\tm[k] ++'],
  ];
  await fuzz('ids.go, scripted', [open], open, 8, SEED, totals, (text, step) => toggle(text, ...toggles[(step - 1) % toggles.length], true));
  assert.equal(totals.fresh, 0, 'every scripted edit is analysed incrementally');
  assert.deepEqual(totals.summaries, new Array(8).fill(1), 'only the edited function is summarised again');
});

/**
 * Declarations outside function bodies edited without changing what the model knows of them (spacing,
 * comments, an import spelled another way, a comment broken into an ERROR node) are patched in place or
 * need nothing; edits that do change it (a false constant turned true, a map that stops being one, a
 * field or variable renamed, a declaration broken while typed) build only the parts of the model their
 * declarations make. Findings cite the nodes of those declarations (a field, a map's declaration), so a
 * node left behind would show in their ranges.
 */
const DECLS = `package decls

import "sync"

const debug = false

// Store has no mutex: its map field is reported where it is declared.
type Store struct {
	data map[string]int
	n    int
}

// Getter is an interface.
//
// It gets.
type Getter interface {
	Get(k string) int
}

var global = map[string]int{}

var lookup = map[string]*Store{}

var plain = map[string]Store{}

var mu sync.Mutex

func (s *Store) Put(k string) { s.data[k] = 1 }

func (s *Store) Run() {
	go s.Put("a")
	s.Put("b")
}

func (s *Store) Len() int { return len(s.data) }

func (s *Store) Peek(k string) int { return s.data[k].n }

func Use() int {
	go func() { global["x"] = 1 }()
	if debug {
		global["y"] = 2
	}
	return global["z"] + lookup["k"].Len() + plain["k"].n
}
`;

test('a session patches declarations whose facts stay the same, and rebuilds only the parts of the model other edits change', async (t) => {
  const totals: Totals = { steps: 0, incremental: 0, fresh: 0 };
  const tmp = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'maprace-session-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const [open] = write(path.join(tmp, 'decls'), { 'decls.go': DECLS });
  // [from, to, patched, rebuilt]: each applied, then undone, in turn.
  const toggles: [string, string, boolean, boolean][] = [
    ['type Store struct {', 'type  Store struct {', true, false],
    ['\tdata map[string]int\n', '\tdata map[string]int // the data\n', true, false],
    ['\tn    int\n}', '\tn    int\n\t// more to come\n}', true, false],
    ['var global = map[string]int{}', 'var global = map[string]int{ /* none yet */ }', true, false],
    ['var lookup = map', 'var  lookup = map', true, false],
    // The same facts for the model, not for unchecked-map-lookup: its values stop being pointers.
    ['var lookup = map[string]*Store{}', 'var lookup = map[string]Store{}', true, false],
    ['var plain = map[string]Store{}', 'var plain = map[string]*Store{}', true, false],
    ['\tdata map[string]int\n', '\tdata map[string]*Store\n', true, false],
    ['const debug = false', 'const debug  = false', true, false],
    ['\tGet(k string) int', '\tGet(key string) int', true, false],
    ['import "sync"', 'import (\n\t"sync"\n)', false, false],
    ['// Store has no mutex', '// Store (see Put) has no mutex', false, false],
    ['//\n// It gets.', '/ /\n// It gets.', false, false],
    ['const debug = false', 'const debug = true', false, true],
    ['var global = map[string]int{}', 'var global = []int{}', false, true],
    ['var lookup = map', 'var look up = map', false, true],
    ['\tdata map[string]int\n', '\tdata2 map[string]int\n', false, true],
    ['\tn    int\n}', '\tn    map[int]int\n}', false, true],
    ['type Store struct {', 'ty pe Store struct {', false, true],
    ['func (s *Store) Len() int', 'func (s *Store) Len2() int', false, true],
  ];
  const want = { patched: 0, rebuilt: 0 };
  await fuzz('decls.go, scripted', [open], open, toggles.length * 2, SEED, totals, (text, step) => {
    const [a, b, patched, rebuilt] = toggles[Math.floor((step - 1) / 2)];
    if (patched) want.patched++;
    if (rebuilt) want.rebuilt++;
    const edit = toggle(text, a, b);
    assert.ok(edit.start >= 0, `step ${step}: ${JSON.stringify(a)} or ${JSON.stringify(b)} in the text`);
    return edit;
  });
  assert.equal(totals.fresh, 0, 'every scripted edit is analysed incrementally');
  assert.deepEqual({ patched: totals.patched, rebuilt: totals.rebuilt }, want, `patched in place, and parts of the model built again: ${JSON.stringify(totals)}`);
});
