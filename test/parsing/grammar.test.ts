import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser, findGrammarDir, loadGoLanguageUncached, parseGo } from '../../server/src/parsing/goParser';
import { toSyntax } from '../../server/src/parsing/toSyntax';

test('the pinned web-tree-sitter loads grammars/tree-sitter-go.wasm and parses Go', async () => {
  const parser = await createGoParser();
  const text = 'package p\n\nfunc f(m map[string]int) { m["😀"]++ }\n';
  const tree = parseGo(parser, text);
  const root = toSyntax(tree, text);
  assert.equal(root.type, 'source_file');
  assert.equal(root.hasError, false);
  const fn = root.children.find((c) => c.type === 'function_declaration');
  assert.ok(fn, 'function_declaration found');
  // UTF-16 columns: the emoji is two code units.
  assert.equal(tree.rootNode.descendantsOfType('inc_statement')[0]!.endPosition.column, 36); // 38 if it counted UTF-8 bytes
  tree.delete();
  parser.delete();
});

test('grammars/PROVENANCE.md records the checksum of the wasm the server loads', () => {
  const dir = findGrammarDir();
  const note = fs.readFileSync(path.join(dir, 'PROVENANCE.md'), 'utf8');
  for (const file of ['tree-sitter-go.wasm', 'tree-sitter.wasm']) {
    const sha = createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
    assert.match(note, new RegExp(`${file.replace('.', '\\.')} .*${sha}`));
  }
});

test('a missing grammar fails with a clear message', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-nogrammar-'));
  await assert.rejects(() => loadGoLanguageUncached(empty), /cannot read .*tree-sitter\.wasm.*npm run build/);
});
