// The built language server over stdio, driven by a real JSON-RPC client: sync, diagnostics, fixes, hover, watching.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from 'vscode-jsonrpc/node';
import { DiagnosticSeverity, InitializeRequest } from 'vscode-languageserver-protocol';
import type {
  CodeAction,
  Diagnostic,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextEdit,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/analysis/rules/catalog';
import { LspSession, ROOT, SERVER, uriOf } from './lspSession';
import { workspace } from '../support/workspace';

const RULE = 'concurrent-map-access';

// Line 5 writes in a goroutine, line 6 reads before `<-done`: a race, reported at both accesses.
const RACY = [
  'package main',
  '',
  'func main() {',
  '\tm := map[string]int{}',
  '\tdone := make(chan bool)',
  '\tgo func() { m["a"] = 1; done <- true }()',
  '\t_ = m["b"]',
  '\t<-done',
  '}',
  '',
].join('\n');

/** RACY's read moved after `<-done` (line 6 to 7), in two incremental changes: no race. */
const READ_AFTER_DONE = [
  { range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: '' },
  { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, text: '\t_ = m["b"]\n' },
];
/** And back before it: the race again. */
const READ_BEFORE_DONE = [
  { range: { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } }, text: '' },
  { range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '\t_ = m["b"]\n' },
];

function textAt(text: string, range: Diagnostic['range']): string {
  const doc = TextDocument.create('file:///x.go', 'go', 0, text);
  return doc.getText(range);
}

function byLine(items: Diagnostic[], line: number): Diagnostic {
  const d = items.find((x) => x.range.start.line === line);
  assert.ok(d, `a diagnostic on line ${line} among ${JSON.stringify(items.map((x) => x.range))}`);
  return d;
}

/** A WorkspaceEdit's edits of one document as didChange content changes: last first, so positions hold. */
function asContentChanges(edits: TextEdit[]): TextDocumentContentChangeEvent[] {
  const order = edits.map((e, i) => ({ e, i }));
  order.sort(
    (a, b) =>
      b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i,
  );
  return order.map(({ e }) => ({ range: e.range, text: e.newText }));
}

function documentEdits(action: CodeAction, uri: string): TextDocumentEdit {
  const edit = action.edit?.documentChanges?.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  assert.ok(edit, `the action edits ${uri}: ${JSON.stringify(action.edit)}`);
  return edit;
}

