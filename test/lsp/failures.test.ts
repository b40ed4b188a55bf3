// One failing package or file does not stop the others: they keep their diagnostics, and the failure is
// logged once, not on every keystroke, until it succeeds again. Failures are injected with the test-only
// MAPRACE_TEST_FAIL_ON (server/src/workspace/testFailures.ts): the real analysis runs everywhere else.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspSession, uriOf } from './lspSession';
import { workspace } from '../support/workspace';
import { racy } from '../support/racyFile';

const FAIL_ENV = { MAPRACE_TEST_FAIL_ON: 'analysis:BREAKS_ANALYSIS,parse:BREAKS_PARSING' };

test('a package whose analysis throws: the others keep their diagnostics, the error is logged once per failing streak', async () => {
  const root = workspace({
    'a/a.go': racy('a', '// BREAKS_ANALYSIS\n'),
    'b/b.go': racy('b'),
    // c2.go cannot be parsed: c1.go, in the same package, is still analysed.
    'c/c1.go': racy('c'),
    'c/c2.go': 'package c\n\n// BREAKS_PARSING\n',
  });
  const s = await LspSession.start(root, { pull: true }, FAIL_ENV);
  const failuresOf = (pattern: RegExp) => s.logs.filter((l) => pattern.test(l));
  const analysisOfA = new RegExp(`analysis of package ${path.join(root, 'a')} failed: Error: MAPRACE_TEST_FAIL_ON`);
  const parsingOfC2 = new RegExp(`parsing ${path.join(root, 'c', 'c2.go')} failed: Error: MAPRACE_TEST_FAIL_ON`);
  try {
    const a = await s.open(path.join(root, 'a', 'a.go'), racy('a', '// BREAKS_ANALYSIS\n'));
    assert.deepEqual(await s.items(a), []);
    assert.equal((await s.items(uriOf(path.join(root, 'b', 'b.go')))).length, 2);
    assert.equal((await s.items(uriOf(path.join(root, 'c', 'c1.go')))).length, 2);

    // Typing in the failing file: every keystroke is analysed and fails, the log says so once.
    for (let i = 0; i < 20; i++) {
      await s.change(a, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'x' }]);
      assert.deepEqual(await s.items(a), []);
      assert.equal((await s.items(uriOf(path.join(root, 'c', 'c1.go')))).length, 2);
    }
    assert.equal((await s.items(uriOf(path.join(root, 'b', 'b.go')))).length, 2);
    await s.waitFor('the failures in the log', () => failuresOf(analysisOfA).length > 0 && failuresOf(parsingOfC2).length > 0);
    assert.equal(failuresOf(analysisOfA).length, 1, s.logs.join('\n'));
    assert.equal(failuresOf(parsingOfC2).length, 1, s.logs.join('\n'));

    // Fixed: a is analysed again. Broken again: logged again, once.
    await s.change(a, [{ text: racy('a') }]);
    assert.equal((await s.items(a)).length, 2);
    await s.change(a, [{ text: racy('a', '// BREAKS_ANALYSIS again\n') }]);
    assert.deepEqual(await s.items(a), []);
    await s.change(a, [{ text: racy('a', '// BREAKS_ANALYSIS and again\n') }]);
    assert.deepEqual(await s.items(a), []);
    assert.equal(failuresOf(analysisOfA).length, 2, s.logs.join('\n'));
    assert.equal(failuresOf(parsingOfC2).length, 1);
  } finally {
    assert.equal(await s.stop(), 0, 'still running and exits cleanly');
  }
});

test('push mode: a failing package does not stop publishing for the others, nor the debounced analysis timer', async () => {
  const root = workspace({ 'a/a.go': racy('a', '// BREAKS_ANALYSIS\n'), 'b/b.go': racy('b') });
  const s = await LspSession.start(root, { pull: false }, FAIL_ENV);
  try {
    const a = await s.open(path.join(root, 'a', 'a.go'), racy('a', '// BREAKS_ANALYSIS\n'));
    const b = await s.open(path.join(root, 'b', 'b.go'), racy('b'));
    await s.waitFor('b published', () => s.lastPublished(b)?.diagnostics.length === 2);
    for (let i = 0; i < 5; i++) {
      await s.change(a, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'y' }]);
      await new Promise((r) => setTimeout(r, 200)); // past the debounce: each edit is analysed, and fails
    }
    const version = await s.change(b, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// moved\n' }]);
    await s.waitFor('b republished for its new version', () => s.lastPublished(b)?.version === version);
    assert.deepEqual(s.lastPublished(b)!.diagnostics.map((d) => d.range.start.line), [6, 7]);
    assert.equal(s.logs.filter((l) => /analysis of package .*\/a failed/.test(l)).length, 1);
  } finally {
    assert.equal(await s.stop(), 0);
  }
});
