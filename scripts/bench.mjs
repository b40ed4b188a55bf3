// `npm run bench`: (a) cold CLI scan of the Go standard library against a bare tree-sitter parse of the
// same files; (b) edit-to-diagnostics latency of the language server on net/http/h2_bundle.go;
// (c) opening h2_bundle.go with all of GOROOT/src as the workspace: first diagnostics, indexing, memory;
// (d) typing in h2_bundle.go while GOROOT/src is indexed. Prints a table and writes bench/results.json.
// Options: --runs N (default 3), --edits N (default 100), --skip-scan, --skip-latency, --skip-opening,
// --skip-indexing-latency, --profile DIR (write the language server's CPU profile there; its figures are then not comparable),
// --samples FILE (write each edit's latency and line there, for finding the slow ones).
import * as esbuild from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspClient } from '../bench/lspClient.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const EDITS = Number(option('--edits', 100));
// The machine is shared: each scan runs RUNS times, alternating, and the fastest run counts.
const RUNS = Number(option('--runs', 3));
const TIME = '/usr/bin/time';

function goEnv(name) {
  try {
    return execFileSync('go', ['env', name], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

// The same rule as server/src/project/goFiles.ts, for warming the page cache only.
const skipped = (name) => name === 'testdata' || name === 'vendor' || name === 'node_modules' || /^[._]/.test(name);
function warm(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() && !skipped(e.name)) warm(join(dir, e.name));
    else if (e.isFile() && e.name.endsWith('.go')) readFileSync(join(dir, e.name));
  }
}

async function buildBundles() {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--no-tests'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
  await esbuild.build({
    entryPoints: { parseOnly: join(root, 'bench/parseOnly.ts') },
    outdir: join(root, 'out/bench'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
    absWorkingDir: root,
  });
}

/** Runs `node args...` once; wall time from spawn to exit, peak RSS from /usr/bin/time -v or the child itself. */
function measure(args, env = {}) {
  const useTime = existsSync(TIME);
  const rssFile = join(os.tmpdir(), `maprace-bench-rss-${process.pid}`);
  const nodeArgs = useTime ? args : ['--require', join(root, 'bench/reportRss.cjs'), ...args];
  const [cmd, cmdArgs] = useTime ? [TIME, ['-v', process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...env, MAPRACE_BENCH_RSS_FILE: rssFile },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKiB;
  let cpuSeconds;
  if (useTime) {
    rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
    cpuSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]) + Number(/System time \(seconds\): ([\d.]+)/.exec(r.stderr)?.[1]);
  }
  else if (existsSync(rssFile)) {
    rssKiB = Number(readFileSync(rssFile, 'utf8'));
    rmSync(rssFile);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, wallMs, cpuSeconds, rssMB: rssKiB / 1024, rssFrom: useTime ? '/usr/bin/time -v' : 'process.resourceUsage' };
}

async function scanBenchmark(goroot) {
  const src = join(goroot, 'src');
  // The std packages: every top-level directory except cmd/ (the toolchain), testdata/ and vendor/.
  const roots = readdirSync(src, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !skipped(e.name) && e.name !== 'cmd')
    .map((e) => join(src, e.name));
  for (const r of roots) warm(r);

  const fastest = (runs) => runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
  const parseRuns = [];
  const cliArgs = [join(root, 'dist/cli.js'), '--format', 'json', ...roots];
  const cliRuns = [];
  const floorRuns = [];
  for (let i = 0; i < RUNS; i++) {
    console.error(`bench: run ${i + 1}/${RUNS}: bare parse of the standard library...`);
    const p = measure([join(root, 'out/bench/parseOnly.js'), ...roots]);
    if (p.status !== 0) throw new Error(`parse-only run failed: ${p.stderr.slice(-2000)}`);
    parseRuns.push(p);
    console.error(`bench: run ${i + 1}/${RUNS}: maprace --format json on the standard library...`);
    const c = measure(cliArgs);
    if (c.status !== 0 && c.status !== 1) throw new Error(`maprace exited ${c.status}: ${c.stderr.slice(-2000)}`);
    cliRuns.push(c);
    console.error(`bench: run ${i + 1}/${RUNS}: maprace with its analysis switched off...`);
    const f = measure(cliArgs, { MAPRACE_BENCH_SKIP_ANALYSIS: '1' });
    if (f.status !== 0) throw new Error(`maprace without analysis exited ${f.status}: ${f.stderr.slice(-2000)}`);
    floorRuns.push(f);
  }
  const parse = fastest(parseRuns);
  const cli = fastest(cliRuns);
  const floor = fastest(floorRuns);
  const corpus = JSON.parse(parse.stdout.trim().split('\n').pop());
  const findings = JSON.parse(cli.stdout);
  const byRule = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  return {
    corpus: `${src} without cmd/, testdata/, vendor/`,
    files: corpus.files,
    lines: corpus.lines,
    megabytes: corpus.bytes / 1e6,
    filesWithParseErrors: corpus.errorFiles,
    runs: RUNS,
    bareParse: {
      wallSeconds: parse.wallMs / 1000,
      cpuSeconds: parse.cpuSeconds,
      parseLoopSeconds: corpus.parseMs / 1000,
      peakRssMB: parse.rssMB,
      allWallSeconds: parseRuns.map((r) => r.wallMs / 1000),
    },
    cli: {
      wallSeconds: cli.wallMs / 1000,
      cpuSeconds: cli.cpuSeconds,
      peakRssMB: cli.rssMB,
      allWallSeconds: cliRuns.map((r) => r.wallMs / 1000),
      exitStatus: cli.status,
      findings: findings.length,
      findingsByRule: byRule,
    },
    ratio: cli.wallMs / parse.wallMs,
    // The same scan reading, parsing and copying the trees but not analysing them: this design's floor.
    withoutAnalysis: {
      wallSeconds: floor.wallMs / 1000,
      cpuSeconds: floor.cpuSeconds,
      peakRssMB: floor.rssMB,
      allWallSeconds: floorRuns.map((r) => r.wallMs / 1000),
      ratio: floor.wallMs / parse.wallMs,
    },
    rssMeasuredWith: cli.rssFrom,
  };
}

// A small seeded PRNG so every run edits the same places.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function peakRssOf(pid) {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** GOROOT's h2_bundle.go and the built server, which runs (b) to (d) need; `unavailable` says why not. */
function h2Bundle(goroot) {
  const file = join(goroot, 'src/net/http/h2_bundle.go');
  const server = join(root, 'dist/server.js');
  if (!existsSync(file)) return { unavailable: `${file} not found` };
  if (!existsSync(server)) return { unavailable: 'dist/server.js is missing (npm run build)' };
  return { file, server, uri: pathToFileURL(file).href };
}

async function latencyBenchmark(goroot) {
  const folder = join(goroot, 'src/net/http');
  const h2 = h2Bundle(goroot);
  if (h2.unavailable) return h2;
  const { file, server, uri } = h2;
  const profile = option('--profile', undefined);
  const nodeArgs = profile ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const client = new LspClient(process.execPath, [...nodeArgs, server, '--stdio'], { cwd: root });
  try {
    let init;
    try {
      init = await client.request('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'http' }],
        capabilities: {
          textDocument: {
            synchronization: { dynamicRegistration: false },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            publishDiagnostics: { relatedInformation: true },
          },
          workspace: { workspaceFolders: true, configuration: true },
        },
      }, 60_000);
    } catch (err) {
      return { unavailable: `the server did not answer initialize: ${err.message.split('\n')[0]}` };
    }
    const caps = init?.capabilities ?? {};
    if (!caps.diagnosticProvider) return { unavailable: 'the server does not offer pull diagnostics (textDocument/diagnostic) yet' };
    const sync = typeof caps.textDocumentSync === 'number' ? caps.textDocumentSync : caps.textDocumentSync?.change;
    const incremental = sync === 2;
    client.notify('initialized', {});

    let text = readFileSync(file, 'utf8');
    let version = 1;
    const tOpen = process.hrtime.bigint();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version, text } });
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    const openMs = Number(process.hrtime.bigint() - tOpen) / 1e6;
    const baseline = first?.items?.length ?? 0;

    const random = mulberry32(20261126);
    const lines = text.split('\n');
    const samples = [];
    let inserted;
    for (let i = 0; i < EDITS; i++) {
      let range;
      let newText;
      if (!inserted) {
        const line = Math.floor(random() * lines.length);
        const character = Math.floor(random() * (lines[line].length + 1));
        range = { start: { line, character }, end: { line, character } };
        newText = ' ';
        lines[line] = lines[line].slice(0, character) + ' ' + lines[line].slice(character);
        inserted = { line, character };
      } else {
        const { line, character } = inserted;
        range = { start: { line, character }, end: { line, character: character + 1 } };
        newText = '';
        lines[line] = lines[line].slice(0, character) + lines[line].slice(character + 1);
        inserted = undefined;
      }
      text = lines.join('\n');
      version++;
      const t0 = process.hrtime.bigint();
      client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [incremental ? { range, text: newText } : { text }],
      });
      const report = await client.request('textDocument/diagnostic', { textDocument: { uri } });
      samples.push({ ms: Number(process.hrtime.bigint() - t0) / 1e6, items: report?.items?.length, line: range.start.line, insert: newText === ' ' });
    }
    const samplesFile = option('--samples', undefined);
    if (samplesFile) writeFileSync(samplesFile, JSON.stringify(samples) + '\n');
    const serverRssMB = peakRssOf(client.proc.pid);
    const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
    return {
      file: file,
      lines: lines.length,
      textDocumentSync: incremental ? 'incremental' : 'full',
      edits: EDITS,
      openToFirstDiagnosticsMs: openMs,
      diagnosticsOnOpen: baseline,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1],
      meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length,
      serverPeakRssMB: serverRssMB,
    };
  } catch (err) {
    return { unavailable: `the latency run failed: ${err.message.split('\n')[0]}`, serverStderr: client.stderr.slice(-1000) };
  } finally {
    await client.shutdown();
  }
}

