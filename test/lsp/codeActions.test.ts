// The code actions around the fixes, over stdio with a real client: suppress with a comment, the rule's
// documentation, fix all in this file, and source.fixAll.maprace with only the fixes marked safe.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentContentChangeEvent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { ruleDocsUrl } from '../../server/src/analysis/rules/catalog';
import { findGo } from '../support/goTool';
import { LspSession, uriOf } from './lspSession';
import { workspace } from '../support/workspace';

// `a` is guarded by a safe fix; `b`'s fix locks around a call of this package's compute(): not safe.
const MAIN = [
  'package main',
  '',
  'import "fmt"',
  '',
  'func compute() int { return 1 }',
  '',
  'func main() {',
  '\ta := map[string]int{}',
  '\tb := map[string]int{}',
  '\tdone := make(chan bool)',
  '\tgo func() {',
  '\t\ta["x"] = 1',
  '\t\tb["x"] = compute()',
  '\t\tdone <- true',
  '\t}()',
  '\t_ = a["y"]',
  '\t_ = b["y"]',
  '\t<-done',
  '\tfmt.Println(len(a), len(b), count())',
  '}',
  '',
].join('\n');

// ServeHTTP runs concurrently: the field (aligned with its neighbours) and both accesses are reported.
const LIMITER = [
  'package main',
  '',
  'import "net/http"',
  '',
  'type Limiter struct {',
  '\tmax  int',
  '\tseen map[string]int',
  '\tnext http.Handler',
  '}',
  '',
  'func (l *Limiter) ServeHTTP(w http.ResponseWriter, r *http.Request) {',
  '\tn := l.seen[r.RemoteAddr] + 1',
  '\tl.seen[r.RemoteAddr] = n',
  '\tif n > l.max {',
  '\t\thttp.Error(w, "slow down", http.StatusTooManyRequests)',
  '\t\treturn',
  '\t}',
  '\tl.next.ServeHTTP(w, r)',
  '}',
  '',
].join('\n');

// A one-line method at the top level, racing with itself.
const STATS = [
  'package main',
  '',
  'type Stats struct {',
  '\tcount map[string]int',
  '}',
  '',
  'func (s *Stats) Add(k string) { s.count[k]++ }',
  '',
  'func count() int {',
  '\ts := &Stats{count: map[string]int{}}',
  '\tdone := make(chan bool)',
  '\tgo func() {',
  '\t\ts.Add("x")',
  '\t\tdone <- true',
  '\t}()',
  '\ts.Add("y")',
  '\t<-done',
  '\treturn len(s.count)',
  '}',
  '',
].join('\n');

