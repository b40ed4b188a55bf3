// $/logTrace lines (one per analysis, with memory figures) are made only while the client asks for them:
// off by default, on after $/setTrace verbose, off again after $/setTrace off.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession } from './lspSession';

const SOURCE = 'package main\n\nfunc main() {\n\tm := map[string]int{}\n\tgo func() { m["a"] = 1 }()\n\t_ = m["b"]\n}\n';

test('analysis traces follow the level the client sets', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-trace-'));
  fs.writeFileSync(path.join(root, 'main.go'), SOURCE);
  const s = await LspSession.start(root, { pull: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), SOURCE);
    const edit = async (i: number) => {
      await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: `// ${i}\n` }]);
      assert.ok((await s.items(uri)).length > 0);
    };
    await s.items(uri);
    await edit(1);
    assert.deepEqual(s.traces, [], 'no trace unless asked for');

    await s.conn.sendNotification('$/setTrace', { value: 'verbose' });
    await edit(2);
    await s.waitFor('a trace line', () => s.traces.length > 0);
    assert.match(s.traces[s.traces.length - 1], /^maprace: analysed .* \[main\.go@\d+\] in [\d.]+ ms; rss [\d.]+ MB, heap [\d.]+ MB, wasm [\d.]+ MB, trees \d+$/);

    await s.conn.sendNotification('$/setTrace', { value: 'off' });
    const before = s.traces.length;
    await edit(3);
    await edit(4);
    assert.equal(s.traces.length, before, 'no trace once turned off');
  } finally {
    await s.stop();
  }
});