/** Waits until `check()` gives something, polling; undefined after `timeoutMs`. */
async function until(check, timeoutMs) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = check();
    if (got !== undefined || Date.now() > end) return got;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Opens h2_bundle.go right after initialization with the whole of GOROOT/src as the workspace folder:
 * how long its first diagnostics take while the server indexes thousands of packages behind it, how long
 * indexing takes (its work-done progress ending), and the server's peak memory meanwhile.
 */
async function openingBenchmark(goroot) {
  const folder = join(goroot, 'src');
  const h2 = h2Bundle(goroot);
  if (h2.unavailable) return h2;
  const { file, server, uri } = h2;
  warm(folder);
  const client = new LspClient(process.execPath, [server, '--stdio'], { cwd: root });
  try {
    await initializeWorkspace(client, folder);
    const tInit = process.hrtime.bigint();
    client.notify('initialized', {});
    const text = readFileSync(file, 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text } });
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri } }, 600_000);
    const openMs = Number(process.hrtime.bigint() - tInit) / 1e6;
    const indexed = await until(() => indexingDone(client), 900_000);
    const indexingMs = Number(process.hrtime.bigint() - tInit) / 1e6;
    const progressEnded = client.notifications.some((n) => n.method === '$/progress' && n.params?.value?.kind === 'end');
    // The open document is still answered after indexing, from the same analysis.
    const after = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    return {
      workspace: folder,
      file,
      openToFirstDiagnosticsMs: openMs,
      diagnosticsOnOpen: first?.items?.length ?? 0,
      diagnosticsAfterIndexing: after?.kind === 'unchanged' ? (first?.items?.length ?? 0) : (after?.items?.length ?? 0),
      indexingMs: indexed ? indexingMs : undefined,
      indexingServerMs: indexed?.serverMs,
      packagesIndexed: indexed?.packages,
      progressEnded,
      serverPeakRssMB: peakRssOf(client.proc.pid),
      ...(indexed ? {} : { unavailable: 'indexing did not finish within 15 minutes' }),
    };
  } catch (err) {
    return { unavailable: `the opening run failed: ${err.message.split('\n')[0]}`, serverStderr: client.stderr.slice(-1000) };
  } finally {
    await client.shutdown();
  }
}

