// A mutation fuzzer over real Go (the fixture corpus and some of GOROOT): whatever the text, parsing, the
// analysis, its fixes and hover never throw and finish in bounded time; files over a limit are skipped
// with the reason. MAPRACE_FUZZ=long (or a count) runs more mutants; MAPRACE_FUZZ_SEED replays one run
// (a failure prints the seed that reproduces it).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser, type Parser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { ANALYSIS_BUDGET_MS, FileSkipped, MAX_NESTING } from '../../server/src/parsing/limits';
import { analyzePackage, describeMapAt, type SourceFile, type TextEdit } from '../../server/src/analysis/index';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { AnalysisTooSlow, withBudget } from '../../server/src/analysis/budget';
import { testdataDir } from '../support/fixtureCorpus';
import { hugeFile, mutate, NESTINGS, ODD_PACKAGES, packageLevelChain, racyFile, rng } from './mutations';

const FUZZ = process.env.MAPRACE_FUZZ ?? '';
/** Mutants per run: enough to cover every mutation on every kind of seed in well under a minute here. */
const COUNT = FUZZ === 'long' ? 20_000 : Number(FUZZ) > 0 ? Number(FUZZ) : 6000;
/** Fixed by default, so CI runs the same mutants; a long run explores new ones unless given a seed. */
const BASE_SEED = Number(process.env.MAPRACE_FUZZ_SEED) || (FUZZ === 'long' ? Date.now() % 1e9 : 20261126);
/** No mutant of a normal-sized file may take this long (parse, analysis, fixes and hover together). */
const MUTANT_BOUND_MS = 10_000;

interface Seed {
  name: string;
  files: { path: string; text: string }[];
}

