// Indexing analyses packages on a worker thread (workspace/indexWorker.ts): held inside one package's
// analysis (MAPRACE_TEST_STALL_ON, server/src/workspace/testFailures.ts), it stops no answer to the open
// document's edits. When it ran on the server's thread, a pull during a big package's analysis waited for
// all of it (up to seconds while GOROOT/src was indexed).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession, uriOf } from './lspSession';
import { workspace } from '../support/workspace';
import { racy } from '../support/racyFile';

/** `work`'s result, or a failure after `ms` (then `onTimeout` runs first, to free what holds it up). */
async function within<T>(ms: number, what: string, work: Promise<T>, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`${what}: no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

test('while indexing is held inside one package, edits of an open document are answered; the held package follows', async () => {
  const latch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-latch-')), 'go');
  const root = workspace({ 'open/a.go': racy('a'), 'slow/s.go': racy('s', '// HOLD_INDEXING_HERE\n') });
  const s = await LspSession.start(root, { pull: true, progress: true }, { MAPRACE_TEST_STALL_ON: `HOLD_INDEXING_HERE:${latch}` });
  const release = () => fs.writeFileSync(latch, '');
  try {
    const a = await s.open(path.join(root, 'open', 'a.go'), racy('a'));
    assert.equal((await s.items(a)).length, 2);
    await s.waitFor('indexing to reach slow/', () => fs.existsSync(`${latch}.started`));
    for (let i = 0; i < 3; i++) {
      await s.change(a, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// moved\n' }]);
      const items = await within(20_000, 'a pull while indexing is held', s.items(a), release);
      assert.deepEqual(items.map((d) => d.range.start.line), [6 + i, 7 + i]);
    }
    assert.ok(!s.progress.some((p) => p.kind === 'end'), 'indexing was still held when the pulls were answered');
    release();
    await s.waitFor('indexing to end', () => s.progress.some((p) => p.kind === 'end'));
    assert.equal((await s.items(uriOf(path.join(root, 'slow', 's.go')))).length, 2);
  } finally {
    release();
    assert.equal(await s.stop(), 0);
    fs.rmSync(path.dirname(latch), { recursive: true, force: true });
  }
});
