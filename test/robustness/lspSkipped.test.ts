// The built language server on documents over its limits: the document gets one information diagnostic on
// its first line saying why it was skipped, the skip is logged once, and everything else keeps being served.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { LspSession, uriOf } from '../lsp/lspSession';
import { hugeFile, NESTINGS, racyFile, slowPackage } from './mutations';
import { workspace } from '../support/workspace';

/** The skip notice as the client sees it: information, source maprace, no rule code, on line 0. */
function notice(items: Diagnostic[], text: string): string | undefined {
  const found = items.filter((d) => d.message.startsWith('maprace skipped this file'));
  if (!found.length) return undefined;
  assert.equal(found.length, 1, JSON.stringify(items));
  const [d] = found;
  assert.equal(d.severity, DiagnosticSeverity.Information);
  assert.equal(d.source, 'maprace');
  assert.equal(d.code, undefined);
  assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: text.split(/\r?\n|\r/)[0].length } });
  return d.message;
}

const lines = (items: Diagnostic[]) => items.filter((d) => d.code).map((d) => d.range.start.line);

test('pull: a 20 MB and a 5,000-level document each say why they were skipped; the package and the server go on', async () => {
  const root = workspace({ 'p/racy.go': racyFile(), 'p/data.go': hugeFile(20 * 1024 * 1024) });
  const s = await LspSession.start(root, { pull: true });
  try {
    const racy = uriOf(path.join(root, 'p', 'racy.go'));
    const bigText = hugeFile(20 * 1024 * 1024);
    const big = await s.open(path.join(root, 'p', 'big.go'), bigText);
    const deepText = NESTINGS.parentheses(5000).replace('package p', 'package p // deep');
    const deep = await s.open(path.join(root, 'p', 'deep.go'), deepText);

    assert.equal(notice(await s.items(big), bigText), 'maprace skipped this file: too large (20.0 MB; limit 2 MB)');
    assert.equal(notice(await s.items(deep), deepText), 'maprace skipped this file: too deeply nested (over 500 levels)');
    assert.deepEqual(lines(await s.items(racy)), [5, 6], 'the rest of the package is analysed');
    assert.equal(notice(await s.items(racy), racyFile()), undefined);

    // Requests on the skipped documents are answered, not failed.
    assert.equal(await s.hover(big, { line: 3, character: 5 }), null);
    const items = await s.items(deep);
    assert.deepEqual(await s.codeActions({ textDocument: { uri: deep }, range: items[0].range, context: { diagnostics: items } }), []);

    // Logged once each, the closed file on disk too.
    await s.waitFor('the skips in the log', () => s.logs.filter((l) => /skipped .*: too/.test(l)).length >= 3);
    for (const file of ['big.go', 'deep.go', 'data.go']) {
      assert.equal(s.logs.filter((l) => l.includes(`skipped ${path.join(root, 'p', file)}: too`)).length, 1, s.logs.join('\n'));
    }

    // Edited back under the limits: analysed again, the notice is gone.
    await s.change(deep, [{ text: racyFile('p', 'g') }]);
    assert.deepEqual(lines(await s.items(deep)), [5, 6]);
    assert.equal(notice(await s.items(deep), racyFile('p', 'g')), undefined);
    await s.change(big, [{ range: { start: { line: 3, character: 0 }, end: { line: 1_000_000, character: 0 } }, text: '' }]);
    assert.deepEqual(await s.items(big), []);
    assert.equal(s.logs.filter((l) => /failed/.test(l)).length, 0, s.logs.join('\n'));
  } finally {
    assert.equal(await s.stop(), 0, 'still running and exits cleanly');
  }
});

test('push: a parse over the timeout and a package over the analysis budget are published as skipped', async () => {
  const root = workspace({ 'q/racy.go': racyFile('q') });
  const s = await LspSession.start(root, { pull: false }, { MAPRACE_PARSE_TIMEOUT_MS: '50', MAPRACE_ANALYSIS_BUDGET_MS: '300' });
  const published = (uri: string) => s.lastPublished(uri)?.diagnostics;
  try {
    const dataText = hugeFile(1_500_000, 'q');
    const data = await s.open(path.join(root, 'q', 'data.go'), dataText);
    await s.waitFor('the parse timeout published', () => !!published(data)?.length);
    assert.equal(notice(published(data)!, dataText), 'maprace skipped this file: too slow to parse (over 50 ms)');

    const slowText = slowPackage(8, 110);
    const slow = await s.open(path.join(root, 'slow', 'slow.go'), slowText);
    await s.waitFor('the budget published', () => !!published(slow)?.length);
    assert.equal(notice(published(slow)!, slowText), 'maprace skipped this file: too slow (analysis of its package over 300 ms)');

    // The racy file next to the data file is still analysed; trimming the data file brings it back.
    const racy = await s.open(path.join(root, 'q', 'racy.go'), racyFile('q'));
    await s.waitFor('the race published', () => lines(published(racy) ?? []).length === 2);
    await s.change(data, [{ range: { start: { line: 5, character: 0 }, end: { line: 1_000_000, character: 0 } }, text: '}\n' }]);
    await s.waitFor('the notice cleared', () => published(data)?.length === 0);
  } finally {
    assert.equal(await s.stop(), 0);
  }
});