test('pull diagnostics: progress, rule metadata, related info, incremental edits, UTF-16 ranges', async () => {
  const root = workspace({
    'main.go': RACY,
    'testdata/racy.go': RACY,
    'vendor/example.com/v/racy.go': RACY.replace('package main', 'package v'),
    '.hidden/racy.go': RACY,
  });
  const s = await LspSession.start(root, { pull: true, progress: true, watch: true, refresh: true, documentChanges: true });
  try {
    const caps = s.initializeResult.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 }, 'incremental sync');
    assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.maprace']);

    // Background indexing with work-done progress on a token the server created.
    await s.waitFor('indexing progress to end', () => s.progress.some((p) => p.kind === 'end'));
    assert.equal(s.createdTokens.length >= 1, true, 'window/workDoneProgress/create was sent');
    const token = s.createdTokens[0];
    const kinds = s.progress.filter((p) => p.token === token).map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    await s.waitFor('the **/*.go watcher registration', () => s.registrations.length > 0);
    const watch = s.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/*.go' }] });

    // The index covers main.go and skips testdata/, vendor/ and dot dirs.
    const ws = await s.workspaceDiagnostics();
    const reported = ws.items.filter((i) => i.kind === 'full' && i.items.length).map((i) => path.relative(root, new URL(i.uri).pathname));
    assert.deepEqual(reported, ['main.go']);

    const uri = await s.open(path.join(root, 'main.go'), RACY);
    const report = await s.diagnostics(uri);
    assert.equal(report.kind, 'full');
    const items = report.kind === 'full' ? report.items : [];
    assert.equal(items.length, 2, JSON.stringify(items));
    const read = byLine(items, 6);
    const write = byLine(items, 5);
    for (const d of [read, write]) {
      assert.equal(d.source, 'maprace');
      assert.equal(d.code, RULE);
      assert.equal(d.codeDescription?.href, ruleDocsUrl(RULE));
      assert.equal(d.severity, 1);
      assert.match(d.message, /concurrent map read and map write/);
    }
    assert.equal(textAt(RACY, read.range), 'm["b"]');
    assert.equal(textAt(RACY, write.range), 'm["a"]');
    const other = read.relatedInformation?.find((r) => textAt(RACY, r.location.range) === 'm["a"]');
    assert.ok(other, `related information points at the write: ${JSON.stringify(read.relatedInformation)}`);
    assert.equal(other.location.uri, uri);

    // Same diagnostics again: the client's result id comes back unchanged.
    const again = await s.diagnostics(uri, report.resultId);
    assert.equal(again.kind, 'unchanged');

    // Move the read after `<-done`, in two incremental changes: the race is gone.
    await s.change(uri, READ_AFTER_DONE);
    assert.deepEqual(await s.items(uri), []);
    // And back: the race returns.
    await s.change(uri, READ_BEFORE_DONE);
    assert.equal((await s.items(uri)).length, 2);

    // CJK and emoji before the read on its line: the range still covers exactly `m["b"]` in UTF-16 units.
    const comment = '/* 地図 😀🗺️ */ ';
    await s.change(uri, [{ range: { start: { line: 6, character: 1 }, end: { line: 6, character: 1 } }, text: comment }]);
    const shifted = byLine(await s.items(uri), 6);
    const line6 = `\t${comment}_ = m["b"]`;
    assert.equal(shifted.range.start.character, line6.indexOf('m["b"]'));
    assert.equal(line6.slice(shifted.range.start.character, shifted.range.end.character), 'm["b"]');
  } finally {
    await s.stop();
  }
});