/** A WorkspaceEdit's edits of one document as didChange content changes: last first, so positions hold. */
function asContentChanges(edits: TextEdit[]): TextDocumentContentChangeEvent[] {
  const order = edits.map((e, i) => ({ e, i }));
  order.sort((a, b) => b.e.range.start.line - a.e.range.start.line || b.e.range.start.character - a.e.range.start.character || b.i - a.i);
  return order.map(({ e }) => ({ range: e.range, text: e.newText }));
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit?.documentChanges?.find((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  assert.ok(edit, `${action.title} edits ${uri}: ${JSON.stringify(action.edit)}`);
  assert.equal(action.edit?.documentChanges?.length, 1, `${action.title} edits only this document`);
  return edit.edits;
}

const key = (d: Diagnostic, line = d.range.start.line) => `${d.code}@${line}:${d.range.start.character}`;

/** How a line moves when `edits` are applied: down by the lines inserted before it. */
function shiftedLine(edits: TextEdit[], line: number): number {
  let shift = 0;
  for (const e of edits) {
    if (e.range.start.line < line || (e.range.start.line === line && e.range.start.character === 0)) {
      shift += e.newText.split('\n').length - 1 - (e.range.end.line - e.range.start.line);
    }
  }
  return line + shift;
}

function gofmtBin(): string | undefined {
  const go = findGo();
  if ('missing' in go) return undefined;
  const beside = path.join(path.dirname(fs.realpathSync(go.bin)), 'gofmt');
  return fs.existsSync(beside) ? beside : 'gofmt';
}

async function quickFixes(s: LspSession, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await s.codeActions({ textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) as CodeAction[];
}

test('suppress: offered for every diagnostic, never preferred; applying it silences exactly that line and gofmt agrees', async (t) => {
  const files = { 'main.go': MAIN, 'limiter.go': LIMITER, 'stats.go': STATS };
  const root = workspace(files);
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  const fixedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-suppressed-'));
  let applied = 0;
  try {
    for (const [name, lf] of Object.entries(files)) {
      for (const eol of ['\n', '\r\n']) {
        const original = lf.replace(/\n/g, eol);
        const uri = await s.open(path.join(root, name), original);
        const before = await s.items(uri);
        assert.ok(before.length > 0, `${name} has diagnostics`);
        for (const d of before) {
          await s.change(uri, [{ text: original }]);
          const current = (await s.items(uri)).find((x) => key(x) === key(d));
          assert.ok(current, `${key(d)} is back after resetting ${name}`);
          const actions = await quickFixes(s, uri, current);
          const suppress = actions.filter((a) => a.title === `Suppress \`${d.code}\` on this line`);
          assert.equal(suppress.length, 1, `one suppress action for ${key(d)} in ${name} among ${JSON.stringify(actions.map((a) => a.title))}`);
          const [action] = suppress;
          assert.equal(action.kind, 'quickfix');
          assert.equal(action.isPreferred, false);
          assert.deepEqual(action.diagnostics?.map((x) => key(x)), [key(d)], 'the action names its diagnostic');
          assert.equal(action.disabled, undefined);
          const edits = editsOf(action, uri);
          const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'go', 0, original), edits);
          assert.match(fixed, new RegExp(`//maprace:ignore ${d.code} `));
          await s.change(uri, asContentChanges(edits));
          const after = (await s.items(uri)).map((x) => key(x)).sort();
          // Everything else is still reported, where the edit moved it; the suppressed line is silent.
          const expected = before.filter((x) => !(x.code === d.code && x.range.start.line === d.range.start.line)).map((x) => key(x, shiftedLine(edits, x.range.start.line))).sort();
          assert.deepEqual(after, expected, `after suppressing ${key(d)} in ${name}:\n${fixed}`);
          if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(fixed), `only CRLF line endings in ${name} after suppressing ${key(d)}`);
          fs.mkdirSync(path.join(fixedDir, `v${applied}`));
          for (const [other, text] of Object.entries(files)) fs.writeFileSync(path.join(fixedDir, `v${applied}`, other), text);
          fs.writeFileSync(path.join(fixedDir, `v${applied}`, name), fixed.replace(/\r\n/g, '\n'));
          applied++;
        }
        await s.change(uri, [{ text: lf }]);
      }
    }
    // 9 diagnostics (stats.go: the race in Add and, since Add runs concurrently on one Stats, its field), each on its own line, in LF and CRLF.
    assert.equal(applied, 18);
    const gofmt = gofmtBin();
    if (!gofmt) {
      t.skip('go not found: the suppressed files were not checked with gofmt');
      return;
    }
    const fmt = spawnSync(gofmt, ['-l', '.'], { cwd: fixedDir, encoding: 'utf8' });
    assert.equal(`${fmt.stdout}${fmt.stderr}`, '', 'gofmt -l lists no suppressed file');
    const vet = spawnSync(findGoBin(), ['vet', './...'], { cwd: fixedDir, encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off', GOPATH: fixedDir, GOFLAGS: '' } });
    assert.equal(vet.status, 0, `go vet passes on every suppressed variant:\n${vet.stdout}${vet.stderr}`);
  } finally {
    await s.stop();
    fs.rmSync(fixedDir, { recursive: true, force: true });
  }
});

function findGoBin(): string {
  const go = findGo();
  return 'missing' in go ? 'go' : go.bin;
}

test('suppress: where a comment would break gofmt\'s alignment, the action is disabled with the reason, or left out', async () => {
  // The tag on `max` makes a comment after `seen` move that tag (gofmt aligns them): no clean place for it.
  const tagged = LIMITER.replace('\tmax  int\n', '\tmax  int `json:"max"`\n');
  const root = workspace({ 'limiter.go': tagged });
  for (const disabledSupport of [true, false]) {
    const s = await LspSession.start(root, { pull: true, documentChanges: true, disabledSupport });
    try {
      const uri = await s.open(path.join(root, 'limiter.go'), tagged);
      const field = (await s.items(uri)).find((d) => d.code === 'unsynchronized-map-field');
      assert.ok(field, 'the field is reported');
      const actions = await quickFixes(s, uri, field);
      const suppress = actions.find((a) => a.title === 'Suppress `unsynchronized-map-field` on this line');
      if (disabledSupport) {
        assert.ok(suppress?.disabled, `a disabled suppress action among ${JSON.stringify(actions)}`);
        assert.match(suppress.disabled.reason, /gofmt/);
        assert.equal(suppress.edit, undefined, 'a disabled action carries no edit');
      } else {
        assert.equal(suppress, undefined, 'a client that cannot show disabled actions is not offered it');
      }
      assert.ok(actions.some((a) => a.title === 'Show documentation for `unsynchronized-map-field`'), 'the docs are still offered');
    } finally {
      await s.stop();
    }
  }
});

test('show documentation: a client-side command with the rule page, not one the server executes', async () => {
  const root = workspace({ 'limiter.go': LIMITER });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    assert.equal(s.initializeResult.capabilities.executeCommandProvider, undefined, 'the client runs maprace.showRuleDocs itself');
    const uri = await s.open(path.join(root, 'limiter.go'), LIMITER);
    const items = await s.items(uri);
    const rules = new Set(items.map((d) => String(d.code)));
    assert.deepEqual([...rules].sort(), ['concurrent-map-access', 'unsynchronized-map-field']);
    for (const d of items) {
      const docs = (await quickFixes(s, uri, d)).filter((a) => a.title.startsWith('Show documentation'));
      assert.equal(docs.length, 1, `one docs action for ${key(d)}`);
      const [action] = docs;
      assert.equal(action.title, `Show documentation for \`${d.code}\``);
      assert.equal(action.kind, 'quickfix');
      assert.equal(action.edit, undefined);
      assert.deepEqual(action.command, { title: action.title, command: 'maprace.showRuleDocs', arguments: [ruleDocsUrl(String(d.code))] });
      assert.equal(d.codeDescription?.href, action.command?.arguments?.[0], 'the same page as the diagnostic links');
    }
    // Two diagnostics of one rule in one request: one docs action naming both.
    const both = items.filter((d) => d.code === 'concurrent-map-access');
    const actions = (await s.codeActions({ textDocument: { uri }, range: both[0].range, context: { diagnostics: both } })) as CodeAction[];
    const docs = actions.filter((a) => a.command?.command === 'maprace.showRuleDocs');
    assert.equal(docs.length, 1);
    assert.equal(docs[0].diagnostics?.length, 2);
    // The package.json declares the command the client registers.
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === 'maprace.showRuleDocs'));
    const client = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'client', 'src', 'extension.ts'), 'utf8');
    assert.match(client, /registerCommand\(SHOW_RULE_DOCS/);
    assert.match(client, /const SHOW_RULE_DOCS = 'maprace\.showRuleDocs'/);
  } finally {
    await s.stop();
  }
});

