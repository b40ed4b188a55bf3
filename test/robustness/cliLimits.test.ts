// The built CLI on files over its limits: each skipped file gets one line on stderr saying why, the other
// files' findings are still reported, stdout stays one JSON array of findings and the exit status is the
// findings' (never 2, "internal error").
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, tempTree, type JsonFinding } from '../cli/run';
import { hugeFile, NESTINGS, pathologicalErrors, racyFile, slowPackage } from './mutations';

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return r;
}

const racyLines = (findings: JsonFinding[], file: string) =>
  findings.filter((f) => f.file === file).map((f) => f.range.start.line).sort((a, b) => a - b);

/** p/ holds a 20 MB file and a 5,000-level one next to a racy file; q/ is a racy package of its own. */
function tree(): string {
  return tempTree({
    'p/big.go': hugeFile(20 * 1024 * 1024),
    'p/deep.go': NESTINGS.parentheses(5000),
    'p/racy.go': racyFile(),
    'q/racy.go': racyFile('q'),
  });
}

for (const workers of ['0', '2']) {
  test(`a 20 MB file and 5,000 levels of nesting are skipped with a notice, the rest is reported (${workers === '0' ? 'one thread' : 'scan workers'})`, () => {
    const root = tree();
    const started = Date.now();
    const r = run(['--format', 'json', root], { MAPRACE_WORKERS: workers });
    assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
    assert.equal(r.status, 1, `findings, not an internal error; stderr: ${r.stderr}`);
    const findings: JsonFinding[] = JSON.parse(r.stdout);
    assert.ok(Array.isArray(findings) && findings.every((f) => typeof f.rule === 'string'), 'stdout is one array of findings');
    assert.deepEqual(racyLines(findings, path.join(root, 'p', 'racy.go')), [5, 6]);
    assert.deepEqual(racyLines(findings, path.join(root, 'q', 'racy.go')), [5, 6]);
    assert.equal(findings.length, 4);
    assert.deepEqual(r.stderr.split('\n').filter(Boolean).sort(), [
      `maprace: skipped ${path.join(root, 'p', 'big.go')}: too large (20.0 MB; limit 2 MB)`,
      `maprace: skipped ${path.join(root, 'p', 'deep.go')}: too deeply nested (over 500 levels)`,
    ]);
  });
}

test('text format and --fix: the same notices, the racy file still fixed', () => {
  const root = tree();
  const text = run([root]);
  assert.equal(text.status, 1, text.stderr);
  assert.match(text.stderr, /^maprace: skipped .*big\.go: too large \(20\.0 MB; limit 2 MB\)$/m);
  assert.match(text.stderr, /^maprace: skipped .*deep\.go: too deeply nested \(over 500 levels\)$/m);
  const fixed = run(['--fix', root]);
  assert.equal(fixed.status, 0, fixed.stderr);
  assert.match(fixed.stderr, /^maprace: skipped .*big\.go: too large/m);
  assert.match(fixed.stderr, /^maprace: skipped .*deep\.go: too deeply nested/m);
  assert.match(fs.readFileSync(path.join(root, 'p', 'racy.go'), 'utf8'), /sync\.Mutex/);
  assert.equal(fs.readFileSync(path.join(root, 'p', 'deep.go'), 'utf8'), NESTINGS.parentheses(5000), 'a skipped file is never edited');
});

test('a parse over the timeout is cancelled and skipped; the next file parses correctly (the parser was reset)', () => {
  // About 1.5 MB of data parses in a few hundred ms, the racy file in well under 50.
  const root = tempTree({ 'p/a_data.go': hugeFile(1_500_000), 'p/b_racy.go': racyFile() });
  const r = run(['--format', 'json', root], { MAPRACE_PARSE_TIMEOUT_MS: '50' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, `maprace: skipped ${path.join(root, 'p', 'a_data.go')}: too slow to parse (over 50 ms)\n`);
  assert.deepEqual(racyLines(JSON.parse(r.stdout), path.join(root, 'p', 'b_racy.go')), [5, 6]);
});

test('a file of syntax errors that tree-sitter would take minutes over is cancelled at the parse timeout', () => {
  const root = tempTree({ 'p/a_errors.go': pathologicalErrors(1_800_000), 'p/b_racy.go': racyFile() });
  const started = Date.now();
  const r = run(['--format', 'json', root], { MAPRACE_PARSE_TIMEOUT_MS: '1000' });
  assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, `maprace: skipped ${path.join(root, 'p', 'a_errors.go')}: too slow to parse (over 1 s)\n`);
  assert.deepEqual(racyLines(JSON.parse(r.stdout), path.join(root, 'p', 'b_racy.go')), [5, 6]);
});

test('a package whose analysis runs over the budget is skipped with a notice; the other packages are reported', () => {
  const root = tempTree({ 'slow/slow.go': slowPackage(8, 110), 'q/racy.go': racyFile('q') });
  const r = run(['--format', 'json', root], { MAPRACE_ANALYSIS_BUDGET_MS: '300' });
  assert.equal(r.status, 1, r.stderr);
  assert.equal(r.stderr, `maprace: skipped ${path.join(root, 'slow')}: too slow (analysis over 300 ms)\n`);
  assert.deepEqual(racyLines(JSON.parse(r.stdout), path.join(root, 'q', 'racy.go')), [5, 6]);
});
