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