test('fix all in this file: a quick fix only with two or more fixes, and it removes every finding', async () => {
  const oneMap = MAIN.replace('\t\tb["x"] = compute()\n', '').replace('\t_ = b["y"]\n', '');
  const root = workspace({ 'main.go': MAIN, 'stats.go': STATS });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), MAIN);
    const items = await s.items(uri);
    assert.equal(items.length, 4, JSON.stringify(items.map((d) => key(d))));
    const actions = await quickFixes(s, uri, items[0]);
    const all = actions.filter((a) => a.title.startsWith('Fix all maprace problems in this file'));
    assert.equal(all.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(all[0].title, 'Fix all maprace problems in this file (2)');
    assert.equal(all[0].kind, 'quickfix');
    assert.equal(all[0].isPreferred, false);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.indexOf(all[0].title) > titles.findIndex((t) => t.startsWith('Guard')), 'after the finding\'s own fix');
    await s.change(uri, asContentChanges(editsOf(all[0], uri)));
    assert.deepEqual(await s.items(uri), [], 'no finding left in main.go');

    // One map, one fix (both findings share it): no fix-all quick fix next to it.
    await s.change(uri, [{ text: oneMap }]);
    const single = await s.items(uri);
    assert.equal(single.length, 2);
    const singleActions = await quickFixes(s, uri, single[0]);
    assert.ok(singleActions.some((a) => a.title.startsWith('Guard')));
    assert.ok(!singleActions.some((a) => a.title.startsWith('Fix all')), JSON.stringify(singleActions.map((a) => a.title)));
  } finally {
    await s.stop();
  }
});