function fixtureSeeds(): Seed[] {
  const src = path.join(testdataDir(), 'src');
  const seeds: Seed[] = [];
  for (const rule of fs.readdirSync(src).sort()) {
    for (const c of fs.readdirSync(path.join(src, rule)).sort()) {
      const dir = path.join(src, rule, c);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.go')).sort();
      seeds.push({ name: `${rule}/${c}`, files: files.map((f) => ({ path: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') })) });
    }
  }
  return seeds;
}

/** Files of GOROOT with maps, mutexes and goroutines; none if Go is not installed (said in the output). */
function stdSeeds(): Seed[] {
  const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  if (goroot.status !== 0) {
    console.log(`# no Go toolchain (${goroot.error?.message ?? goroot.stderr.trim()}): fuzzing the fixture corpus only`);
    return [];
  }
  const files = ['sync/map.go', 'expvar/expvar.go', 'mime/type.go', 'encoding/gob/type.go', 'net/rpc/server.go', 'net/http/server.go'];
  return files
    .map((f) => path.join(goroot.stdout.trim(), 'src', f))
    .filter((f) => fs.existsSync(f))
    .map((f) => ({ name: `GOROOT/${path.relative(path.join(goroot.stdout.trim(), 'src'), f)}`, files: [{ path: f, text: fs.readFileSync(f, 'utf8') }] }));
}

interface Outcome {
  skipped: string[];
  tooSlow: boolean;
  findings: number;
  ms: number;
}

/** What the CLI and the server do with a package's texts, plus every fix applied and hover at a few places. */
function exercise(parser: Parser, files: readonly { path: string; text: string }[], probe = rng(1)): Outcome {
  const started = performance.now();
  const sources: SourceFile[] = [];
  const skipped: string[] = [];
  for (const f of files) {
    try {
      sources.push(parseSourceFile(parser, f.path, f.text));
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      skipped.push(err.reason);
    }
  }
  let tooSlow = false;
  let findings: ReturnType<typeof analyzePackage> = [];
  try {
    findings = withBudget(ANALYSIS_BUDGET_MS, () => analyzePackage(sources, { goVersion: '1.19' }));
  } catch (err) {
    if (!(err instanceof AnalysisTooSlow)) throw err;
    tooSlow = true;
  }
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  for (const finding of findings) {
    for (const fix of finding.fixes) {
      const byFile = new Map<string, TextEdit[]>();
      for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      for (const [file, edits] of byFile) {
        const text = texts.get(file);
        assert.ok(text !== undefined, `fix "${fix.title}" edits ${file}, which is not in the package`);
        applyEdits(text, edits);
      }
    }
  }
  for (const s of sources) {
    for (let i = 0; i < 3; i++) describeMapAt(sources, s.path, Math.floor(probe() * (s.text.length + 1)));
  }
  return { skipped, tooSlow, findings: findings.length, ms: performance.now() - started };
}

/** Writes a failing mutant's package to a temporary directory, so it outlives changes to the seeds. */
function keep(seed: number, files: readonly { path: string; text: string }[]): string {
  const dir = path.join(os.tmpdir(), `maprace-fuzz-${seed}`, 'p');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) fs.writeFileSync(path.join(dir, path.basename(f.path)), f.text);
  return dir;
}

let parserPromise: Promise<Parser> | undefined;
const parser = () => (parserPromise ??= createGoParser());

test(`mutants of real Go never make parsing, the analysis, fixes or hover throw, and finish in bounded time (${COUNT} mutants, seed ${BASE_SEED})`, async () => {
  const p = await parser();
  const odd = Object.entries(ODD_PACKAGES).map(([name, text]) => ({ name, files: [{ path: `/fuzz/${name}.go`, text }] }));
  const seeds = [...fixtureSeeds(), ...stdSeeds(), ...odd];
  assert.ok(seeds.length > 100, 'the fixture corpus is there');
  const donors = seeds.flatMap((s) => s.files.map((f) => f.text));
  const stats = { analysed: 0, skipped: new Map<string, number>(), tooSlow: 0, findings: 0, slowest: { ms: 0, seed: 0 } };
  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const seed = BASE_SEED + i;
    const r = rng(seed);
    const origin = seeds[Math.floor(r() * seeds.length)];
    const target = Math.floor(r() * origin.files.length);
    const { text, applied } = mutate(r, origin.files[target].text, donors);
    const files = origin.files.map((f, j) => (j === target ? { path: f.path, text } : f));
    const replay = () =>
      `mutant seed ${seed} (${applied.join(' + ')} of ${origin.files[target].path}); replay with MAPRACE_FUZZ_SEED=${seed} MAPRACE_FUZZ=1 ` +
      `(while the seed files are the same), or run maprace on ${keep(seed, files)}`;
    let outcome: Outcome;
    try {
      outcome = exercise(p, files, r);
    } catch (err) {
      assert.fail(`${replay()}: ${(err as Error).stack ?? err}`);
    }
    if (outcome.ms >= MUTANT_BOUND_MS) assert.fail(`${replay()}: took ${outcome.ms.toFixed(0)} ms`);
    if (outcome.ms > stats.slowest.ms) stats.slowest = { ms: outcome.ms, seed };
    stats.analysed++;
    stats.findings += outcome.findings;
    if (outcome.tooSlow) stats.tooSlow++;
    for (const s of outcome.skipped) stats.skipped.set(s, (stats.skipped.get(s) ?? 0) + 1);
  }
  console.log(
    `# ${stats.analysed} mutants in ${((performance.now() - started) / 1000).toFixed(1)} s, ${stats.findings} findings, ` +
      `slowest ${stats.slowest.ms.toFixed(0)} ms (seed ${stats.slowest.seed}), skipped: ${JSON.stringify([...stats.skipped])}, too slow: ${stats.tooSlow}`,
  );
  // Mutants of normal files stay under every limit: a skip here would be a limit set too low.
  assert.deepEqual([...stats.skipped], []);
  assert.equal(stats.tooSlow, 0);
});

test('packages odd in meaning (cycles in types, calls and closures, duplicate declarations, shadowed builtins) are analysed', async () => {
  const p = await parser();
  for (const [name, text] of Object.entries(ODD_PACKAGES)) {
    const outcome = exercise(p, [{ path: `/fuzz/${name}.go`, text }], rng(7));
    assert.deepEqual(outcome.skipped, [], name);
    assert.ok(!outcome.tooSlow && outcome.ms < 2000, `${name}: ${JSON.stringify(outcome)}`);
  }
});

test('5,000 levels of nesting, in every shape, are skipped as too deeply nested, quickly', async () => {
  const p = await parser();
  for (const [shape, make] of Object.entries(NESTINGS)) {
    const outcome = exercise(p, [{ path: `/fuzz/${shape}.go`, text: make(5000) }]);
    assert.equal(outcome.skipped.length, 1, `${shape}: ${JSON.stringify(outcome)}`);
    assert.match(outcome.skipped[0], /^too deeply nested \(over 500 levels\)$/, shape);
    assert.ok(outcome.ms < 2000, `${shape}: ${outcome.ms.toFixed(0)} ms`);
  }
});

/** Recurses `n` plain frames deep, then runs `work`; `seen.depth` counts how deep it got. */
function burn<T>(n: number, work: () => T, seen: { depth: number }): T {
  seen.depth++;
  return n === 0 ? work() : burn(n - 1, work, seen);
}

/** How many burn() frames the stack holds, as node starts it (measured warm, as burn() then runs). */
function stackCapacity(): number {
  const seen = { depth: 0 };
  for (let i = 0; i < 3; i++) {
    seen.depth = 0;
    try {
      burn(Number.MAX_SAFE_INTEGER, () => 0, seen);
    } catch {
      // RangeError: seen.depth is the capacity.
    }
  }
  return seen.depth;
}

test('just under the nesting limit, every shape is analysed (fixes and hover too) with half the stack already used', async () => {
  const p = await parser();
  const half = Math.floor(stackCapacity() / 2);
  for (const [shape, make] of Object.entries(NESTINGS)) {
    // The deepest instance of this shape that is not skipped.
    let lo = 1;
    let hi = MAX_NESTING + 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (exercise(p, [{ path: '/fuzz/probe.go', text: make(mid) }]).skipped.length) hi = mid;
      else lo = mid;
    }
    const text = make(lo);
    const outcome = burn(half, () => {
      try {
        return exercise(p, [{ path: `/fuzz/${shape}.go`, text }]);
      } catch (err) {
        assert.fail(`${shape} at ${lo} levels: ${(err as Error).stack?.split('\n').slice(0, 12).join('\n')}`);
      }
    }, { depth: 0 });
    assert.deepEqual(outcome.skipped, [], shape);
    assert.ok(!outcome.tooSlow && outcome.ms < MUTANT_BOUND_MS, `${shape} at ${lo}: ${JSON.stringify(outcome)}`);
  }
});

test('a `+` chain of 100,000 strings at package level (generated data, like zipdata.go) is analysed, not skipped', async () => {
  const p = await parser();
  const outcome = exercise(p, [{ path: '/fuzz/chain.go', text: packageLevelChain(100_000) }]);
  assert.deepEqual(outcome.skipped, []);
  assert.equal(outcome.findings, 2, 'the race next to the data is still found');
});

test('a 20 MB file is skipped as too large without being parsed', async () => {
  const p = await parser();
  const text = hugeFile(20 * 1024 * 1024);
  assert.equal(text.length, 20 * 1024 * 1024);
  const outcome = exercise(p, [{ path: '/fuzz/huge.go', text }, { path: '/fuzz/racy.go', text: racyFile() }]);
  assert.deepEqual(outcome.skipped, ['too large (20.0 MB; limit 2 MB)']);
  assert.equal(outcome.findings, 2, 'the other file of the package is analysed');
  assert.ok(outcome.ms < 1000, `${outcome.ms.toFixed(0)} ms`);
});
