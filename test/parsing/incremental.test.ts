// Random edit sequences through DocumentTree.applyChanges must leave exactly the tree a fresh parse gives.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createGoParser, parseGo, type Tree } from '../../server/src/parsing/goParser';
import { DocumentTree, lineStarts, type TextChange } from '../../server/src/parsing/documentTree';
import { toSyntax } from '../../server/src/parsing/toSyntax';
import { changedSince, syntaxGeneration, type SyntaxNode } from '../../server/src/analysis/syntax';
import { prng } from '../support/prng';

const INLINE = [
  'package main',
  '',
  'import "sync"',
  '',
  '// 地図 — a map 🗺️ shared by goroutines: ✓',
  'var cache = map[string]int{"日本": 1, "😀": 2}',
  '',
  'func main() {',
  '\tvar wg sync.WaitGroup',
  '\tfor i := 0; i < 3; i++ {',
  '\t\twg.Add(1)',
  '\t\tgo func() { defer wg.Done(); cache["é"]++ /* 🐛 */ }()',
  '\t}',
  '\twg.Wait()',
  '\t_ = cache["中文"]',
  '}',
  '',
];


const SNIPPETS = [
  '',
  'x',
  ' ',
  '\n',
  '\r\n',
  '\t',
  'é',
  '😀',
  '日本語',
  '🗺️ ✓ 中文',
  '// 注释 😀\n',
  'm["😀"] = 1\n',
  'func f(m map[string]int) {\r\n\tgo func() { m["k"]++ }()\r\n}\r\n',
  'if ok {\n\treturn\n}\n',
  '{',
  '}',
  '"',
  '/*',
  '*/',
  '`raw\nstring`',
  ')',
  'go ',
];

/** An offset that does not split a CRLF pair or a surrogate pair (LSP clients never send those). */
function boundary(text: string, offset: number): number {
  let o = Math.max(0, Math.min(offset, text.length));
  while (o > 0 && o < text.length) {
    const prev = text.charCodeAt(o - 1);
    const next = text.charCodeAt(o);
    const splitsCrlf = prev === 13 && next === 10;
    const splitsPair = prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (!splitsCrlf && !splitsPair) break;
    o--;
  }
  return o;
}

function randomChange(rand: () => number, doc: TextDocument): TextChange {
  const text = doc.getText();
  const start = boundary(text, Math.floor(rand() * (text.length + 1)));
  const kind = rand();
  // Mostly short spans, sometimes several lines.
  const span = kind < 0.3 ? 0 : kind < 0.8 ? Math.floor(rand() * 12) : Math.floor(rand() * 400);
  const end = boundary(text, start + span);
  let insert: string;
  if (rand() < 0.2) {
    const from = boundary(text, Math.floor(rand() * text.length));
    insert = text.slice(from, boundary(text, from + Math.floor(rand() * 200))); // paste of existing code
  } else {
    insert = SNIPPETS[Math.floor(rand() * SNIPPETS.length)];
  }
  return { range: { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) }, text: insert };
}

function flatten(root: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode, depth: number) => {
    out.push(
      `${depth} ${n.type}${n.named ? '' : '(anon)'} ${n.field ?? '-'} ${n.start}-${n.end} ` +
        `${n.startPoint.row}:${n.startPoint.column}-${n.endPoint.row}:${n.endPoint.column}${n.hasError ? ' ERR' : ''}`,
    );
    for (const c of n.children) visit(c, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Trees up to this depth print safely with Node#toString (about 280 levels overflow the wasm stack). */
const MAX_TO_STRING_DEPTH = 150;

function depth(root: SyntaxNode): number {
  let max = 0;
  const stack: [SyntaxNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const c of n.children) stack.push([c, d + 1]);
  }
  return max;
}

function firstDifference(a: string[], b: string[]): string {
  const i = a.findIndex((x, k) => x !== b[k]);
  const k = i < 0 ? Math.min(a.length, b.length) : i;
  if (process.env.MAPRACE_DEBUG) console.log(a.slice(k - 5, k + 3).join('\n') + '\n---\n' + b.slice(k - 5, k + 3).join('\n'));
  return `node #${k}: incremental ${JSON.stringify(a[k])} vs fresh ${JSON.stringify(b[k])}`;
}

function goRoot(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function repoTestdataGoFiles(): string[] {
  const dir = path.join(__dirname, '..', '..', '..', 'test', 'testdata');
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.name.endsWith('.go')) out.push(full);
    }
  };
  visit(dir);
  return out.sort().slice(0, 4);
}

const SEED = Number(process.env.MAPRACE_SEED ?? Date.now() % 1_000_000);

/** The one change that turns the document's text back into `to`: the differing middle, as an LSP range edit. */
function revertChange(doc: TextDocument, to: string): TextChange {
  const from = doc.getText();
  let pre = 0;
  while (pre < from.length && pre < to.length && from[pre] === to[pre]) pre++;
  let suf = 0;
  while (suf < from.length - pre && suf < to.length - pre && from[from.length - 1 - suf] === to[to.length - 1 - suf]) suf++;
  pre = boundary(from, pre);
  while (suf > 0 && boundary(from, from.length - suf) !== from.length - suf) suf--;
  return {
    range: { start: doc.positionAt(pre), end: doc.positionAt(from.length - suf) },
    text: to.slice(pre, to.length - suf),
  };
}