test('source.fixAll.maprace applies only the fixes marked safe', async () => {
  const root = workspace({ 'main.go': MAIN, 'stats.go': STATS });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    const uri = await s.open(path.join(root, 'main.go'), MAIN);
    const before = await s.items(uri);
    const guards = new Map<string, CodeAction>();
    for (const d of before) for (const a of await quickFixes(s, uri, d)) if (a.title.startsWith('Guard')) guards.set(a.title, a);
    assert.deepEqual([...guards.keys()].sort(), ['Guard `a` with a new sync.Mutex', 'Guard `b` with a new sync.Mutex']);
    const onSave = (await s.codeActions({
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.maprace'] },
    })) as CodeAction[];
    assert.deepEqual(onSave.map((a) => [a.kind, a.title]), [['source.fixAll.maprace', 'Fix all maprace problems with a safe fix (1)']]);
    const edits = editsOf(onSave[0], uri);
    assert.deepEqual(edits, editsOf(guards.get('Guard `a` with a new sync.Mutex')!, uri), 'exactly the safe guard of `a`');
    await s.change(uri, asContentChanges(edits));
    const left = await s.items(uri);
    assert.equal(left.length, 2);
    assert.ok(left.every((d) => /map `b`/.test(d.message)), JSON.stringify(left.map((d) => d.message)));
    // stats.go's findings (the race in Add, the unsynchronized field) share a guard that adds a field to
    // Stats: never safe unreviewed (a copy in another package would break), so nothing for them on save.
    const statsUri = await s.open(path.join(root, 'stats.go'), STATS);
    assert.equal((await s.items(statsUri)).length, 2);
    const none = await s.codeActions({
      textDocument: { uri: statsUri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(none, []);
  } finally {
    await s.stop();
  }
});

test('a diagnostic whose message went stale (another file of the package moved) still gets its fixes', async () => {
  const tally = [
    'package main',
    '',
    'import "sync"',
    '',
    'var views = map[string]int{}',
    '',
    'func tally(pages []string) {',
    '\tvar wg sync.WaitGroup',
    '\tfor i := 0; i < 2; i++ {',
    '\t\twg.Add(1)',
    '\t\tgo func() {',
    '\t\t\tdefer wg.Done()',
    '\t\t\tviews[pages[0]]++',
    '\t\t}()',
    '\t}',
    '\twg.Wait()',
    '}',
    '',
  ].join('\n');
  const main = 'package main\n\nfunc main() {\n\ttally([]string{"a"})\n}\n';
  const root = workspace({ 'main.go': main, 'tally.go': tally });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    // As a workspace pull delivers it: tally.go not open, so the diagnostic carries no document version.
    const uri = uriOf(path.join(root, 'tally.go'));
    const stale = (await s.items(uri))[0];
    assert.match(stale.message, /called at main\.go:4/);
    assert.equal((stale.data as { version: unknown }).version, null);
    // Editing main.go moves the call, so tally.go's messages change; the client still holds the old one.
    const mainUri = await s.open(path.join(root, 'main.go'), main);
    await s.change(mainUri, [{ text: main.replace('func main() {', '// Command tally.\n\nfunc main() {') }]);
    await s.open(path.join(root, 'tally.go'), tally);
    assert.match((await s.items(uri))[0].message, /called at main\.go:6/);
    const titles = (await quickFixes(s, uri, stale)).map((a) => a.title);
    assert.ok(titles.some((t) => /^Guard `views`/.test(t)), `the guard fix for the stale diagnostic: ${JSON.stringify(titles)}`);
  } finally {
    await s.stop();
  }
});

// The goroutine ranges over the map and sends each key, the spawner deletes: locking the range would
// hold the lock while the send waits for a reader that comes after the delete.
const EVICT = [
  'package main',
  '',
  'func evict(cache map[string]int, key string) []string {',
  '\tkeys := make(chan string)',
  '\tgo func() {',
  '\t\tfor k := range cache {',
  '\t\t\tkeys <- k',
  '\t\t}',
  '\t\tclose(keys)',
  '\t}()',
  '\tdelete(cache, key)',
  '\tvar out []string',
  '\tfor k := range keys {',
  '\t\tout = append(out, k)',
  '\t}',
  '\treturn out',
  '}',
  '',
].join('\n');

test('a guard that would deadlock: disabled with the reason for clients that show it, absent for others, never fixed on save', async () => {
  const root = workspace({ 'evict.go': EVICT });
  for (const disabledSupport of [true, false]) {
    const s = await LspSession.start(root, { pull: true, documentChanges: true, disabledSupport });
    try {
      const uri = await s.open(path.join(root, 'evict.go'), EVICT);
      const items = (await s.items(uri)).filter((d) => d.code === 'concurrent-map-access');
      assert.equal(items.length, 2, JSON.stringify(items.map((d) => key(d))));
      for (const d of items) {
        const actions = await quickFixes(s, uri, d);
        const guards = actions.filter((a) => a.title.startsWith('Guard'));
        if (disabledSupport) {
          assert.equal(guards.length, 1, JSON.stringify(actions.map((a) => a.title)));
          const [guard] = guards;
          assert.equal(guard.title, 'Guard `cache` with a mutex');
          assert.match(guard.disabled?.reason ?? '', /^`for k := range cache \{` \(evict\.go:6\) sends on a channel; holding the lock while it blocks would deadlock/);
          assert.equal(guard.edit, undefined, 'a disabled action carries no edit');
          assert.notEqual(guard.isPreferred, true, 'a disabled action is never preferred');
        } else {
          assert.deepEqual(guards, [], 'a client that cannot show disabled actions is not offered it');
        }
        assert.ok(!actions.some((a) => a.title.startsWith('Fix all')), 'nothing to fix all');
      }
      const onSave = await s.codeActions({
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.maprace'] },
      });
      assert.deepEqual(onSave, []);
    } finally {
      await s.stop();
    }
  }
});

test('a struct field map: the guard adds a mutex field, is offered at the field too, and applying it silences the file', async () => {
  const root = workspace({ 'limiter.go': LIMITER });
  const s = await LspSession.start(root, { pull: true, documentChanges: true, disabledSupport: true });
  try {
    const uri = await s.open(path.join(root, 'limiter.go'), LIMITER);
    const items = await s.items(uri);
    assert.deepEqual(items.map((d) => d.code).sort(), ['concurrent-map-access', 'concurrent-map-access', 'unsynchronized-map-field']);
    const guards = [];
    for (const d of items) {
      const guard = (await quickFixes(s, uri, d)).filter((a) => a.title.startsWith('Guard'));
      assert.equal(guard.length, 1, `${key(d)}: ${JSON.stringify(guard)}`);
      assert.equal(guard[0].isPreferred, true);
      guards.push(guard[0]);
    }
    assert.ok(guards.every((g) => g.title === 'Guard `Limiter.seen` with a new field mu sync.Mutex'), JSON.stringify(guards.map((g) => g.title)));
    const edits = editsOf(guards[0], uri);
    assert.ok(guards.every((g) => JSON.stringify(editsOf(g, uri)) === JSON.stringify(edits)), 'one fix for the field and both accesses');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'go', 0, LIMITER), edits);
    assert.match(fixed, /type Limiter struct \{\n\tmu sync\.Mutex\n\n\tmax  int\n/);
    assert.match(fixed, /\tl\.mu\.Lock\(\)\n\tn := l\.seen\[r\.RemoteAddr\] \+ 1\n\tl\.seen\[r\.RemoteAddr\] = n\n\tl\.mu\.Unlock\(\)\n/, 'the read and the write in one critical section');
    // A new field is never applied unreviewed.
    const onSave = await s.codeActions({
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.maprace'] },
    });
    assert.deepEqual(onSave, []);
    await s.change(uri, asContentChanges(edits));
    assert.deepEqual(await s.items(uri), [], 'no finding left');
  } finally {
    await s.stop();
  }
});

