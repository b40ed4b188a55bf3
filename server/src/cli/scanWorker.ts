// The worker side of a parallel scan: one parser, one package at a time, outcomes posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { createGoParser } from '../parsing/goParser';
import { runJob, type JobRequest } from './analyze';

export function isScanWorker(): boolean {
  return !!parentPort && !!(workerData as { mapraceScanWorker?: boolean } | undefined)?.mapraceScanWorker;
}

export async function serveScanJobs(): Promise<void> {
  const port = parentPort!;
  const parser = await createGoParser();
  port.on('message', (job: JobRequest) => {
    port.postMessage({ index: job.index, outcome: runJob(parser, job) });
  });
  port.postMessage({ ready: true });
}
