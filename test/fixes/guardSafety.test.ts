// Which "Guard with a mutex" fixes are marked safe (applied unreviewed by source.fixAll.maprace on save).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { analyzePackage, type Fix } from '../../server/src/analysis';

/** A racy `main` whose goroutine runs `goroutine` (statements) against `_ = m["y"]`. */
function racy(goroutine: string, extra = ''): string {
  return [
    'package main',
    '',
    'import "fmt"',
    '',
    'func compute() int { return 1 }',
    '',
    'func main() {',
    '\tm := map[string]int{}',
    '\tdone := make(chan bool)',
    '\tgo func() {',
    `\t\t${goroutine}`,
    '\t\tdone <- true',
    '\t}()',
    '\t_ = m["y"]',
    '\t<-done',
    '\tfmt.Println(len(m))',
    '}',
    extra,
  ].join('\n');
}

async function guardOf(text: string): Promise<Fix> {
  const parser = await createGoParser();
  try {
    const findings = analyzePackage([parseSourceFile(parser, '/x/main.go', text)]);
    const fixes = findings.flatMap((f) => f.fixes).filter((f) => f.title.startsWith('Guard'));
    assert.ok(fixes.length > 0, `a guard fix for:\n${text}\nfindings: ${JSON.stringify(findings.map((f) => f.message))}`);
    assert.ok(fixes.every((f) => f.safe === fixes[0].safe), 'every finding of the race carries the same verdict');
    return fixes[0];
  } finally {
    parser.delete();
  }
}

test('safe: only lock lines around statements that call builtins, conversions or other packages', async () => {
  assert.equal((await guardOf(racy('m["x"] = len("ab")'))).safe, true);
  assert.equal((await guardOf(racy('m["x"] = int(fmt.Sprint(1)[0])'))).safe, true, 'fmt is another package: it cannot take the new mutex');
  assert.equal((await guardOf(racy('m["x"] = compute()'))).safe, false, 'compute() is this package\'s code: it could lock the mutex again');
  assert.equal((await guardOf(racy('m["x"] = func() int { return compute() }()'))).safe, false, 'a call inside a closure counts too');
});

test('not safe: a new package-level mutex for a local map (every call would share it)', async () => {
  const text = [
    'package main',
    '',
    'func fill(m map[string]int, done chan bool) {',
    '\tm["x"] = 1',
    '\tdone <- true',
    '}',
    '',
    'func main() {',
    '\tm := map[string]int{}',
    '\tdone := make(chan bool)',
    '\tgo fill(m, done)',
    '\t_ = m["y"]',
    '\t<-done',
    '}',
    '',
  ].join('\n');
  const fix = await guardOf(text);
  assert.match(fix.title, /package-level sync\.Mutex/);
  assert.equal(fix.safe, false);
});