test('convert to sync.Map: a quick fix whose WorkspaceEdit changes the declaring file and the file that only reads the map', async () => {
  const a = [
    'package main',
    '',
    'import "sync"',
    '',
    'var scores = map[string]int{}',
    '',
    'func record(names []string) {',
    '\tvar wg sync.WaitGroup',
    '\tfor i, n := range names {',
    '\t\twg.Add(1)',
    '\t\tgo func(n string, i int) {',
    '\t\t\tdefer wg.Done()',
    '\t\t\tscores[n] = i',
    '\t\t}(n, i)',
    '\t}',
    '\twg.Wait()',
    '}',
    '',
    'func main() {',
    '\trecord([]string{"a", "b"})',
    '\tprintln(score("a"))',
    '}',
    '',
  ].join('\n');
  const b = ['package main', '', 'func score(name string) int {', '\ts := scores[name]', '\treturn s', '}', ''].join('\n');
  const root = workspace({ 'a.go': a, 'b.go': b });
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  try {
    const uri = await s.open(path.join(root, 'a.go'), a);
    const [d] = (await s.items(uri)).filter((x) => x.code === 'concurrent-map-access');
    assert.ok(d, 'the goroutines writing scores are reported');
    const actions = await quickFixes(s, uri, d);
    const convert = actions.find((x) => x.title === 'Convert `scores` to sync.Map');
    assert.ok(convert, JSON.stringify(actions.map((x) => x.title)));
    assert.equal(convert.kind, 'quickfix');
    assert.equal(convert.isPreferred, true, 'each goroutine stores its own key');
    assert.equal(actions.filter((x) => x.isPreferred).length, 1, 'one preferred action for the diagnostic');
    const changes = (convert.edit?.documentChanges ?? []) as TextDocumentEdit[];
    const bUri = uri.replace(/a\.go$/, 'b.go');
    assert.deepEqual(changes.map((c) => c.textDocument.uri).sort(), [uri, bUri].sort(), 'both files of the package');
    const apply = (text: string, u: string) => TextDocument.applyEdits(TextDocument.create(u, 'go', 0, text), changes.find((c) => c.textDocument.uri === u)!.edits);
    const newA = apply(a, uri);
    const newB = apply(b, bUri);
    assert.match(newA, /var scores sync\.Map/);
    assert.match(newA, /scores\.Store\(n, i\)/);
    assert.match(newB, /value, _ := scores\.Load\(name\)\n\ts, _ := value\.\(int\)/);
    // Applied to both documents, nothing is left to report.
    await s.change(uri, [{ text: newA }]);
    const bOpen = await s.open(path.join(root, 'b.go'), newB);
    assert.deepEqual((await s.items(uri)).map((x) => x.message), []);
    assert.deepEqual((await s.items(bOpen)).map((x) => x.message), []);
  } finally {
    await s.stop();
  }
});
