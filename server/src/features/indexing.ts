// Background indexing of the workspace folders: every package analysed once, on a worker thread (so typing
// never waits for a package being indexed), with work-done progress.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { Connection } from 'vscode-languageserver/node';
import { groupByPackage, isSkippedDir, listGoFiles, sourceBytes } from '../project/goFiles';
import type { Diagnostics } from './diagnostics';
import { collectGarbage } from '../workspace/collectGarbage';
import type { IndexWorker } from '../workspace/indexWorker';

/** Is `file` inside one of `roots` and outside testdata/, vendor/ and dot dirs below that root? */
export function isIndexed(file: string, roots: readonly string[]): boolean {
  return isIndexedDir(path.dirname(file), roots);
}

export function isIndexedDir(dir: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, dir);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    return rel === '' || !rel.split(path.sep).some(isSkippedDir);
  });
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * While indexing, the heap may grow by only this much past what survived the last full collection.
 * Left to itself V8 lets a heap with little garbage-collection time grow to several times its live data,
 * and indexing GOROOT/src (parse, analyse, drop, for hundreds of packages) then peaked at 2 GB of memory
 * for well under 1 GB of live data. Editing goes back to V8's own factor: fewer full collections.
 */
const INDEXING_HEAP_GROWING_PERCENT = 20;
let indexing = 0;

function boundHeapGrowth(on: boolean): void {
  indexing += on ? 1 : -1;
  if (on && indexing === 1) v8.setFlagsFromString(`--heap-growing-percent=${INDEXING_HEAP_GROWING_PERCENT}`);
  if (!on && indexing === 0) v8.setFlagsFromString('--heap-growing-percent=0');
}

/**
 * A package this big (in source bytes) is analysed from a collected heap: its syntax trees and analysis
 * take about 80 times its source at once (cmd/compile/internal/ssa, 7 MB, takes 600 MB), and on top of
 * the garbage of the packages before it that came near 1 GB.
 */
const BIG_PACKAGE_BYTES = 2 * 1024 * 1024;

/**
 * While a document is being edited, its analyses come first: indexing waits for a pause, and meanwhile
 * the heap grows as V8 likes (bounded growth means more full collections, which typing would feel).
 */
async function giveWayToEditing(diagnostics: Diagnostics): Promise<void> {
  if (!diagnostics.editing()) return;
  boundHeapGrowth(false);
  try {
    await diagnostics.editingPause();
  } finally {
    boundHeapGrowth(true);
  }
}

export async function indexWorkspace(
  connection: Connection,
  roots: readonly string[],
  /** Is `dir` in the workspace now: a folder removed while it is being indexed is left at once. */
  inWorkspace: (dir: string) => boolean,
  diagnostics: Diagnostics,
  /** Analyses packages off this thread; those it cannot are analysed here. Disposed at the end. */
  worker: IndexWorker,
  /** Resolves when the client has been quiet for a moment: what it sends with `initialized` comes first. */
  quiet?: () => Promise<void>,
): Promise<void> {
  // The documents a client opens at startup arrive right after `initialized`: indexing first made the
  // first of them wait.
  await quiet?.();
  // A no-op reporter when the client has no window.workDoneProgress.
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('maprace: indexing Go files', 0, roots.map((r) => path.basename(r)).join(', '), false);
  const started = Date.now();
  let dirs: string[] = [];
  boundHeapGrowth(true);
  try {
    await diagnostics.batch(async () => {
      const files = roots.flatMap((r) => listGoFiles(r));
      const groups = groupByPackage(files);
      dirs = [...groups.keys()];
      let done = 0;
      for (const [dir, members] of groups) {
        await giveWayToEditing(diagnostics);
        if (!(await diagnostics.indexElsewhere(dir, members, worker, () => inWorkspace(dir)))) {
          // Packages not seen yet are stale; one already analysed (an open document's) is skipped.
          if (sourceBytes(members) > BIG_PACKAGE_BYTES) collectGarbage();
          diagnostics.analyzeInBackground(dir);
        }
        done++;
        progress.report(Math.round((done / dirs.length) * 100), `${done}/${dirs.length} packages`);
        await yieldToRequests();
      }
    });
  } finally {
    worker.dispose();
    boundHeapGrowth(false);
    progress.done();
  }
  connection.console.log(`maprace: indexed ${dirs.length} packages in ${Date.now() - started} ms`);
}
