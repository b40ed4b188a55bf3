// syntaxes/maprace-directives.tmLanguage.json: an injection grammar that scopes maprace's suppression
// directives inside Go comments. Checked twice: by a small TextMate matcher over the grammar's regexes in
// JavaScript (always), and by VS Code's own vscode-textmate + vscode-oniguruma with VS Code's Go grammar
// (when those are on this machine: node_modules, or the code-server that the e2e test installs in .tools/).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { RULES } from '../../server/src/analysis/rules/catalog';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'maprace-directives.tmLanguage.json');

const KEYWORD = 'keyword.control.directive.maprace';
const RULE = 'entity.name.tag.rule.maprace';
const REASON = 'string.unquoted.reason.maprace';
const UNKNOWN = 'invalid.illegal.unknown-rule.maprace';
const COMMA = 'punctuation.separator.comma.maprace';
/** Part of a directive but no token of it (another linter's name). */
const NONE = 'meta.directive.maprace only';
/** Not in a directive: no maprace scope at all. */
const OUTSIDE = '';

const SAMPLE = [
  'package p',
  '',
  'func f() {',
  '\t//maprace:ignore concurrent-map-access the callers serialise through the queue',
  '\tx := 1 //maprace:ignore unguarded-map-access,concurent-map-access typo in the second id',
  '\ty := 2 //nolint:errcheck,maprace // shared read-only after init',
  '\t//nolint:errcheck',
  '\t//lint:ignore maprace the map is frozen before main starts',
  '\t// want "x" //maprace:ignore map-escapes-lock appended after another comment',
  '\t// mentions maprace:ignore in prose',
  '\t/* //maprace:ignore map-write-under-rlock in a block */ _ = x',
  '\ts := "//maprace:ignore concurrent-map-access not a comment"',
  '\t_, _ = y, s',
  '}',
  '',
];

/** [line, text, scope, after]: the scope `text` has (its first occurrence after `after`). */
const EXPECTED: [number, string, string, string?][] = [
  [3, 'maprace:ignore', KEYWORD],
  [3, 'concurrent-map-access', RULE],
  [3, 'the callers serialise through the queue', REASON],
  [4, 'x := 1', OUTSIDE],
  [4, 'unguarded-map-access', RULE],
  [4, ',', COMMA, 'unguarded'],
  [4, 'concurent-map-access', UNKNOWN],
  [4, 'typo in the second id', REASON],
  [5, 'nolint', KEYWORD],
  [5, 'errcheck', NONE],
  [5, 'y := 2', OUTSIDE],
  [5, 'maprace', RULE, 'errcheck'],
  [5, '// shared read-only after init', REASON],
  [6, 'nolint:errcheck', OUTSIDE],
  [7, 'lint:ignore', KEYWORD],
  [7, 'maprace', RULE],
  [7, 'the map is frozen before main starts', REASON],
  [8, 'want', OUTSIDE],
  [8, 'maprace:ignore', KEYWORD],
  [8, 'map-escapes-lock', RULE],
  [8, 'appended after another comment', REASON],
  [9, 'maprace:ignore', OUTSIDE],
  [10, 'maprace:ignore', KEYWORD],
  [10, 'map-write-under-rlock', RULE],
  [10, 'in a block', REASON],
  [10, '*/', OUTSIDE],
  [10, '_ = x', OUTSIDE],
  [11, 'maprace:ignore', OUTSIDE],
];

interface Pattern {
  include?: string;
  match?: string;
  name?: string;
  captures?: Record<string, { name?: string; patterns?: Pattern[] }>;
  patterns?: Pattern[];
}

interface Grammar extends Pattern {
  scopeName: string;
  injectionSelector: string;
  repository: Record<string, Pattern>;
}

const grammar = (): Grammar => JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8'));

