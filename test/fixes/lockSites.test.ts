// The critical sections "Guard with a mutex" writes: adjacent accesses share one, and a `return`,
// `break` or `continue` that leaves it unlocks first; a `return` that reads the map cannot.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Fix } from '../../server/src/analysis';
import { applyEdits } from '../../server/src/analysis/textEdits';

/** `first` runs in a goroutine against `second` in the spawner, both over the global `m`. */
function racy(first: string[], second: string[]): string {
  const body = (lines: string[]) => lines.map((l) => `\t${l}`).join('\n');
  return [
    'package p',
    '',
    'var m = map[string]int{}',
    '',
    'func first(keys []string) int {',
    body(first),
    '}',
    '',
    'func second(keys []string) int {',
    body(second),
    '}',
    '',
    'func Run(keys []string) {',
    '\tdone := make(chan bool)',
    '\tgo func() {',
    '\t\tfirst(keys)',
    '\t\tdone <- true',
    '\t}()',
    '\tsecond(keys)',
    '\t<-done',
    '}',
    '',
  ].join('\n');
}

async function guardOf(text: string): Promise<Fix> {
  const parser = await createGoParser();
  try {
    const fixes = analyzePackage([parseSourceFile(parser, '/x/p.go', text)]).flatMap((f) => f.fixes);
    assert.ok(fixes.length > 0, text);
    return fixes[0];
  } finally {
    parser.delete();
  }
}

const WRITER = ['m["w"]++', 'return 0'];

test('check then act: one critical section, unlocked before the early return and the continue', async () => {
  const text = racy(
    ['n := 0', 'for _, k := range keys {', '\tif m[k] > 0 {', '\t\tcontinue', '\t}', '\tm[k] = 1', '\tn++', '}', 'if m["x"] > 0 {', '\treturn n', '}', 'm["x"] = n', 'return n'],
    WRITER,
  );
  const fix = await guardOf(text);
  assert.equal(fix.disabled, undefined, fix.disabled);
  const fixed = applyEdits(text, fix.edits);
  assert.match(fixed, /\tfor _, k := range keys \{\n\t\tmMu\.Lock\(\)\n\t\tif m\[k\] > 0 \{\n\t\t\tmMu\.Unlock\(\)\n\t\t\tcontinue\n\t\t\}\n\t\tm\[k\] = 1\n\t\tmMu\.Unlock\(\)\n\t\tn\+\+\n/);
  assert.match(fixed, /\tmMu\.Lock\(\)\n\tif m\["x"\] > 0 \{\n\t\tmMu\.Unlock\(\)\n\t\treturn n\n\t\}\n\tm\["x"\] = n\n\tmMu\.Unlock\(\)\n\treturn n\n/);
});

test('a break that stays inside the locked loop needs no unlock of its own', async () => {
  const text = racy(['for k := range m {', '\tif k == "stop" {', '\t\tbreak', '\t}', '\tm[k] = 0', '}', 'return 0'], WRITER);
  const fixed = applyEdits(text, (await guardOf(text)).edits);
  assert.match(fixed, /\tmMu\.Lock\(\)\n\tfor k := range m \{\n\t\tif k == "stop" \{\n\t\t\tbreak\n\t\t\}\n\t\tm\[k\] = 0\n\t\}\n\tmMu\.Unlock\(\)\n/);
});

test('an early return that reads the map: disabled, the read would run after the unlock', async () => {
  const text = racy(['if m["x"] > 0 {', '\treturn m["x"]', '}', 'm["x"] = 1', 'return 0'], WRITER);
  const fix = await guardOf(text);
  assert.equal(fix.preferred, false);
  assert.deepEqual(fix.edits, []);
  assert.match(fix.disabled ?? '', /^`return m\["x"\]` \(p\.go:7\) reads the map in its result, after mMu would be unlocked$/);
});

test('a one-line block inside another (found by the fuzzer): disabled with the reason, not overlapping edits', async () => {
  const text = 'package p\n\nvar m = map[string]int{}\n\nfunc F() { go func() { m["a"] = 1 }(); m["b"] = 2 }\n';
  const fix = await guardOf(text);
  assert.match(fix.title, /^Guard `m` with a/);
  assert.deepEqual(fix.edits, []);
  assert.equal(fix.disabled, 'the block at p.go:5 is on one line inside another; split them into lines first');
});
