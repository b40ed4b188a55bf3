// Workspace folders that come and go: a removed folder's findings are withdrawn, also those of packages
// indexing had not reached yet or was in the middle of (it used to go on with the folder's whole list),
// but not those of packages another folder still holds or of documents still open; an added folder is indexed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession, uriOf } from './lspSession';
import { workspace } from '../support/workspace';
import { racy } from '../support/racyFile';

test('a folder removed while indexing is inside it loses its findings, and indexing stops there; an added folder is indexed', async () => {
  const latch = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-latch-')), 'go');
  const gone = workspace({ 'a/a.go': racy('a'), 'b/b.go': racy('b', '// HOLD_INDEXING_HERE\n'), 'c/c.go': racy('c', '// HOLD_INDEXING_HERE\n') });
  const added = workspace({ 'd/d.go': racy('d') });
  const s = await LspSession.start(gone, { pull: false, progress: true }, { MAPRACE_TEST_STALL_ON: `HOLD_INDEXING_HERE:${latch}` });
  const release = () => fs.writeFileSync(latch, '');
  const file = (root: string, pkg: string) => uriOf(path.join(root, pkg, `${pkg}.go`));
  const shown = (uri: string) => s.lastPublished(uri)?.diagnostics.length ?? 0;
  try {
    await s.waitFor('indexing to hold inside b/', () => fs.existsSync(`${latch}.started`));
    // c/ holds too: an analysis of it would leave this file again.
    fs.rmSync(`${latch}.started`);
    await s.waitFor('a/, indexed before b/, to show its findings', () => shown(file(gone, 'a')) === 2);
    await s.foldersChanged([], [gone]);
    await s.waitFor('a/ to lose its findings', () => shown(file(gone, 'a')) === 0);
    release();
    await s.waitFor('indexing to end', () => s.logs.some((l) => /indexed \d+ packages/.test(l)));
    await s.foldersChanged([added], []);
    await s.waitFor('the added folder to be indexed', () => shown(file(added, 'd')) === 2);
    const everShown = (uri: string) => s.published.some((p) => p.uri === uri && p.diagnostics.length > 0);
    assert.ok(!everShown(file(gone, 'b')), 'b/, whose analysis ended after its folder left, never showed findings');
    assert.ok(!everShown(file(gone, 'c')), 'c/, not reached before its folder left, never showed findings');
    assert.ok(!fs.existsSync(`${latch}.started`), 'c/ was not analysed at all');
  } finally {
    release();
    assert.equal(await s.stop(), 0);
    for (const dir of [path.dirname(latch), gone, added]) fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('removing a folder nested in another leaves the packages the outer folder still holds', async () => {
  const outer = workspace({ 'a/a.go': racy('a'), 'sub/s/s.go': racy('s') });
  const sub = path.join(outer, 'sub');
  const s = await LspSession.start(outer, { pull: false });
  const shown = (uri: string) => s.lastPublished(uri)?.diagnostics.length ?? 0;
  const inSub = uriOf(path.join(sub, 's', 's.go'));
  try {
    await s.waitFor('indexing to end', () => s.logs.some((l) => /indexed \d+ packages/.test(l)));
    assert.equal(shown(inSub), 2);
    await s.foldersChanged([sub], []);
    await s.foldersChanged([], [sub]);
    // Answered after the notifications before it: the removal has been handled.
    await s.hover(inSub, { line: 0, character: 0 });
    assert.equal(shown(inSub), 2, 'the outer folder still holds sub/s');
    await s.foldersChanged([], [outer]);
    await s.waitFor('the outer folder to lose its findings', () => shown(inSub) === 0);
  } finally {
    assert.equal(await s.stop(), 0);
    fs.rmSync(outer, { recursive: true, force: true });
  }
});

test('a document left open in a removed folder keeps its findings, as a file opened from outside the workspace does', async () => {
  const gone = workspace({ 'a/a.go': racy('a'), 'b/b.go': racy('b') });
  const s = await LspSession.start(gone, { pull: false });
  const shown = (uri: string) => s.lastPublished(uri)?.diagnostics.length ?? 0;
  const a = uriOf(path.join(gone, 'a', 'a.go'));
  const b = uriOf(path.join(gone, 'b', 'b.go'));
  try {
    await s.open(path.join(gone, 'a', 'a.go'), racy('a'));
    await s.waitFor('indexing to end', () => s.logs.some((l) => /indexed \d+ packages/.test(l)));
    await s.waitFor('both packages to show their findings', () => shown(a) === 2 && shown(b) === 2);
    await s.foldersChanged([], [gone]);
    await s.waitFor('b/, not open, to lose its findings', () => shown(b) === 0);
    assert.equal(shown(a), 2, 'the open a.go still shows its findings');
  } finally {
    assert.equal(await s.stop(), 0);
    fs.rmSync(gone, { recursive: true, force: true });
  }
});