/** Oniguruma syntax JavaScript spells differently; the grammar uses none of it today. */
function toJs(source: string): RegExp {
  const js = source.replace(/\\h/g, '[0-9a-fA-F]').replace(/\\A/g, '^').replace(/\\[zZ]/g, '$').replace(/\(\?i\)/g, '');
  return new RegExp(js, 'dg');
}

function flatten(g: Grammar, patterns: Pattern[]): Pattern[] {
  return patterns.flatMap((p) => (p.include ? flatten(g, [g.repository[p.include.replace(/^#/, '')]]) : p.patterns && !p.match ? flatten(g, p.patterns) : [p]));
}

/** A small TextMate matcher: the earliest match of the injected patterns, again after it, to the end of the comment. */
function scopesByChar(g: Grammar, line: string, from: number, to: number, patterns: Pattern[], outer: string[], out: string[][]): void {
  const flat = flatten(g, patterns);
  let pos = from;
  while (pos < to) {
    let best: { m: RegExpExecArray; p: Pattern } | undefined;
    for (const p of flat) {
      const re = toJs(p.match!);
      re.lastIndex = pos;
      const m = re.exec(line);
      if (m && m.index < to && (!best || m.index < best.m.index)) best = { m, p };
    }
    if (!best || best.m[0].length === 0) return;
    const { m, p } = best;
    const end = m.index + m[0].length;
    assert.ok(end <= to, `a match runs past the end of its comment: ${JSON.stringify(m[0])}`);
    const scopes = p.name ? [...outer, p.name] : outer;
    for (let i = m.index; i < end; i++) out[i] = scopes;
    for (const [group, capture] of Object.entries(p.captures ?? {})) {
      const span = m.indices![Number(group)];
      if (!span) continue;
      const inner = capture.name ? [...scopes, capture.name] : scopes;
      for (let i = span[0]; i < span[1]; i++) out[i] = inner;
      if (capture.patterns) scopesByChar(g, line, span[0], span[1], capture.patterns, inner, out);
    }
    pos = end;
  }
}

/** Per character of a sample line, the maprace scopes the small matcher gives it. */
function matcherScopes(g: Grammar, line: string): string[][] {
  const out: string[][] = [...line].map(() => []);
  // The sample's comments: `//` to the end of the line, or `/* ... */`; the string on line 11 holds none.
  const block = line.indexOf('/*');
  const lineComment = line.indexOf('//');
  if (line.includes('"//')) return out;
  if (block >= 0 && (lineComment < 0 || block < lineComment)) scopesByChar(g, line, block + 2, line.indexOf('*/'), g.patterns!, [], out);
  else if (lineComment >= 0) scopesByChar(g, line, lineComment + 2, line.length, g.patterns!, [], out);
  return out;
}

function checkExpected(scopesAt: (line: number) => string[][], engine: string): void {
  for (const [line, text, scope, after] of EXPECTED) {
    const source = SAMPLE[line];
    const start = source.indexOf(text, after ? source.indexOf(after) : 0);
    assert.ok(start >= 0, `sample line ${line} holds ${text}`);
    const scopes = scopesAt(line);
    for (const i of [start, start + text.length - 1]) {
      const maprace = scopes[i].filter((s) => s.endsWith('.maprace'));
      if (scope === OUTSIDE) assert.deepEqual(maprace, [], `${engine}: ${JSON.stringify(text)} on line ${line} has no maprace scope`);
      else if (scope === NONE) assert.deepEqual(maprace, ['meta.directive.maprace'], `${engine}: ${JSON.stringify(text)} on line ${line}`);
      else assert.ok(maprace.includes(scope), `${engine}: ${JSON.stringify(text)} on line ${line} is ${scope}, got ${JSON.stringify(scopes[i])}`);
    }
  }
}

test('the grammar is contributed as an injection into Go and shipped in the .vsix', () => {
  const g = grammar();
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const entry = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === g.scopeName);
  assert.ok(entry, 'package.json contributes.grammars names the grammar by its scopeName');
  assert.deepEqual(entry.injectTo, ['source.go']);
  assert.equal(path.resolve(ROOT, entry.path), GRAMMAR_PATH);
  assert.deepEqual(g.injectionSelector.split(',').map((s) => s.trim()), ['L:comment.line.double-slash.go', 'L:comment.block.go']);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const ls = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(ls.status, 0, ls.stderr);
  assert.ok(ls.stdout.split('\n').includes('syntaxes/maprace-directives.tmLanguage.json'), `vsce ls:\n${ls.stdout}`);
});

test('every regex compiles, every catalog rule is a known rule id, and the sample lines get their scopes', () => {
  const g = grammar();
  const all = (p: Pattern): Pattern[] => [p, ...(p.patterns ?? []).flatMap(all), ...Object.values(p.captures ?? {}).flatMap((c) => (c.patterns ?? []).flatMap(all))];
  const patterns = [g, ...Object.values(g.repository)].flatMap(all).filter((p) => p.match);
  assert.ok(patterns.length >= 5);
  for (const p of patterns) assert.doesNotThrow(() => toJs(p.match!), p.match);
  const known = toJs(g.repository.ruleList.patterns![0].match!);
  for (const rule of RULES) assert.ok(new RegExp(`^(?:${known.source})$`).test(rule.id), `${rule.id} is highlighted as a rule, not as unknown`);
  checkExpected((line) => matcherScopes(g, SAMPLE[line]), 'JS matcher');
});

/** vscode-textmate and vscode-oniguruma, and VS Code's Go grammar, where this machine has them. */
function vscodeTextmate(): { modules: string; goGrammar: string } | undefined {
  const codeServer = path.join(ROOT, '.tools', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode');
  for (const modules of [path.join(ROOT, 'node_modules'), path.join(codeServer, 'node_modules')]) {
    const goGrammar = path.join(codeServer, 'extensions', 'go', 'syntaxes', 'go.tmLanguage.json');
    if (fs.existsSync(path.join(modules, 'vscode-textmate')) && fs.existsSync(path.join(modules, 'vscode-oniguruma')) && fs.existsSync(goGrammar)) {
      return { modules, goGrammar };
    }
  }
  return undefined;
}

test('VS Code\'s TextMate engine with its Go grammar gives the directives their scopes', async (t) => {
  const found = vscodeTextmate();
  if (!found) {
    t.skip('vscode-textmate, vscode-oniguruma and the Go grammar are not here (run scripts/install-test-tools.sh for code-server)');
    return;
  }
  const load = createRequire(path.join(found.modules, 'x.js'));
  const textmate = load('vscode-textmate');
  const oniguruma = load('vscode-oniguruma');
  const wasm = fs.readFileSync(path.join(found.modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const injection = grammar().scopeName;
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope: string) => {
      const file = scope === 'source.go' ? found.goGrammar : scope === injection ? GRAMMAR_PATH : undefined;
      return file ? textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => (scope === 'source.go' ? [injection] : undefined),
  });
  const go = await registry.loadGrammar('source.go');
  const byLine: string[][][] = [];
  let stack = textmate.INITIAL;
  for (const line of SAMPLE) {
    const r = go.tokenizeLine(line, stack);
    const scopes: string[][] = [...line].map(() => []);
    for (const token of r.tokens as { startIndex: number; endIndex: number; scopes: string[] }[]) {
      for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = token.scopes;
    }
    byLine.push(scopes);
    stack = r.ruleStack;
  }
  checkExpected((line) => byLine[line], 'vscode-textmate');
  // The block comment still ends where Go says: the code after it is code again.
  const after = byLine[10][SAMPLE[10].indexOf('_ = x')];
  assert.ok(!after.some((s) => s.startsWith('comment')), `code after */ is not a comment: ${JSON.stringify(after)}`);
  // The directive sits inside the comment scope, which the injection selector asked for.
  assert.ok(byLine[3][SAMPLE[3].indexOf('maprace:ignore')].includes('comment.line.double-slash.go'));
});