/** `initialize` with GOROOT/src (`folder`) as the workspace folder, work-done progress allowed. */
async function initializeWorkspace(client, folder) {
  await client.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'src' }],
    capabilities: {
      window: { workDoneProgress: true },
      textDocument: { diagnostic: { dynamicRegistration: false }, synchronization: { dynamicRegistration: false } },
      workspace: { workspaceFolders: true, configuration: true },
    },
  }, 60_000);
}

/** Indexing ends with its progress's `end` (the client allowed work-done progress) and a log line. */
function indexingDone(client) {
  for (const n of client.notifications) {
    const m = n.method === 'window/logMessage' ? /maprace: indexed (\d+) packages in (\d+) ms/.exec(n.params?.message ?? '') : null;
    if (m) return { packages: Number(m[1]), serverMs: Number(m[2]) };
  }
  return undefined;
}

/**
 * Typing in h2_bundle.go while all of GOROOT/src is being indexed: bursts of five one-character edits
 * 100 ms apart, each followed by a pull, then a 1 s pause (indexing goes on in pauses), until indexing
 * ends. The first edit of a burst is the one that could wait behind a package being indexed.
 */
async function indexingLatencyBenchmark(goroot) {
  const folder = join(goroot, 'src');
  const h2 = h2Bundle(goroot);
  if (h2.unavailable) return h2;
  const { file, server, uri } = h2;
  const client = new LspClient(process.execPath, [server, '--stdio'], { cwd: root });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  try {
    await initializeWorkspace(client, folder);
    client.notify('initialized', {});
    const lines = readFileSync(file, 'utf8').split('\n');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'go', version: 1, text: lines.join('\n') } });
    await client.request('textDocument/diagnostic', { textDocument: { uri } }, 600_000);
    const random = mulberry32(20261127);
    const samples = [];
    let version = 1;
    const t0 = Date.now();
    while (!indexingDone(client) && Date.now() - t0 < 300_000) {
      await sleep(1000);
      // Insert a space and take it out again, twice, then one more: the text drifts by a space a burst.
      let line = 0;
      for (let i = 0; i < 5; i++) {
        if (i % 2 === 0) line = Math.floor(random() * lines.length);
        const range = i % 2 === 0 ? { start: { line, character: 0 }, end: { line, character: 0 } } : { start: { line, character: 0 }, end: { line, character: 1 } };
        version++;
        const t = process.hrtime.bigint();
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: i % 2 === 0 ? ' ' : '' }] });
        await client.request('textDocument/diagnostic', { textDocument: { uri } });
        samples.push(Number(process.hrtime.bigint() - t) / 1e6);
        await sleep(100);
      }
    }
    const indexed = indexingDone(client);
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      edits: samples.length,
      indexingMs: Date.now() - t0,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1],
      firstOfBurstMaxMs: Math.max(...samples.filter((_, i) => i % 5 === 0)),
      ...(indexed ? {} : { unavailable: 'indexing did not finish within 5 minutes' }),
    };
  } catch (err) {
    return { unavailable: `the typing-while-indexing run failed: ${err.message.split('\n')[0]}`, serverStderr: client.stderr.slice(-1000) };
  } finally {
    await client.shutdown();
  }
}

