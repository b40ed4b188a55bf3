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
import { mayHaveFindings } from '../../server/src/analysis/prefilter';

const FIXTURES = path.join(ROOT, 'test/testdata/src');

function runCli(args: string[], workers: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env, MAPRACE_WORKERS: workers },
  });
  if (r.error) throw r.error;
  return r;
}

test("the bench's analysis-off scan (its floor row) reads and parses but reports nothing", () => {
  for (const workers of ['0', '2']) {
    const r = runCli(['--format', 'json', FIXTURES], workers, { MAPRACE_BENCH_SKIP_ANALYSIS: '1' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  }
});

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

/** A package of `files` files, each with functions enough for ~100 KB of source; one of them races. */
function bigPackage(dir: string, files: number): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'race.go'), 'package big\n\nvar hits = map[string]int{}\n\nfunc Record(k string) {\n\tgo func() { hits[k]++ }()\n\thits[k] = 0\n}\n');
  for (let i = 0; i < files; i++) {
    let body = 'package big\n\n';
    for (let f = 0; f < 120; f++) {
      body += `func f${i}_${f}(xs []int) int {\n\tn := 0\n`;
      for (let l = 0; l < 20; l++) body += `\tif len(xs) > ${l} {\n\t\tn += xs[${l}] * ${l}\n\t}\n`;
      body += '\treturn n\n}\n\n';
    }
    fs.writeFileSync(path.join(dir, `gen${i}.go`), body);
  }
}

test('a package too big for a worker\'s heap is analysed on the main thread, with the same findings', () => {
  const root = fs.mkdtempSync(path.join(ROOT, 'out', 'bigpkg-'));
  try {
    bigPackage(path.join(root, 'big'), 24);
    fs.cpSync(path.join(FIXTURES, 'concurrent-map-access'), path.join(root, 'fixtures'), { recursive: true });
    const one = runCli(['--format', 'json', root], '0');
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', root], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 1 << 28,
      env: { ...process.env, MAPRACE_WORKERS: '2', MAPRACE_WORKER_HEAP_MB: '24' },
    });
    assert.equal(one.status, 1, one.stderr);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(JSON.parse(one.stdout).some((f: { file: string }) => f.file.endsWith('race.go')), 'the big package has its finding');
    assert.equal(r.stdout, one.stdout);
    assert.match(r.stderr, /big: too big for a scan worker's heap \(24 MB\); analysed on the main thread/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
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
