// A burst of didChanges costs one reparse, when the tree is next asked for; replaced trees are freed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGoParser, deleteTree, liveTreeCount, parseGo } from '../../server/src/parsing/goParser';
import { DocumentTree } from '../../server/src/parsing/documentTree';

const SOURCE = 'package main\n\nfunc main() {\n\tm := map[string]int{}\n\t_ = m["a"]\n}\n';
const insertAt = (line: number, text: string) => [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }];

test('edits are parsed once, when the tree is read, incrementally or afresh after a whole-text change', async () => {
  const parser = await createGoParser();
  const parsed: boolean[] = []; // per parse: was it incremental (given an old tree)?
  const parse = parser.parse.bind(parser);
  parser.parse = ((text: string, old?: unknown, options?: unknown) => {
    parsed.push(!!old);
    return parse(text, old as never, options as never);
  }) as typeof parser.parse;
  const live = liveTreeCount();
  try {
    const doc = new DocumentTree(parser, SOURCE);
    assert.deepEqual(parsed, [false]);
    for (let i = 0; i < 20; i++) doc.applyChanges(insertAt(4, `\t_ = m["k${i}"]\n`));
    assert.deepEqual(parsed, [false], 'no parse until the tree is read');
    const fresh = parseGo(parser, doc.text);
    assert.equal(doc.tree.rootNode.toString(), fresh.rootNode.toString());
    assert.deepEqual(parsed, [false, false, true], 'the fresh parse, then one incremental parse for twenty edits');
    deleteTree(fresh);
    assert.equal(liveTreeCount(), live + 1, 'the document holds one tree: the edited ones were freed');

    // A whole-text change, then ranged edits on top of it: one parse from scratch.
    doc.applyChanges([{ text: SOURCE }]);
    doc.applyChanges(insertAt(2, '// a comment\n'));
    doc.applyChanges(insertAt(0, '// top\n'));
    assert.equal(doc.text, `// top\n${SOURCE.replace('\nfunc', '\n// a comment\nfunc')}`);
    assert.doesNotMatch(doc.tree.rootNode.toString(), /ERROR/);
    assert.equal(doc.tree.rootNode.text, doc.text);
    assert.deepEqual(parsed.slice(3), [false]);
    assert.equal(liveTreeCount(), live + 1);
    doc.delete();
    assert.equal(liveTreeCount(), live);
  } finally {
    parser.delete();
  }
});
