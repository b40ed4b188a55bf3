// The copy toSyntax makes is tree-sitter's tree without its punctuation tokens: every other node with
// its type, field and place, and hasError wherever tree-sitter's own subtree has an error, including a
// missing `}` or `)` that the copy leaves out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createGoParser, deleteTree, parseGo } from '../../server/src/parsing/goParser';
import { toSyntax } from '../../server/src/parsing/toSyntax';
import type { SyntaxNode } from '../../server/src/analysis/syntax';
import type { Tree } from 'web-tree-sitter';

const PUNCTUATION = new Set(['(', ')', '{', '}', '[', ']', ',', '.', ';', '"', '\n']);

function describe(type: string, named: boolean, field: string | null, start: number, end: number, hasError: boolean, depth: number): string {
  return `${depth} ${JSON.stringify(type)}${named ? '' : '(anon)'} ${field ?? '-'} ${start}-${end}${hasError ? ' ERR' : ''}`;
}

/** tree-sitter's own tree through its cursor API, punctuation left out. */
function expected(tree: Tree): string[] {
  const out: string[] = [];
  const cursor = tree.walk();
  let depth = 0;
  for (;;) {
    const n = cursor.currentNode;
    if (!(!cursor.nodeIsNamed && PUNCTUATION.has(cursor.nodeType))) {
      out.push(describe(cursor.nodeType, cursor.nodeIsNamed, cursor.currentFieldName, cursor.startIndex, cursor.endIndex, n.hasError || n.isMissing, depth));
      if (cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
    }
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
      depth--;
    }
  }
}

function actual(root: SyntaxNode): string[] {
  const out: string[] = [];
  const visit = (n: SyntaxNode, depth: number) => {
    out.push(describe(n.type, n.named, n.field, n.start, n.end, n.hasError, depth));
    for (const c of n.children) visit(c, depth + 1);
  };
  visit(root, 0);
  return out;
}

const BROKEN = [
  // A missing `}` (zero-width, inserted by the parser) and a missing `)`.
  'package p\n\nfunc f() {\n\tif x {\n\t\tg(1, 2\n}\n',
  'package p\n\nvar m = map[string]int{"a": 1, "b": 2\n\nfunc g() { m["a"]++ }\n',
  'package p\n\nfunc h() { s := []int{1, 2}; _ = s[0:1]; x.y.z() }\n',
  // CJK and emoji before the nodes: offsets are UTF-16.
  'package p\n\n// 日本語 😀\nvar s = "日本語😀"\n\nfunc k() { println(s[1:]) }\n',
];

test('the copy is tree-sitter\'s tree without punctuation tokens, errors and places kept', async () => {
  const parser = await createGoParser();
  const dir = path.join(__dirname, '..', '..', '..', 'test', 'testdata');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.go')).slice(0, 40) : [];
  const texts = [...BROKEN, ...files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))];
  assert.ok(files.length >= 10, `test/testdata has Go files to compare (found ${files.length})`);
  let missing = 0;
  try {
    for (const text of texts) {
      const tree = parseGo(parser, text);
      try {
        const want = expected(tree);
        const got = actual(toSyntax(tree, text));
        assert.deepEqual(got, want, text.slice(0, 80));
        if (tree.rootNode.hasError) missing++;
      } finally {
        deleteTree(tree);
      }
    }
  } finally {
    parser.delete();
  }
  assert.equal(missing, 2, 'the two broken texts, and only they, parse with errors');
});

test('a missing closing brace the copy leaves out still marks its block as broken', async () => {
  const parser = await createGoParser();
  const text = 'package p\n\nfunc f() {\n\tfor {\n\t\tg()\n}\n';
  const tree = parseGo(parser, text);
  try {
    const root = toSyntax(tree, text);
    const fn = root.children.find((c) => c.type === 'function_declaration')!;
    assert.ok(root.hasError && fn.hasError, 'the file and the function are broken');
    const types = new Set<string>();
    const stack = [root];
    while (stack.length) {
      const n = stack.pop()!;
      types.add(n.type);
      stack.push(...n.children);
    }
    assert.ok(!types.has('{') && !types.has('}') && !types.has('('), 'no punctuation in the copy');
  } finally {
    deleteTree(tree);
    parser.delete();
  }
});
