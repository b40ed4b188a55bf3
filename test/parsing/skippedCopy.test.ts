// A document whose copy fails part-way (an edit made it too deeply nested) must not leave a half-moved
// previous copy for the next edit to take over: after the nesting is removed again, the copy equals a
// fresh one, positions included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { FileSkipped, MAX_NESTING } from '../../server/src/parsing/limits';
import { DocumentStore } from '../../server/src/workspace/documentStore';
import type { SyntaxNode } from '../../server/src/analysis/syntax';
import { depthBoundOf } from '../../server/src/parsing/toSyntax';

function flatten(root: SyntaxNode): string[] {
  const out: string[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(`${n.type}@${n.start}-${n.end} ${n.startPoint.row}:${n.startPoint.column}`);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

test('after an edit that is skipped as too deeply nested, later copies still equal a fresh parse', async () => {
  const parser = await createGoParser();
  const store = new DocumentStore(parser);
  try {
    const head = 'package p\n\nvar m = map[string]int{}\n\nfunc f() int {\n\treturn ';
    const tail = '1\n}\n\nfunc g() { m["a"] = 1 }\n';
    const uri = 'file:///tmp/skipped-copy/p.go';
    const doc = store.open(uri, 1, head + tail)!;
    store.sourceFile(doc);
    const line = 5;
    const column = '\treturn '.length;
    const deep = `${'('.repeat(MAX_NESTING + 10)}1${')'.repeat(MAX_NESTING + 10)}+`;
    // Line 0 edited first, so the failing copy has moved nodes to take over.
    store.change(uri, 2, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' },
      { range: { start: { line: line + 1, character: column }, end: { line: line + 1, character: column } }, text: deep },
    ]);
    assert.throws(() => store.sourceFile(doc), FileSkipped);
    store.change(uri, 3, [
      { range: { start: { line: line + 1, character: column }, end: { line: line + 1, character: column + deep.length } }, text: '' },
      { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: '\n' },
    ]);
    const copy = store.sourceFile(doc);
    const fresh = parseSourceFile(parser, '/tmp/skipped-copy/p.go', doc.tree.text);
    assert.equal(copy.text, fresh.text);
    assert.deepEqual(flatten(copy.root), flatten(fresh.root));
  } finally {
    store.close('file:///tmp/skipped-copy/p.go');
    parser.delete();
  }
});

test("a long editing session keeps the copy's depth bound at the depth of the tree", async () => {
  const parser = await createGoParser();
  const store = new DocumentStore(parser);
  const uri = 'file:///tmp/depth-bound/p.go';
  try {
    const text = 'package p\n\nvar m = map[string]int{}\n\nfunc f() { m["a"] = 1 }\n\nfunc g() { m["b"] = 2 }\n';
    const doc = store.open(uri, 1, text)!;
    const fresh = depthBoundOf(store.sourceFile(doc).root)!;
    assert.ok(fresh > 0 && fresh < 30, `a fresh copy's bound is its depth: ${fresh}`);
    // Typing in one body, then after the last declaration: taken-over subtrees must not raise the bound,
    // or after MAX_NESTING edits every copy would walk the whole tree to check its nesting.
    for (let version = 2; version < 2 * MAX_NESTING; version++) {
      const line = version % 4 < 2 ? 4 : 6;
      const at = { line, character: 11 };
      const inserting = version % 2 === 0;
      store.change(uri, version, [{ range: { start: at, end: inserting ? at : { line, character: 12 } }, text: inserting ? ' ' : '' }]);
      const root = store.sourceFile(doc).root;
      assert.ok(depthBoundOf(root)! <= fresh, `after ${version - 1} edits the bound is ${depthBoundOf(root)}, the tree's depth ${fresh}`);
    }
  } finally {
    store.close(uri);
    parser.delete();
  }
});