/** Positions tree-sitter would compute itself: rows end at LF only, columns in UTF-16 units. */
function checkPositions(root: SyntaxNode, text: string, where: string): void {
  const lf: number[] = [0];
  // Points are LSP positions: a lone CR ends a line too (tree-sitter itself counts only LF).
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lf.push(i + 1);
  }
  const point = (o: number) => {
    let lo = 0;
    let hi = lf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lf[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return `${lo}:${o - lf[lo]}`;
  };
  assert.equal(root.end, text.length, `root spans the text, ${where}`);
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    const got = `${n.startPoint.row}:${n.startPoint.column}-${n.endPoint.row}:${n.endPoint.column}`;
    assert.equal(got, `${point(n.start)}-${point(n.end)}`, `points of ${n.type} at ${n.start}-${n.end}, ${where}`);
    let prevEnd = n.start;
    for (const c of n.children) {
      assert.ok(c.start >= prevEnd && c.end <= n.end, `${c.type} at ${c.start}-${c.end} lies inside its parent in order, ${where}`);
      prevEnd = c.end;
      stack.push(c);
    }
  }
}

interface FuzzStats {
  exact: number;
  errorStates: number;
  errorDivergences: number;
  /** Top-level nodes toSyntax took over from its previous copy instead of copying them again. */
  reused: number;
  /** Nodes taken over inside a top-level node that was copied again (the edit was in it). */
  reusedInside: number;
}

/** Every child points back to its parent (nodes taken over from a previous copy are re-parented). */
function checkParents(root: SyntaxNode, where: string): void {
  assert.equal(root.parent, null, `the root has no parent, ${where}`);
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    for (const c of n.children) {
      assert.equal(c.parent, n, `${c.type} at ${c.start}-${c.end} points to its parent, ${where}`);
      stack.push(c);
    }
  }
}

