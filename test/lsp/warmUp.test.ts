// The warm-up at the first open (server/src/features/warmUp.ts) leaves no trace: the same diagnostics,
// pulled or published, and the same live trees as a server without it (MAPRACE_NO_WARMUP=1), nothing of
// its built-in file anywhere, and it runs once. Whether it makes typing faster is for `npm run bench`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createGoParser, liveTreeCount } from '../../server/src/parsing/goParser';
import { warmUp } from '../../server/src/features/warmUp';
import { LspSession, type ClientOptions } from './lspSession';
import { workspace } from '../support/workspace';

const MAIN = [
  'package p',
  '',
  'import "sync"',
  '',
  'type Store struct {',
  '\tmu   sync.Mutex',
  '\tdata map[string]int',
  '}',
  '',
  'func (s *Store) Put(k string) {',
  '\ts.mu.Lock()',
  '\ts.data[k]++',
  '\ts.mu.Unlock()',
  '}',
  '',
  'func (s *Store) Get(k string) int {',
  '\treturn s.data[k]',
  '}',
  '',
  'func Run() {',
  '\tm := map[string]int{}',
  '\tdone := make(chan bool)',
  '\tgo func() { m["a"] = 1; done <- true }()',
  '\t_ = m["b"]',
  '\t<-done',
  '}',
  '',
].join('\n');
const OTHER = 'package p\n\nvar shared = map[int]int{}\n\nfunc Fill() {\n\tgo func() { shared[1] = 1 }()\n\tshared[2] = 2\n}\n';

const WARMED = /^maprace: warmed up \(\d+ analyses of a built-in file\) in \d+ ms$/;

/** Opens both files, edits MAIN once (a race moved past the receive), and returns what the client saw. */
async function session(root: string, options: ClientOptions, env: NodeJS.ProcessEnv) {
  const s = await LspSession.start(root, { ...options, trace: true }, env);
  try {
    const main = await s.open(`${root}/main.go`, MAIN);
    const other = await s.open(`${root}/other.go`, OTHER);
    const seen: unknown[] = [];
    if (options.pull) {
      seen.push(await s.items(main), await s.items(other));
      await s.change(main, [{ range: { start: { line: 23, character: 1 }, end: { line: 23, character: 11 } }, text: '<-done' }]);
      await s.change(main, [{ range: { start: { line: 24, character: 1 }, end: { line: 24, character: 7 } }, text: '_ = m["b"]' }]);
      seen.push(await s.items(main), await s.items(other));
      const workspaceReport = await s.workspaceDiagnostics();
      seen.push(workspaceReport.items.map((r) => r.uri).sort());
    } else {
      const final = (uri: string) => s.lastPublished(uri)?.version === 1 && !!s.lastPublished(uri)?.diagnostics.length;
      await s.waitFor('published diagnostics of both open files', () => final(main) && final(other));
      seen.push(s.lastPublished(main), s.lastPublished(other));
    }
    await s.waitFor('an analysis trace', () => s.traces.some((t) => /trees \d+$/.test(t)));
    const trees = s.traces.filter((t) => /trees \d+$/.test(t)).map((t) => /trees (\d+)$/.exec(t)![1]);
    return { seen, trees, published: [...new Set(s.published.map((p) => p.uri))].sort(), files: [main, other].sort(), logs: [...s.logs] };
  } finally {
    await s.stop();
  }
}

for (const pull of [true, false]) {
  test(`the warm-up changes nothing the client sees (${pull ? 'pull' : 'push'} diagnostics)`, async () => {
    const root = workspace({ 'main.go': MAIN, 'other.go': OTHER }, 'maprace-warmup-');
    const warm = await session(root, { pull }, {});
    const cold = await session(root, { pull }, { MAPRACE_NO_WARMUP: '1' });

    assert.equal(warm.logs.filter((l) => WARMED.test(l)).length, 1, `the warm-up ran once, for two open documents: ${warm.logs.join('\n')}`);
    assert.deepEqual(cold.logs.filter((l) => /warm/.test(l)), [], 'MAPRACE_NO_WARMUP=1 turns it off');
    assert.deepEqual(warm.logs.filter((l) => /warm-up failed/.test(l)), []);

    assert.ok(JSON.stringify(cold.seen).includes('concurrent-map-access'), 'the files have findings to compare');
    assert.deepEqual(warm.seen, cold.seen, 'the same diagnostics with and without the warm-up');
    // When the first analysis runs (one document open or two) is a matter of timing; never more trees.
    assert.ok(warm.trees.every((n) => Number(n) <= 2), `the open documents' trees only: ${warm.trees}`);
    assert.equal(warm.trees[warm.trees.length - 1], '2', `the two open documents' trees at the end: ${warm.trees}`);
    assert.equal(cold.trees[cold.trees.length - 1], '2');
    assert.deepEqual(warm.published, pull ? [] : warm.files, 'nothing published for the built-in file');
    assert.deepEqual(warm.published, cold.published);
  });
}

test('the warm-up goes through the analysis and deletes its tree', async () => {
  const parser = await createGoParser();
  try {
    const before = liveTreeCount();
    const first = warmUp(parser);
    assert.equal(first.analyses, 49, 'the file opened and 48 edits, each analysed');
    assert.ok(first.findings > 0, 'the rules ran: the built-in file has races');
    assert.equal(liveTreeCount(), before, 'its tree is deleted');
    assert.deepEqual(warmUp(parser), first, 'the same again on the same parser');
    assert.equal(liveTreeCount(), before);
  } finally {
    parser.delete();
  }
});