const fmt = (n, digits = 1) => (n === undefined || Number.isNaN(n) ? 'n/a' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function printTable(results) {
  const out = [];
  out.push(`maprace benchmark, ${results.date}`);
  out.push(`machine: ${results.machine.cpus} x ${results.machine.cpuModel}, node ${results.machine.node}, ${results.machine.go}`);
  const s = results.scan;
  out.push('');
  out.push('(a) cold scan of the Go standard library');
  if (s.unavailable) out.push(`    not measured: ${s.unavailable}`);
  else {
    out.push(`    corpus: ${s.corpus}`);
    out.push(`    ${s.files.toLocaleString('en-US')} files, ${s.lines.toLocaleString('en-US')} lines, ${fmt(s.megabytes)} MB; ${s.filesWithParseErrors} files with a parse error`);
    out.push(`    fastest of ${s.runs} alternating runs (all wall times: parse ${s.bareParse.allWallSeconds.map((x) => fmt(x)).join(', ')} s; maprace ${s.cli.allWallSeconds.map((x) => fmt(x)).join(', ')} s)`);
    out.push('    | run | wall time | CPU time | peak RSS |');
    out.push('    |---|---|---|---|');
    out.push(`    | bare tree-sitter parse, 1 thread | ${fmt(s.bareParse.wallSeconds)} s (parse loop ${fmt(s.bareParse.parseLoopSeconds)} s) | ${fmt(s.bareParse.cpuSeconds)} s | ${fmt(s.bareParse.peakRssMB, 0)} MB |`);
    out.push(`    | maprace --format json (parse + analysis) | ${fmt(s.cli.wallSeconds)} s | ${fmt(s.cli.cpuSeconds)} s | ${fmt(s.cli.peakRssMB, 0)} MB |`);
    out.push(`    | ratio | ${fmt(s.ratio, 2)}x | | |`);
    const f = s.withoutAnalysis;
    if (f) out.push(`    | the same scan with its analysis switched off (read, parse, copy) | ${fmt(f.wallSeconds)} s (${fmt(f.ratio, 2)}x; all: ${f.allWallSeconds.map((x) => fmt(x)).join(', ')} s) | ${fmt(f.cpuSeconds)} s | ${fmt(f.peakRssMB, 0)} MB |`);
    out.push(`    findings: ${s.cli.findings} ${JSON.stringify(s.cli.findingsByRule)} (exit ${s.cli.exitStatus})`);
  }
  const l = results.latency;
  out.push('');
  out.push('(b) edit-to-diagnostics latency, language server, net/http/h2_bundle.go');
  if (l.unavailable) out.push(`    not measured: ${l.unavailable}`);
  else {
    out.push(`    ${l.edits} one-character edits (${l.textDocumentSync} sync), each followed by textDocument/diagnostic`);
    out.push('    | open -> first diagnostics | p50 | p95 | max | mean | server peak RSS |');
    out.push('    |---|---|---|---|---|---|');
    out.push(`    | ${fmt(l.openToFirstDiagnosticsMs, 0)} ms | ${fmt(l.p50Ms, 0)} ms | ${fmt(l.p95Ms, 0)} ms | ${fmt(l.maxMs, 0)} ms | ${fmt(l.meanMs, 0)} ms | ${fmt(l.serverPeakRssMB, 0)} MB |`);
    out.push(`    diagnostics on open: ${l.diagnosticsOnOpen}`);
  }
  const o = results.opening ?? { unavailable: 'not run' };
  out.push('');
  out.push('(c) opening net/http/h2_bundle.go with all of GOROOT/src as the workspace, language server');
  if (o.unavailable && o.openToFirstDiagnosticsMs === undefined) out.push(`    not measured: ${o.unavailable}`);
  else {
    out.push('    | open -> first diagnostics | indexing done (packages) | server peak RSS |');
    out.push('    |---|---|---|');
    out.push(`    | ${fmt(o.openToFirstDiagnosticsMs, 0)} ms | ${fmt(o.indexingMs / 1000)} s (${o.packagesIndexed ?? 'n/a'}) | ${fmt(o.serverPeakRssMB, 0)} MB |`);
    out.push(`    diagnostics on open: ${o.diagnosticsOnOpen}, after indexing: ${o.diagnosticsAfterIndexing}; work-done progress ended: ${o.progressEnded}${o.unavailable ? `; ${o.unavailable}` : ''}`);
  }
  const t = results.typingWhileIndexing ?? { unavailable: 'not run' };
  out.push('');
  out.push('(d) typing in net/http/h2_bundle.go while all of GOROOT/src is indexed, language server');
  if (t.unavailable && t.p95Ms === undefined) out.push(`    not measured: ${t.unavailable}`);
  else {
    out.push(`    ${t.edits} one-character edits in bursts of 5, 100 ms apart, 1 s between bursts, until indexing ended (${fmt(t.indexingMs / 1000)} s)`);
    out.push('    | p50 | p95 | max | first edit of a burst, max |');
    out.push('    |---|---|---|---|');
    out.push(`    | ${fmt(t.p50Ms, 0)} ms | ${fmt(t.p95Ms, 0)} ms | ${fmt(t.maxMs, 0)} ms | ${fmt(t.firstOfBurstMaxMs, 0)} ms |${t.unavailable ? ` ${t.unavailable}` : ''}`);
  }
  console.log(out.join('\n'));
}

const goroot = goEnv('GOROOT');
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    go: goroot ? execFileSync('go', ['version'], { encoding: 'utf8' }).trim() : 'no go toolchain',
  },
};
await buildBundles();
if (!goroot) {
  results.scan = { unavailable: 'no go toolchain on PATH (go env GOROOT)' };
  results.latency = { unavailable: 'no go toolchain on PATH (go env GOROOT)' };
  results.opening = { unavailable: 'no go toolchain on PATH (go env GOROOT)' };
  results.typingWhileIndexing = { unavailable: 'no go toolchain on PATH (go env GOROOT)' };
} else {
  results.scan = argv.includes('--skip-scan') ? { unavailable: 'skipped (--skip-scan)' } : await scanBenchmark(goroot);
  results.latency = argv.includes('--skip-latency') ? { unavailable: 'skipped (--skip-latency)' } : await latencyBenchmark(goroot);
  results.opening = argv.includes('--skip-opening') ? { unavailable: 'skipped (--skip-opening)' } : await openingBenchmark(goroot);
  results.typingWhileIndexing = argv.includes('--skip-indexing-latency') ? { unavailable: 'skipped (--skip-indexing-latency)' } : await indexingLatencyBenchmark(goroot);
}
printTable(results);
// Only a complete, unprofiled run replaces the recorded figures.
if (argv.some((a) => a.startsWith('--skip-') || a === '--profile')) console.log('\npartial run: bench/results.json left as it was');
else {
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log('\nwritten to bench/results.json');
}
