// Stale work is dropped: a burst of edits, each followed by a pull as an editor sends them, analyses the last
// version (not every one in between) and no answer is older than its request; $/cancelRequest is honoured.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource, DocumentDiagnosticRequest, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

// Line 5 writes in a goroutine, line 6 reads before `<-done`: a race, reported at both accesses.
const RACY = 'package main\n\nfunc main() {\n\tm := map[string]int{}\n\tdone := make(chan bool)\n\tgo func() { m["a"] = 1; done <- true }()\n\t_ = m["b"]\n\t<-done\n}\n';
const REQUEST_CANCELLED = -32800;

function workspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-cancel-'));
  fs.writeFileSync(path.join(root, 'main.go'), RACY);
  return root;
}

/** Versions of main.go that the trace says were analysed (`analysed <dir> [main.go@7] in ...`). */
function analysedVersions(traces: readonly string[]): number[] {
  return traces.flatMap((t) => {
    const m = /^maprace: analysed .* \[main\.go@(\d+)\]/.exec(t);
    return m ? [Number(m[1])] : [];
  });
}

const linesOf = (report: DocumentDiagnosticReport) => (report.kind === 'full' ? report.items.map((d) => d.range.start.line) : []);

test('a burst of edits each followed by a pull: answers for the newest text, intermediate versions not analysed', async () => {
  const root = workspace();
  const s = await LspSession.start(root, { pull: true, trace: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), RACY);
    assert.deepEqual(linesOf(await s.diagnostics(uri)), [5, 6]);
    const before = analysedVersions(s.traces).length;
    assert.ok(before >= 1, `the trace reports analyses: ${s.traces.join('\n')}`);

    // Each edit adds a comment line on top, so after version v the race is at lines v+4 and v+5.
    const N = 40;
    const pulls: { version: number; answer: Promise<DocumentDiagnosticReport> }[] = [];
    for (let i = 0; i < N; i++) {
      const version = await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `// edit ${i}\n` }]);
      pulls.push({ version, answer: s.diagnostics(uri) });
    }
    const last = N + 1;
    for (const { version, answer } of pulls) {
      const lines = linesOf(await answer);
      const answered = lines[0] - 4;
      assert.deepEqual(lines, [answered + 4, answered + 5], `a pull after version ${version}`);
      assert.ok(answered >= version && answered <= last, `the pull sent after version ${version} was answered for version ${answered}`);
    }
    assert.deepEqual(linesOf(await s.diagnostics(uri)), [last + 4, last + 5]);

    const analysed = analysedVersions(s.traces).slice(before);
    assert.ok(analysed.includes(last), `the final version was analysed: ${analysed}`);
    // Messages reach the server in a few pipe reads (more on a loaded machine: a CI run saw 6); each read's
    // pulls are answered after its edits. Analysing every version would be 40.
    assert.ok(analysed.length <= N / 4, `${analysed.length} analyses for ${N} edits and pulls: versions ${analysed}`);
  } finally {
    await s.stop();
  }
});

test('$/cancelRequest: a cancelled pull is answered RequestCancelled and not worked on; the next one is served', async () => {
  const root = workspace();
  const s = await LspSession.start(root, { pull: true, trace: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), RACY);
    assert.deepEqual(linesOf(await s.diagnostics(uri)), [5, 6]);
    const before = s.traces.length;
    // The cancel is a second message: on a loaded machine the server may have answered before it arrives.
    // Such a pull must then be answered for its own version; most must be cancelled.
    const answered: number[] = [];
    for (let i = 0; i < 5; i++) {
      await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `// edit ${i}\n` }]);
      const source = new CancellationTokenSource();
      const pending = s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      source.cancel();
      const outcome = await pending.then(
        (report) => ({ report }),
        (err: { code?: number }) => ({ err }),
      );
      if ('err' in outcome) assert.equal(outcome.err.code, REQUEST_CANCELLED);
      else {
        assert.deepEqual(linesOf(outcome.report), [6 + i, 7 + i], 'an answered pull is for the text it was sent after');
        answered.push(i + 2);
      }
    }
    assert.ok(answered.length <= 2, `most cancelled pulls are answered RequestCancelled (answered anyway: versions ${answered})`);
    // The cancelled pulls analysed nothing: only the answered versions were, and 6 once (by this pull, or by
    // the debounce after the last edit if the machine was slow enough for 150 ms to pass).
    assert.deepEqual(linesOf(await s.diagnostics(uri)), [10, 11]);
    assert.deepEqual(analysedVersions(s.traces.slice(before)), [...new Set([...answered, 6])]);
  } finally {
    await s.stop();
  }
});
