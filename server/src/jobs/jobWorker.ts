// The worker side of package jobs (the CLI's parallel scan, the server's indexing): one parser, one
// package at a time, outcomes posted back.
import { parentPort, workerData } from 'node:worker_threads';
import { createGoParser } from '../parsing/goParser';
import { runJob, type JobRequest } from './packageJob';

/** Set in `workerData` by whoever starts the worker. */
export const JOB_WORKER_DATA = { mapraceJobWorker: true };

export function isJobWorker(): boolean {
  return !!parentPort && !!(workerData as Partial<typeof JOB_WORKER_DATA> | undefined)?.mapraceJobWorker;
}

export async function serveJobs(): Promise<void> {
  const port = parentPort!;
  const parser = await createGoParser();
  port.on('message', (job: JobRequest) => {
    port.postMessage({ index: job.index, outcome: runJob(parser, job) });
  });
  port.postMessage({ ready: true });
}
