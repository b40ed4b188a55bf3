// One trace line per package analysis ($/logTrace, shown when the client sets maprace.trace.server): which
// versions of the open documents were analysed, how long it took, and the server's memory at that point.
import * as path from 'node:path';
import { collectGarbage } from './collectGarbage';
import { liveTreeCount, wasmMemoryBytes } from '../parsing/goParser';
import type { DiskFiles } from './diskFiles';
import type { DocumentStore } from './documentStore';
import { Packages, type AnalysisResult } from './packages';

const MB = 1024 * 1024;

/**
 * `rss 81.2 MB, heap 23.0 MB, wasm 32.0 MB, trees 1`: the soak test reads these. With MAPRACE_TRACE_GC=1
 * each trace line collects garbage first, so its heap figure is the live heap (slow: for finding leaks, as
 * the soak test does); else it is whatever the heap holds at that moment.
 */
export function memorySummary(): string {
  if (process.env.MAPRACE_TRACE_GC === '1') collectGarbage();
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${mb(rss)}, heap ${mb(heapUsed)}, wasm ${mb(wasmMemoryBytes())}, trees ${liveTreeCount()}`;
}

export class TracedPackages extends Packages {
  constructor(
    private readonly openDocs: DocumentStore,
    disk: DiskFiles,
    log: (message: string) => void,
    /** Called with the line to send, made only if the client wants it. */
    private readonly trace: (message: () => string) => void,
  ) {
    super(openDocs, disk, log);
  }

  override analyze(dir: string, first?: string): AnalysisResult {
    const started = performance.now();
    const result = super.analyze(dir, first);
    const ms = (performance.now() - started).toFixed(1);
    this.trace(() => {
      const open = this.openDocs.inDirectory(dir).map((d) => `${path.basename(d.path)}@${d.version}`);
      const partial = this.partialClause(dir);
      return `maprace: analysed ${dir}${partial !== undefined ? ` (package ${partial} only)` : ''} [${open.join(' ')}] in ${ms} ms; ${memorySummary()}`;
    });
    return result;
  }
}