test('code actions: the Guard quick fix and source.fixAll.maprace remove the race', async () => {
  const root = workspace({ 'main.go': RACY });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), RACY);
    const read = byLine(await s.items(uri), 6);
    const actions = (await s.codeActions({
      textDocument: { uri },
      range: read.range,
      context: { diagnostics: [read], only: ['quickfix'] },
    })) as CodeAction[];
    const guard = actions.find((a) => a.title.startsWith('Guard'));
    assert.ok(guard, `a Guard quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(guard.kind, 'quickfix');
    assert.equal(guard.isPreferred, true);
    assert.deepEqual(guard.diagnostics, [read]);
    assert.ok(!actions.some((a) => a.kind === 'source.fixAll.maprace'), 'only quickfix was asked for');
    const edit = documentEdits(guard, uri);
    assert.equal(edit.textDocument.version, s.version(uri), 'versioned for the open document');

    // Apply it the way an editor does, as an incremental didChange.
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'go', 0, RACY), edit.edits);
    await s.change(uri, asContentChanges(edit.edits));
    assert.deepEqual(await s.items(uri), [], `no race left in:\n${fixed}`);
    assert.match(fixed, /sync\.Mutex/);

    // Back to the racy text (a full-text change is allowed with incremental sync), then fix all.
    await s.change(uri, [{ text: RACY }]);
    assert.equal((await s.items(uri)).length, 2);
    const all = (await s.codeActions({
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(all.map((a) => a.kind), ['source.fixAll.maprace']);
    const allEdits = documentEdits(all[0], uri).edits;
    await s.change(uri, asContentChanges(allEdits));
    assert.deepEqual(await s.items(uri), [], 'fix all removed both findings without applying a shared edit twice');

    // A stale diagnostic (its document changed since) gets no fix.
    assert.deepEqual(
      await s.codeActions({ textDocument: { uri }, range: read.range, context: { diagnostics: [read], only: ['quickfix'] } }),
      [],
    );
  } finally {
    await s.stop();
  }
});

test('cross-file: a fix edits two files, and an on-disk change to another file refreshes pull diagnostics', async () => {
  const main = ['package main', '', 'func main() {', '\tgo write()', '\t_ = shared["x"]', '}', ''].join('\n');
  const other = ['package main', '', 'var shared = map[string]int{}', '', 'func write() {', '\tshared["y"] = 1', '}', ''].join('\n');
  const root = workspace({ 'main.go': main, 'other.go': other });
  const s = await LspSession.start(root, { pull: true, watch: true, refresh: true, documentChanges: true });
  try {
    await s.waitFor('indexing', () => s.registrations.length > 0);
    const uri = await s.open(path.join(root, 'main.go'), main);
    const read = byLine(await s.items(uri), 4);
    const related = read.relatedInformation?.find((r) => r.location.uri === uriOf(path.join(root, 'other.go')));
    assert.ok(related, `related information names other.go: ${JSON.stringify(read.relatedInformation)}`);
    assert.equal(textAt(other, related.location.range), 'shared["y"]');

    const [guard] = (await s.codeActions({ textDocument: { uri }, range: read.range, context: { diagnostics: [read] } })) as CodeAction[];
    assert.ok(guard?.title.startsWith('Guard'), JSON.stringify(guard));
    const otherEdit = documentEdits(guard, uriOf(path.join(root, 'other.go')));
    assert.equal(otherEdit.textDocument.version, null, 'a closed file is edited unversioned');
    assert.equal(documentEdits(guard, uri).textDocument.version, s.version(uri));

    // The workspace report has other.go's side of the race, though other.go is not open.
    const otherUri = uriOf(path.join(root, 'other.go'));
    const initial = (await s.workspaceDiagnostics()).items.find((i) => i.uri === otherUri);
    assert.ok(initial?.kind === 'full' && initial.items.length === 1 && initial.version === null, JSON.stringify(initial));

    // other.go changes on disk so write() no longer touches the map: main.go's finding goes away.
    const refreshesBefore = s.refreshes;
    fs.writeFileSync(path.join(root, 'other.go'), other.replace('\tshared["y"] = 1', '\tlocal := map[string]int{}\n\tlocal["y"] = 1'));
    await s.watchedFilesChanged([{ uri: uriOf(path.join(root, 'other.go')), type: 2 }]);
    await s.waitFor('workspace/diagnostic/refresh', () => s.refreshes > refreshesBefore);
    assert.deepEqual(await s.items(uri), []);
    const cleared = (await s.workspaceDiagnostics([{ uri: otherUri, value: initial.resultId! }])).items.find((i) => i.uri === otherUri);
    assert.deepEqual(cleared && cleared.kind === 'full' && cleared.items, [], 'the client is told other.go is clean now');

    // A new racy file appears on disk: the workspace report picks it up.
    const third = ['package main', '', 'func other() {', '\tn := map[int]int{}', '\tgo func() { n[1] = 1 }()', '\tn[2] = 2', '}', ''].join('\n');
    const before = s.refreshes;
    fs.writeFileSync(path.join(root, 'third.go'), third);
    await s.watchedFilesChanged([{ uri: uriOf(path.join(root, 'third.go')), type: 1 }]);
    await s.waitFor('a refresh for third.go', () => s.refreshes > before);
    const ws = await s.workspaceDiagnostics();
    const thirdReport = ws.items.find((i) => i.uri === uriOf(path.join(root, 'third.go'))) as WorkspaceDocumentDiagnosticReport;
    assert.ok(thirdReport && thirdReport.kind === 'full' && thirdReport.items.length === 2, JSON.stringify(thirdReport));
    assert.match(thirdReport.items[0].message, /concurrent map writes/);
  } finally {
    await s.stop();
  }
});

// One file, the newer rules: (a) a getter that forgot the lock, (b) a write under RLock, (c) a map
// field of a mutex-less struct whose method is started as goroutines, (d) a map used after it escaped
// its lock, (e) a lookup in a map of pointers used as if the key were there. Line numbers are 0-based below.
const RULES_GO = [
  'package cache', //                                                   0
  '',
  'import (',
  '\t"net/http"',
  '\t"sync"',
  ')',
  '',
  'type Cache struct {',
  '\tmu   sync.RWMutex',
  '\tdata map[string]int', //                                          9
  '}',
  '',
  'func (c *Cache) Put(k string, v int) {',
  '\tc.mu.Lock()',
  '\tdefer c.mu.Unlock()',
  '\tc.data[k] = v', //                                                15
  '}',
  '',
  'func (c *Cache) Delete(k string) {',
  '\tc.mu.Lock()',
  '\tdelete(c.data, k)', //                                            20
  '\tc.mu.Unlock()',
  '}',
  '',
  '// Get forgot the lock.',
  'func (c *Cache) Get(k string) int {',
  '\treturn c.data[k]', //                                             26 (a)
  '}',
  '',
  '// Touch counts a hit under the read lock: a write.',
  'func (c *Cache) Touch(k string) {',
  '\tc.mu.RLock()', //                                                 31
  '\tdefer c.mu.RUnlock()',
  '\tc.data[k]++', //                                                  33 (b)
  '}',
  '',
  'func Serve(c *Cache) {',
  '\thttp.HandleFunc("/put", func(w http.ResponseWriter, r *http.Request) {', // 37
  '\t\tc.Put(r.URL.Path, 1)',
  '\t})',
  '}',
  '',
  '// Stats has a map field and no mutex, yet its method runs as one goroutine per event.',
  'type Stats struct {',
  '\tcounts map[string]int', //                                        44 (c)
  '}',
  '',
  'func (s *Stats) Record(event string) {',
  '\ts.counts[event]++', //                                             48
  '}',
  '',
  'func Run(s *Stats, events []string) {',
  '\tfor _, e := range events {',
  '\t\tgo s.Record(e)', //                                              53
  '\t}',
  '}',
  '',
  '// Snapshot hands out the map it guards.',
  'func (c *Cache) Snapshot() map[string]int {',
  '\tc.mu.RLock()',
  '\tdefer c.mu.RUnlock()',
  '\treturn c.data', //                                               61
  '}',
  '',
  'func Sum(c *Cache) (n int) {',
  '\tfor _, v := range c.Snapshot() {', //                             65 (d)
  '\t\tn += v',
  '\t}',
  '\treturn n',
  '}',
  '',
  '// Limit is one user\'s quota; Allowed trusts that every user has one.',
  'type Limit struct{ max int }',
  '',
  'func Allowed(limits map[string]*Limit, user string, n int) bool {', // 74
  '\treturn n <= limits[user].max', //                                 75 (e)
  '}',
  '',
].join('\n');

test('newer rules carry code, docs link and related information; hover on a map shows its guard and contexts', async () => {
  const root = workspace({ 'cache.go': RULES_GO });
  const s = await LspSession.start(root, { pull: true });
  try {
    assert.equal(s.initializeResult.capabilities.hoverProvider, true);
    const uri = await s.open(path.join(root, 'cache.go'), RULES_GO);
    const items = await s.items(uri);
    const withCode = (code: string, line: number) => {
      const d = items.find((x) => x.code === code && x.range.start.line === line);
      assert.ok(d, `${code} on line ${line} among ${JSON.stringify(items.map((x) => [x.code, x.range.start.line]))}`);
      assert.equal(d.source, 'maprace');
      assert.equal(d.codeDescription?.href, ruleDocsUrl(code));
      assert.ok(d.relatedInformation?.every((r) => r.location.uri === uri), JSON.stringify(d.relatedInformation));
      return d;
    };
    const related = (d: Diagnostic) => d.relatedInformation!.map((r) => [r.location.range.start.line, textAt(RULES_GO, r.location.range), r.message]);

    // (a) The getter: related information points at the places that hold the lock, each once.
    const getter = withCode('unguarded-map-access', 26);
    assert.equal(textAt(RULES_GO, getter.range), 'c.data[k]');
    assert.equal(getter.severity, 2);
    assert.equal(getter.message, 'map `c.data` is read here without c.mu, which guards it at 3 of 4 other places');
    assert.deepEqual(related(getter), [
      [15, 'c.data[k]', 'accessed under c.mu here'],
      [20, 'delete(c.data, k)', 'accessed under c.mu here'],
      [33, 'c.data[k]', 'accessed under c.mu here'],
    ]);

    // (b) The write under RLock: related information points at the RLock call.
    const touch = withCode('map-write-under-rlock', 33);
    assert.equal(touch.severity, 1);
    assert.equal(textAt(RULES_GO, touch.range), 'c.data[k]');
    assert.deepEqual(related(touch), [[31, 'c.mu.RLock()', 'c.mu.RLock() is taken here; a write needs c.mu.Lock()']]);

    // (c) The mutex-less field, reported at its declaration, related to the access in the goroutine...
    const field = withCode('unsynchronized-map-field', 44);
    assert.equal(textAt(RULES_GO, field.range), 'counts');
    assert.deepEqual(related(field), [
      [48, 's.counts[event]', 'accessed here in the goroutine started at cache.go:54'],
      [53, 'go s.Record(e)', 'a goroutine that reaches it is started here'],
    ]);
    // ...whose race names the go statement that starts it.
    const write = withCode('concurrent-map-access', 48);
    assert.ok(
      related(write).some(([line, text, message]) => line === 53 && text === 'go s.Record(e)' && message === 'the goroutine is started here'),
      JSON.stringify(related(write)),
    );

    // (d) The map handed out by a locked getter, ranged after the unlock while Put writes it.
    const escaped = withCode('map-escapes-lock', 65);
    assert.equal(textAt(RULES_GO, escaped.range), 'c.Snapshot()');
    assert.match(escaped.message, /^map `c\.Snapshot\(\)` escapes the lock c\.mu: it was returned by Cache\.Snapshot while it holds the lock \(cache\.go:62\)/);
    assert.deepEqual(related(escaped), [
      [61, 'return c.data', 'returned here while c.mu is held'],
      [15, 'c.data[k]', 'written under c.mu here'],
    ]);
    // (e) The unchecked lookup: a warning at the lookup, related to the map's declaration, and its
    // preferred quick fix handles the missing key (after which nothing is left to report there).
    const lookup = withCode('unchecked-map-lookup', 75);
    assert.equal(lookup.severity, 2);
    assert.equal(textAt(RULES_GO, lookup.range), 'limits[user]');
    assert.equal(lookup.message, '`limits[user]` is a nil *Limit when `user` is not in the map, and this reads field max through it: panic: nil pointer dereference');
    assert.deepEqual(related(lookup), [[74, 'limits', 'map `limits` is declared here with values of type *Limit']]);
    const actions = (await s.codeActions({ textDocument: { uri }, range: lookup.range, context: { diagnostics: [lookup], only: ['quickfix'] } })) as CodeAction[];
    const okCheck = actions.find((a) => a.title === 'Add an ok-check on `limits[user]`');
    assert.ok(okCheck, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(okCheck.isPreferred, true);
    const edits = okCheck.edit?.changes?.[uri] ?? documentEdits(okCheck, uri).edits;
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'go', 0, RULES_GO), edits);
    assert.ok(
      fixed.includes('\tlimit, ok := limits[user]\n\tif !ok {\n\t\treturn false\n\t}\n\treturn n <= limit.max\n'),
      fixed.split('\n').slice(72).join('\n'),
    );
    assert.deepEqual(items.map((d) => d.code).sort(), [
      'concurrent-map-access',
      'map-escapes-lock',
      'map-write-under-rlock',
      'unchecked-map-lookup',
      'unguarded-map-access',
      'unsynchronized-map-field',
    ]);

    // Hover on `c.data` in the getter: the guard at 3 of its 4 places, and who runs it concurrently.
    const hover = await s.hover(uri, { line: 26, character: 11 });
    assert.ok(hover, 'a hover on c.data');
    assert.deepEqual(hover.range, { start: { line: 26, character: 8 }, end: { line: 26, character: 14 } });
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*map `c\.data`\*\*: field `Cache\.data`, declared at \[cache\.go:10\]\(file:\/\/.*cache\.go#L10\)/);
    assert.ok(contents.value.includes('`c.data` is accessed under `c.mu` at 3 of 5 places.'), contents.value);
    assert.ok(contents.value.includes('- the HTTP handler registered at cache.go:38'), contents.value);
    assert.ok(contents.value.includes('- method Cache.Get (Cache holds a mutex, so its methods may run concurrently)'), contents.value);

    // CJK and emoji before it on its line: the hover position and range are UTF-16, like the edit.
    const comment = '/* 地図 😀 */ ';
    await s.change(uri, [{ range: { start: { line: 26, character: 1 }, end: { line: 26, character: 1 } }, text: comment }]);
    const shifted = await s.hover(uri, { line: 26, character: 1 + comment.length + 10 });
    assert.deepEqual(shifted?.range, { start: { line: 26, character: 1 + comment.length + 7 }, end: { line: 26, character: 1 + comment.length + 13 } });

    // Not on a map, out of range, or not a Go file: no hover, and the server keeps answering.
    assert.equal(await s.hover(uri, { line: 26, character: 1 + comment.length + 14 }), null, 'the key of c.data[k]');
    assert.equal(await s.hover(uri, { line: 25, character: 1 }), null, 'the func keyword');
    assert.equal(await s.hover(uri, { line: 999, character: 999 }), null, 'past the end');
    // Negative is not an LSP position (uinteger): InvalidParams, not a guess.
    await assert.rejects(s.hover(uri, { line: -1, character: -5 }), { code: -32602, message: /params\.position\.line must be an integer/ });
    assert.equal(await s.hover('untitled:Untitled-1', { line: 0, character: 0 }), null);
    assert.equal(await s.hover(uriOf(path.join(root, 'missing.go')), { line: 0, character: 0 }), null);
    assert.ok(await s.hover(uri, { line: 33, character: 4 }), 'still serving: c.data in Touch');
    // A throwing handler is answered with null too (see Handlers.request): it must not have thrown.
    assert.deepEqual(s.logs.filter((l) => l.includes('textDocument/hover failed')), []);
  } finally {
    await s.stop();
  }
});

test("a document's own package clause is analysed first; its external tests follow, and edits stay incremental", async () => {
  // p.go (package p) and p_test.go (package p_test) each race on their own map.
  const lib = RACY.replace('package main', 'package p').replace('func main()', 'func Run()');
  const ext = RACY.replace('package main', 'package p_test').replace('func main()', 'func TestRace()');
  const root = workspace({ 'p.go': lib, 'p_test.go': ext });
  const s = await LspSession.start(root, { pull: true, refresh: true, trace: true });
  try {
    const uri = await s.open(path.join(root, 'p.go'), lib);
    assert.equal((await s.items(uri)).length, 2, 'p.go: the race, analysed with package p alone');
    assert.match(s.traces[0] ?? '', /^maprace: analysed \S+ \(package p only\) \[p\.go@1\]/, `the first analysis is of package p alone: ${s.traces.join('\n')}`);
    // Typing in p.go: the race moves out of reach and back.
    await s.change(uri, READ_AFTER_DONE);
    assert.deepEqual(await s.items(uri), []);
    await s.change(uri, READ_BEFORE_DONE);
    assert.equal((await s.items(uri)).length, 2);
    // The external test package's findings are there when asked for, while p.go's stay.
    const extUri = uriOf(path.join(root, 'p_test.go'));
    assert.equal((await s.items(extUri)).length, 2, 'p_test.go: its own race');
    assert.equal((await s.items(uri)).length, 2, 'p.go keeps its findings');
    // Workspace diagnostics analyse what is left of every directory.
    const ws = await s.workspaceDiagnostics();
    const reported = ws.items.filter((i) => i.kind === 'full' && i.items.length).map((i) => path.basename(new URL(i.uri).pathname)).sort();
    assert.deepEqual(reported, ['p.go', 'p_test.go']);
  } finally {
    await s.stop();
  }
});

test('push diagnostics when the client cannot pull', async () => {
  const root = workspace({ 'main.go': RACY });
  const s = await LspSession.start(root, { pull: false });
  try {
    assert.equal(s.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = await s.open(path.join(root, 'main.go'), RACY);
    await s.waitFor('published diagnostics for the open version', () => s.lastPublished(uri)?.version === 1);
    const first = s.lastPublished(uri)!;
    assert.equal(first.diagnostics.length, 2);
    assert.ok(first.diagnostics.every((d) => d.source === 'maprace' && d.code === RULE));
    assert.equal(textAt(RACY, byLine(first.diagnostics, 6).range), 'm["b"]');

    const version = await s.change(uri, READ_AFTER_DONE);
    await s.waitFor('an empty publish after the fix', () => s.lastPublished(uri)?.version === version);
    assert.deepEqual(s.lastPublished(uri)!.diagnostics, []);
  } finally {
    await s.stop();
  }
});

test('unknown documents and broken Go get empty answers, and the server keeps serving', async () => {
  const root = workspace({ 'main.go': RACY });
  const s = await LspSession.start(root, { pull: true });
  try {
    assert.deepEqual(await s.items(uriOf(path.join(root, 'missing', 'nothing.go'))), []);
    assert.deepEqual(await s.items('untitled:Untitled-1'), []);
    assert.deepEqual(
      await s.codeActions({
        textDocument: { uri: 'untitled:Untitled-1' },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [] },
      }),
      [],
    );
    const broken = await s.open(path.join(root, 'broken.go'), 'package main\n\nfunc (((( {\n\tgo m[ = \n');
    assert.ok(Array.isArray(await s.items(broken)));
    // Nesting this deep would overflow the analysis' stack: the file is skipped, and says so (and logs it).
    const depth = 20000;
    const deep = `package deep\n\nfunc f(m map[int]int) {\n\tgo func() { m[1] = 1 }()\n\t_ = ${'('.repeat(depth)}m[2]${')'.repeat(depth)}\n}\n`;
    const deepUri = await s.open(path.join(root, 'deep', 'deep.go'), deep);
    assert.deepEqual(
      (await s.items(deepUri)).map((d) => [d.severity, d.message]),
      [[DiagnosticSeverity.Information, 'maprace skipped this file: too deeply nested (over 500 levels)']],
    );
    await s.waitFor('the skip in the log', () => s.logs.some((l) => /skipped .*deep\.go: too deeply nested/.test(l)));
    const uri = await s.open(path.join(root, 'main.go'), RACY);
    assert.equal((await s.items(uri)).length, 2, `still analysing; stderr: ${s.stderr}`);
  } finally {
    assert.equal(await s.stop(), 0, 'clean exit after shutdown/exit');
  }
});

test('the bin shim prints the version; a missing grammar fails clearly with exit status 2', () => {
  const bin = path.join(ROOT, 'server', 'bin', 'maprace-language-server');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  const broken = spawnSync(process.execPath, [SERVER, '--stdio'], {
    encoding: 'utf8',
    env: { ...process.env, MAPRACE_GRAMMARS: path.join(os.tmpdir(), 'maprace-no-grammar-here') },
    input: '',
  });
  assert.equal(broken.status, 2);
  assert.match(broken.stderr, /cannot read .*tree-sitter\.wasm/);
  const usage = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /usage: maprace-language-server --stdio/);
});

test('--node-ipc works as well as --stdio (the ipc transport of VS Code)', async () => {
  const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  conn.listen();
  try {
    const result = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    assert.equal(result.serverInfo?.name, 'maprace-language-server');
    assert.equal(result.capabilities.diagnosticProvider, undefined, 'no pull support declared: push mode');
  } finally {
    conn.dispose();
    child.kill();
  }
});
