// Memory stays bounded over a long editing session: thousands of edits to a real Go file (each followed by a
// pull, as an editor sends them) and open/close cycles of other documents, over stdio. The server's RSS is
// read from /proc, its JS heap (live, collected first) and tree-sitter (wasm) memory from the analysis trace,
// after a warm-up and at the end.
// MAPRACE_SOAK_EDITS sets the number of edits (3,000 by default).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession } from './lspSession';

const EDITS = Number(process.env.MAPRACE_SOAK_EDITS ?? 3000);
/** Growth allowed between the warm-up and the end; justified where they are checked. */
const MAX_WASM_GROWTH_MB = 4;
// Measured with a collection before each sample: the JS heap grows 2 MB and RSS 3-5 MB over this run (RSS
// grew 28-42 MB when sampled between collections, with the live heap flat). A leak of a few kB per edit or
// per open document (a source file, a findings list, a Map entry per version or URI) crosses the heap's bound.
const MAX_RSS_GROWTH_MB = 40;
const MAX_HEAP_GROWTH_MB = 16;
/** Every this many edits, the other documents are opened, edited, pulled and closed. */
const CYCLE_EVERY = 25;

// Appended to the main file so that every analysis has findings (and fixes) to build and convert.
const RACY_TAIL = '\nfunc soakRace() {\n\tm := map[string]int{}\n\tdone := make(chan bool)\n\tgo func() { m["a"] = 1; done <- true }()\n\t_ = m["b"]\n\t<-done\n}\n';

function goroot(): string | undefined {
  const r = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/** Figures of the last analysis trace line (`...; rss 81.2 MB, heap 23.0 MB, wasm 32.0 MB, trees 1`). */
function traced(traces: readonly string[]): { heap: number; wasm: number; trees: number } {
  for (let i = traces.length - 1; i >= 0; i--) {
    const m = /heap ([\d.]+) MB, wasm ([\d.]+) MB, trees (\d+)$/.exec(traces[i]);
    if (m) return { heap: Number(m[1]), wasm: Number(m[2]), trees: Number(m[3]) };
  }
  throw new Error('no analysis trace with memory figures');
}

const sample = (pid: number, traces: readonly string[]) => ({ rss: rssMb(pid), ...traced(traces) });

test(`soak: ${EDITS} edits and open/close cycles keep the server's memory bounded`, { timeout: 180_000 }, async (t) => {
  const root = goroot();
  const sources = ['net/rpc/server.go', 'expvar/expvar.go', 'net/http/cookiejar/jar.go', 'sync/map.go'].map((f) => path.join(root ?? '', 'src', f));
  const missing = sources.find((f) => !fs.existsSync(f));
  if (!root || missing) {
    t.skip(`needs the Go standard library's source (apt-get install golang-src): ${missing ?? 'no go'}`);
    return;
  }
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-soak-'));
  const files = sources.map((src, i) => {
    const dir = path.join(ws, `p${i}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, path.basename(src));
    const text = fs.readFileSync(src, 'utf8') + (i === 0 ? RACY_TAIL : '');
    fs.writeFileSync(file, text);
    return { file, text };
  });
  const [main, ...others] = files;
  // Each trace line's heap figure is the live heap: the server collects garbage before it.
  const s = await LspSession.start(ws, { pull: true, trace: true }, { MAPRACE_TRACE_GC: '1' });
  const pid = s.proc.pid!;
  try {
    const uri = await s.open(main.file, main.text);
    const findings = (await s.items(uri)).length;
    assert.ok(findings >= 2, `the main file has findings: ${findings}`);
    const lines = main.text.split('\n').length;

    // Typing: a comment line inserted somewhere, pulled, then removed again and pulled, so the file keeps its
    // size and its findings while every edit reparses (incrementally) and reanalyses it.
    // RSS swings with the GC by tens of MB: each phase's figure is the lowest of its samples (one per round
    // of other documents), the warm-up phase being the second tenth of the edits and the end the last tenth.
    const rssWarm: number[] = [];
    const rssEnd: number[] = [];
    let warm: ReturnType<typeof sample> | undefined;
    const started = Date.now();
    for (let i = 0; i < EDITS; i++) {
      const line = ((i >> 1) * 37) % (lines - 20); // an insert and its removal share a line
      const at = { line, character: 0 };
      if (i % 2 === 0) await s.change(uri, [{ range: { start: at, end: at }, text: `// soak ${i}\n` }]);
      else await s.change(uri, [{ range: { start: at, end: { line: line + 1, character: 0 } }, text: '' }]);
      const items = await s.items(uri);
      if (i % 2 === 1) assert.equal(items.length, findings, `edit ${i}: the same findings as before`);
      // Sampled right after an analysis of the main file alone, before this round's other documents open.
      if (i + 1 === Math.floor(EDITS / 10)) warm = sample(pid, s.traces);
      if (i % CYCLE_EVERY === CYCLE_EVERY - 1) {
        if (i >= EDITS / 10 && i < EDITS / 5) rssWarm.push(rssMb(pid));
        if (i >= EDITS * 0.9) rssEnd.push(rssMb(pid));
        // Other documents opened, pulled and closed: each open parses a whole tree, each close must free it.
        for (const o of others) {
          const other = await s.open(o.file, o.text);
          await s.items(other);
          await s.change(other, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// x\n' }]);
          await s.items(other);
          await s.close(other);
        }
      }
    }
    // One more edit, so the last trace line is the main file's analysis with every other document closed.
    await new Promise((r) => setTimeout(r, 300)); // the closed documents' debounced analyses
    await s.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// end\n' }]);
    assert.equal((await s.items(uri)).length, findings);
    const end = sample(pid, s.traces);
    warm!.rss = Math.min(warm!.rss, ...rssWarm);
    end.rss = Math.min(end.rss, ...rssEnd);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    t.diagnostic(
      `${EDITS} edits + pulls, ${Math.floor(EDITS / CYCLE_EVERY) * others.length} open/close cycles in ${seconds} s; ` +
        `after warm-up: rss ${warm!.rss.toFixed(1)} MB, heap ${warm!.heap} MB, wasm ${warm!.wasm} MB, trees ${warm!.trees}; ` +
        `at the end: rss ${end.rss.toFixed(1)} MB, heap ${end.heap} MB, wasm ${end.wasm} MB, trees ${end.trees}`,
    );
    // The wasm heap holds the trees: it grows to the largest working set and is then reused, so after the
    // warm-up it must not grow at all beyond allocator slack. A leaked tree per edit or per open adds tens of
    // kB (an incremental reparse's new nodes) to hundreds of kB (a whole file's tree) each: the bound is
    // crossed within a few hundred edits or a hundred opens.
    assert.ok(end.wasm - warm!.wasm <= MAX_WASM_GROWTH_MB, `wasm grew ${(end.wasm - warm!.wasm).toFixed(1)} MB`);
    // Anything kept alive per edit or per open document (a source file, a findings list, a Map entry per
    // version or URI) climbs with them past these bounds.
    assert.ok(end.heap - warm!.heap <= MAX_HEAP_GROWTH_MB, `heap grew ${(end.heap - warm!.heap).toFixed(1)} MB`);
    assert.ok(end.rss - warm!.rss <= MAX_RSS_GROWTH_MB, `rss grew ${(end.rss - warm!.rss).toFixed(1)} MB`);
    // And exactly: one live tree per open document, none left by closed ones or replaced versions.
    assert.equal(end.trees, 1, 'one live tree: the open main file');
  } finally {
    await s.stop();
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