async function fuzz(name: string, source: string, steps: number, seed: number): Promise<FuzzStats> {
  const parser = await createGoParser();
  const rand = prng(seed);
  const tree = new DocumentTree(parser, source);
  let doc = TextDocument.create('file:///fuzz.go', 'go', 0, source);
  let version = 0;
  const stats: FuzzStats = { exact: 0, errorStates: 0, errorDivergences: 0, reused: 0, reusedInside: 0 };
  // The copy the server keeps: each one made from the last, taking over what the edits left alone.
  let copy: SyntaxNode | undefined;
  const context = () => `${name}, seed ${seed} (rerun with MAPRACE_SEED=${SEED})`;
  // The reference text: each change applied by plain string slicing at a fresh document's offsets.
  const edit = (change: TextChange) => {
    const text = doc.getText();
    const start = doc.offsetAt(change.range!.start);
    const end = doc.offsetAt(change.range!.end);
    doc = TextDocument.create(doc.uri, 'go', ++version, text.slice(0, start) + change.text + text.slice(end));
  };
  const apply = (batch: TextChange[]) => {
    batch.forEach(edit);
    tree.applyChanges(batch);
  };
  let clean = true;
  const cleanNow = () => clean;
  const check = (where: string) => {
    const expected = doc.getText();
    assert.equal(tree.text, expected, `text ${where} of ${context()}`);
    const fresh: Tree = parseGo(parser, expected);
    try {
      const incRoot = toSyntax(tree.tree, tree.text, undefined, { anchored: true });
      const refRoot = toSyntax(fresh, expected);
      checkPositions(incRoot, expected, `${where} of ${context()}`);
      // The copy made from the previous copy is exactly a new copy of the same tree (errors or not).
      const changes = tree.takeChanges();
      const before = new Set(copy?.children ?? []);
      const generation = syntaxGeneration();
      const kept = (n: SyntaxNode) => !changedSince(n, generation);
      const everyBefore = new Set<SyntaxNode>();
      if (copy) for (const stack = [copy]; stack.length; ) for (const c of stack.pop()!.children) everyBefore.add(c), stack.push(c);
      copy = toSyntax(tree.tree, tree.text, copy && !changes.reset ? { root: copy, edits: changes.edits, changed: changes.changed, lineStarts: tree.lineStarts } : undefined, { anchored: true });
      // DocumentTree's line starts, kept up to date edit by edit, are what the copy's points come from.
      assert.deepEqual(tree.lineStarts, lineStarts(expected), `line starts ${where} of ${context()}`);
      checkPositions(copy, expected, `copy ${where} of ${context()}`);
      // Taken over whole: the same object, not renewed; inside an edited (new or renewed) one, the same.
      stats.reused += copy.children.filter((c) => before.has(c) && kept(c)).length;
      for (const top of copy.children.filter((c) => !before.has(c) || !kept(c))) {
        for (const stack = [top]; stack.length; ) for (const c of stack.pop()!.children) if (everyBefore.has(c) && kept(c)) stats.reusedInside++; else stack.push(c);
      }
      const fromCopy = flatten(copy);
      const own = flatten(incRoot);
      assert.ok(fromCopy.length === own.length && fromCopy.every((x, i) => x === own[i]), `syntax copied from the previous copy ${where} of ${context()}: ${firstDifference(fromCopy, own)}`);
      checkParents(copy, `${where} of ${context()}`);
      clean = !refRoot.hasError;
      // tree-sitter sometimes drops the file's last "\n" terminator after an edit near the end is undone;
      // the copies leave that token out anyway (see toSyntax).
      const inc = flatten(incRoot);
      const ref = flatten(refRoot);
      const same = inc.length === ref.length && inc.every((x, i) => x === ref[i]);
      if (refRoot.hasError) {
        // Error recovery may legitimately depend on which old nodes were reused; only the positions must hold.
        stats.errorStates++;
        if (!same) stats.errorDivergences++;
        return;
      }
      assert.ok(same, `syntax nodes ${where} of ${context()}: ${firstDifference(inc, ref)}`);
      // Node#toString recurses on the wasm stack and overflows it (corrupting wasm memory) on deep trees.
      if (depth(refRoot) <= MAX_TO_STRING_DEPTH) {
        assert.equal(tree.tree.rootNode.toString(), fresh.rootNode.toString(), `S-expression ${where} of ${context()}`);
      }
      stats.exact++;
    } finally {
      fresh.delete();
    }
  };
  try {
    let lastClean = source;
    for (let step = 1; step <= steps; step++) {
      // Sometimes several changes in one didChange, applied in order as LSP says.
      const batch: TextChange[] = [];
      const count = rand() < 0.25 ? 2 + Math.floor(rand() * 3) : 1;
      for (let i = 0; i < count; i++) {
        const change = randomChange(rand, doc);
        batch.push(change);
        edit(change);
      }
      tree.applyChanges(batch);
      check(`after step ${step} ${JSON.stringify(batch).slice(0, 300)}`);
      if (cleanNow()) lastClean = doc.getText();
      // Undo back to the last error-free text (as a user does), so states keep being checked exactly.
      else if (rand() < 0.6) {
        apply([revertChange(doc, lastClean)]);
        check(`after undoing to the text before step ${step}`);
      }
    }
  } finally {
    try {
      tree.delete();
      parser.delete();
    } catch (err) {
      // Keep the first failure visible: freeing wasm memory after a failure must not mask it.
      console.error(`cleanup after ${context()} failed: ${(err as Error).message}`);
    }
  }
  console.log(
    `${name}: ${stats.exact} error-free states identical to a fresh parse; ` +
      `${stats.errorStates} states with syntax errors, ${stats.errorDivergences} of them recovered differently; ` +
      `${stats.reused} top-level nodes taken over from the previous copy, ${stats.reusedInside} subtrees inside edited ones`,
  );
  assert.ok(stats.exact > 0, `${name}: no error-free state was compared exactly`);
  assert.ok(stats.reused > 0, `${name}: toSyntax never took over a top-level node from its previous copy`);
  return stats;
}

test(`incremental reparse equals a fresh parse: inline source with CJK, emoji (seed ${SEED})`, async () => {
  console.log(`incremental fuzz seed ${SEED} (set MAPRACE_SEED to reproduce)`);
  await fuzz('inline LF', INLINE.join('\n'), 150, SEED);
  await fuzz('inline CRLF', INLINE.join('\r\n'), 150, SEED + 1);
});

// Seeds that once found a divergence, replayed every run: 170912 took over a missing token (zero-width,
// from error recovery) whose place a later parse filled with a real one, its error flag with it.
test('incremental reparse equals a fresh parse: seeds that found divergences', async () => {
  await fuzz('inline LF, seed 170912', INLINE.join('\n'), 150, 170912);
});

test(`incremental reparse equals a fresh parse: Go standard library files (seed ${SEED})`, async (t) => {
  const root = goRoot();
  if (!root) return t.skip('go is not installed: no GOROOT/src corpus');
  const files = ['sync/map.go', 'net/http/server.go', 'go/ast/ast.go'].map((f) => path.join(root, 'src', f));
  const present = files.filter((f) => fs.existsSync(f));
  if (!present.length) return t.skip(`no Go sources under ${root}/src (install golang-src)`);
  let i = 0;
  for (const file of present) {
    const steps = file.endsWith('server.go') ? 12 : 40;
    const stats = await fuzz(path.relative(root, file), fs.readFileSync(file, 'utf8'), steps, SEED + 10 + i++);
    assert.ok(stats.reusedInside > 0, `${file}: no subtree inside an edited declaration was taken over`);
  }
});

test(`incremental reparse equals a fresh parse: the repo's test/testdata Go files (seed ${SEED})`, async (t) => {
  const files = repoTestdataGoFiles();
  if (!files.length) return t.skip('test/testdata has no Go files yet');
  let i = 0;
  for (const file of files) await fuzz(path.basename(file), fs.readFileSync(file, 'utf8'), 20, SEED + 100 + i++);
});
