// The fixing loop of `maprace --fix` with a stand-in analysis: it must stop when a round removes no
// finding (a fix that does not fix would otherwise be applied again and again) and at the round limit.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixInMemory, load, MAX_ROUNDS } from '../../server/src/cli/fix';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import type { Finding, SourceFile } from '../../server/src/analysis/index';
import { tempTree } from './run';

/** A finding at line 0 whose preferred fix puts `comment` at the top of the file (replacing the first `p`, so such fixes conflict). */
function finding(file: string, comment: string): Finding {
  const at = { line: 0, character: 0 };
  const next = { line: 0, character: 1 };
  return {
    file,
    rule: 'concurrent-map-access',
    severity: 'error',
    message: 'stand-in',
    range: { start: at, end: at },
    related: [],
    fixes: [{ title: `add ${comment}`, preferred: true, edits: [{ file, range: { start: at, end: next }, newText: `// ${comment}\np` }] }],
  };
}

async function run(analyse: (sources: SourceFile[]) => Finding[]) {
  const dir = tempTree({ 'p.go': 'package p\n' });
  const file = path.join(dir, 'p.go');
  const parser = await createGoParser();
  try {
    const loaded = new Map([[file, load(file)]]);
    const sources = [parseSourceFile(parser, file, loaded.get(file)!.text)];
    const result = fixInMemory(parser, { dir, files: [file], report: 'all' }, loaded, analyse, { sources, findings: analyse(sources) });
    return { file, result };
  } finally {
    parser.delete();
  }
}

test('a fix that leaves its finding is applied once, then the loop stops and says so', async () => {
  const { file, result } = await run((sources) => [finding(sources[0].path, 'again')]);
  assert.equal(result.texts.get(file), '// again\npackage p\n');
  assert.deepEqual(result.applied.map((a) => a.title), ['add again']);
  assert.match(result.notices.join('\n'), /stopped after 1 fixing rounds with 1 fixable findings left/);
});

test('fixes that keep making progress stop at the round limit', async () => {
  // One finding fewer per added line, all fixed at one point: one fix a round, each round progresses.
  const { file, result } = await run((sources) => {
    const lines = sources[0].text.split('\n').length;
    return Array.from({ length: 60 - lines }, (_, i) => finding(sources[0].path, `${lines}-${i}`));
  });
  assert.equal(result.applied.length, MAX_ROUNDS);
  assert.equal(result.texts.get(file)!.split('\n').length, 2 + MAX_ROUNDS);
  assert.match(result.notices.join('\n'), new RegExp(`stopped after ${MAX_ROUNDS} fixing rounds`));
});

test('a fix that would leave a syntax error is not applied and is an internal error', async () => {
  const { file, result } = await run((sources) => {
    const broken = finding(sources[0].path, '');
    broken.fixes[0].title = 'break it';
    broken.fixes[0].edits[0].newText = 'func (\n';
    return [broken];
  });
  assert.equal(result.texts.get(file), 'package p\n');
  assert.deepEqual(result.applied, []);
  assert.match(result.errors.join('\n'), /internal error: fixing left a syntax error in .*p\.go/);
});

test('a disabled fix is never applied, even one marked preferred with edits: the next preferred fix is', async () => {
  const { file, result } = await run((sources) => {
    if (sources[0].text.includes('// applicable')) return [];
    const f = finding(sources[0].path, 'disabled');
    const [wrong] = f.fixes;
    f.fixes = [{ ...wrong, title: 'cannot', disabled: 'it would deadlock' }, finding(sources[0].path, 'applicable').fixes[0]];
    return [f];
  });
  assert.equal(result.texts.get(file), '// applicable\npackage p\n');
  assert.deepEqual(result.applied.map((a) => a.title), ['add applicable']);
});

test('a finding whose only fix is disabled is left alone', async () => {
  const { file, result } = await run((sources) => {
    const f = finding(sources[0].path, 'disabled');
    f.fixes[0].disabled = 'it would deadlock';
    return [f];
  });
  assert.equal(result.texts.get(file), 'package p\n');
  assert.deepEqual(result.applied, []);
  assert.deepEqual(result.notices, [], 'no fixable finding is left over');
});
