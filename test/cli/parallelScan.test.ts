// The parallel scan gives exactly what one thread gives, and the text prefilter only skips packages
// whose analysis finds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT } from './run';
import { analyzePackage } from '../../server/src/analysis/index';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { groupByPackage, listGoFiles } from '../../server/src/project/goFiles';
import { mayHaveFindings } from '../../server/src/cli/prefilter';

const FIXTURES = path.join(ROOT, 'test/testdata/src');

function runCli(args: string[], workers: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, MAPRACE_WORKERS: workers },
  });
  if (r.error) throw r.error;
  return r;
}

test('two workers and one thread report the same findings, in the same order, over the fixture corpus', () => {
  const one = runCli(['--format', 'json', FIXTURES], '0');
  const two = runCli(['--format', 'json', FIXTURES], '2');
  assert.equal(one.status, 1, one.stderr);
  assert.equal(two.status, 1, two.stderr);
  const findings = JSON.parse(two.stdout);
  assert.ok(findings.length > 50, `the corpus has many findings (${findings.length})`);
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
});

function goroot(): string | undefined {
  try {
    return execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

test('every standard-library package the prefilter skips has no finding when analysed in full', async (t) => {
  const root = goroot();
  if (!root) {
    t.skip('no Go toolchain on PATH: cannot list the standard library');
    return;
  }
  const parser = await createGoParser();
  let skipped = 0;
  let kept = 0;
  try {
    for (const top of ['encoding', 'strconv', 'unicode', 'math', 'crypto', 'image', 'sort', 'bytes', 'strings', 'errors']) {
      const dir = path.join(root, 'src', top);
      if (!fs.existsSync(dir)) continue;
      for (const [pkg, files] of groupByPackage(listGoFiles(dir))) {
        const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
        if (mayHaveFindings(texts)) {
          kept++;
          continue;
        }
        skipped++;
        const findings = analyzePackage(files.map((f, i) => parseSourceFile(parser, f, texts[i])));
        assert.deepEqual(findings.map((f) => `${f.file}:${f.range.start.line} ${f.rule}`), [], `${pkg} was skipped`);
      }
    }
  } finally {
    parser.delete();
  }
  assert.ok(skipped >= 10 && kept >= 10, `both kinds of package were seen (skipped ${skipped}, kept ${kept})`);
});

test('the prefilter keeps every fixture package that has a finding', () => {
  for (const [dir, files] of groupByPackage(listGoFiles(FIXTURES))) {
    const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
    const wanted = texts.some((t) => t.includes('// want "'));
    if (wanted) assert.ok(mayHaveFindings(texts), `${path.relative(FIXTURES, dir)} has wanted findings`);
  }
});
