// The worker side of a parallel scan: one parser, one package at a time, outcomes posted back.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { createGoParser } from '../parsing/goParser';
import { runJob, type JobRequest } from './analyze';

export function isScanWorker(): boolean {
  return !!parentPort && !!(workerData as { mapraceScanWorker?: boolean } | undefined)?.mapraceScanWorker;
}

/**
 * A full collection right after a big package is cheap (its trees are all dead by then) and returns
 * their memory at once; left to itself, V8 lets the heap grow to twice the live size first.
 */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const COLLECT_AFTER_BYTES = 2 * 1024 * 1024;

export async function serveScanJobs(): Promise<void> {
  const port = parentPort!;
  const parser = await createGoParser();
  const gc = collector();
  let sinceCollect = 0;
  port.on('message', (job: JobRequest & { bytes?: number }) => {
    port.postMessage({ index: job.index, outcome: runJob(parser, job) });
    sinceCollect += job.bytes ?? 0;
    if (gc && sinceCollect >= COLLECT_AFTER_BYTES) {
      sinceCollect = 0;
      gc();
    }
  });
  port.postMessage({ ready: true });
}
