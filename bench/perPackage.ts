// Diagnostics for the scan benchmark: parse and analyse each package separately and print the slowest
// ones with heap growth, to find a package that dominates time or memory. Usage: node out/bench/perPackage.js DIR...
import * as fs from 'node:fs';
import { analyzePackage } from '../server/src/analysis/index';
import { createGoParser } from '../server/src/parsing/goParser';
import { parseSourceFile } from '../server/src/parsing/sourceFile';
import { groupByPackage, listGoFiles } from '../server/src/project/goFiles';

async function main(roots: string[]) {
  const parser = await createGoParser();
  const rows: { dir: string; files: number; parseMs: number; analyzeMs: number; heapMB: number }[] = [];
  for (const [dir, files] of groupByPackage(roots.flatMap((r) => listGoFiles(r)))) {
    const t0 = performance.now();
    const sources = files.map((f) => parseSourceFile(parser, f, new TextDecoder().decode(fs.readFileSync(f))));
    const t1 = performance.now();
    if (process.env.VERBOSE) process.stderr.write(`${dir}...\n`);
    analyzePackage(sources);
    const t2 = performance.now();
    rows.push({ dir, files: files.length, parseMs: t1 - t0, analyzeMs: t2 - t1, heapMB: process.memoryUsage().heapUsed / 1e6 });
  }
  rows.sort((a, b) => b.analyzeMs - a.analyzeMs);
  for (const r of rows.slice(0, Number(process.env.TOP ?? 15))) {
    console.log(`${r.analyzeMs.toFixed(0).padStart(8)} ms analyse ${r.parseMs.toFixed(0).padStart(6)} ms parse ${r.files.toString().padStart(4)} files heap ${r.heapMB.toFixed(0)} MB  ${r.dir}`);
  }
  const sum = (k: 'parseMs' | 'analyzeMs') => rows.reduce((n, r) => n + r[k], 0) / 1000;
  console.log(`total: parse ${sum('parseMs').toFixed(1)} s, analyse ${sum('analyzeMs').toFixed(1)} s, ${rows.length} packages`);
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(2);
});
