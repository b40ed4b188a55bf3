// Cold scans: parse each file once and analyse one package at a time, so memory stays per package.
// Large scans spread packages over worker threads (one parser each); small ones stay on this thread.
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding, SeverityOverride } from '../analysis/index';
import { createGoParser } from '../parsing/goParser';
import { InputError, type PackageJob } from './inputs';
import { sourceBytes } from '../project/goFiles';
import { runJob, type JobOutcome, type JobRequest } from '../jobs/packageJob';
import { JOB_WORKER_DATA } from '../jobs/jobWorker';

export interface ScanResult {
  findings: Finding[];
  files: number;
  /** Packages whose analysis threw: reported, and the run exits 2. */
  internalErrors: string[];
  /** Things the user should know that are not findings (stderr). */
  notices: string[];
}

/** Below this much source a worker's start-up (loading the runtime and grammar) costs more than it saves. */
const PARALLEL_MIN_FILES = 200;

function workerCount(files: number): number {
  const fromEnv = Number(process.env.MAPRACE_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 0) return fromEnv;
  if (files < PARALLEL_MIN_FILES) return 0;
  return Math.min(4, Math.max(2, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * `workerScript`: a bundle that runs `serveJobs` (jobs/jobWorker.ts) when started as a worker (dist/cli.js does);
 * without one, or for small inputs, everything runs on this thread.
 */
export async function scan(
  jobs: readonly PackageJob[],
  severities: Record<string, SeverityOverride>,
  workerScript?: string,
): Promise<ScanResult> {
  const requests: JobRequest[] = jobs.map((job, index) => ({ index, dir: job.dir, files: job.files, severities }));
  const totalFiles = jobs.reduce((n, j) => n + j.files.length, 0);
  const workers = workerScript ? workerCount(totalFiles) : 0;
  const notices: string[] = [];
  const outcomes = workers > 0 ? await runOnWorkers(requests, workerScript!, workers, notices) : await runHere(requests);

  const result: ScanResult = { findings: [], files: 0, internalErrors: [], notices };
  jobs.forEach((job, i) => {
    const outcome = outcomes[i];
    if (outcome.inputError) throw new InputError(outcome.inputError);
    notices.push(...(outcome.notices ?? []));
    result.files += job.report === 'all' ? job.files.length : job.report.size;
    if (outcome.internalError) {
      result.internalErrors.push(outcome.internalError);
      return;
    }
    let findings = outcome.findings;
    const report = job.report;
    if (report !== 'all') {
      const wanted = new Set([...report].map((f) => path.resolve(f)));
      findings = findings.filter((f) => wanted.has(path.resolve(f.file)));
    }
    result.findings.push(...findings);
  });
  return result;
}

async function runHere(requests: readonly JobRequest[]): Promise<JobOutcome[]> {
  const parser = await createGoParser();
  try {
    const outcomes: JobOutcome[] = [];
    for (const r of requests) {
      const outcome = runJob(parser, r);
      outcomes.push(outcome);
      // The first unreadable input ends the run, as it did before workers.
      if (outcome.inputError) break;
    }
    return requests.map((_, i) => outcomes[i] ?? { findings: [] });
  } finally {
    parser.delete();
  }
}

/**
 * Source in flight across workers, in bytes: a package's trees and facts take about 60 times its text,
 * so two big packages at once would pass the memory budget. A package bigger than this runs alone. It is
 * 6 MB, not 4, so that the other worker keeps busy with smaller packages beside GOROOT's syscall (4.8 MB):
 * at 4 MB it sat idle for that package's 1.3 s.
 */
const IN_FLIGHT_BYTES = 6 * 1024 * 1024;

/**
 * Each worker's heap. Left alone, V8 lets a heap grow to twice its live size before it collects; a
 * cap keeps two workers within the scan's memory budget. A package too big for it (no std package
 * is) runs again on the main thread, whose heap is not capped.
 */
function workerHeapMb(): number {
  const fromEnv = Number(process.env.MAPRACE_WORKER_HEAP_MB);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 384;
}

/** A larger young generation: trees live as long as their package, and copying them twice cost CPU. */
const YOUNG_GENERATION_MB = 32;

interface Sized {
  r: JobRequest;
  bytes: number;
}

/** Biggest packages first, each to the next idle worker, so no worker is left with a large one at the end. */
async function runOnWorkers(requests: readonly JobRequest[], script: string, count: number, notices: string[]): Promise<JobOutcome[]> {
  const queue: Sized[] = requests.map((r) => ({ r, bytes: sourceBytes(r.files) })).sort((a, b) => b.bytes - a.bytes || a.r.index - b.r.index);
  const outcomes: JobOutcome[] = new Array(requests.length);
  const tooBig: JobRequest[] = [];
  await new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let settled = false;
    const pool = new Set<Worker>();
    const idle: Worker[] = [];
    const busy = new Map<Worker, Sized>();
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of pool) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const dispatch = () => {
      if (!pool.size) tooBig.push(...queue.splice(0).map((j) => j.r));
      while (idle.length && queue.length) {
        const i = busy.size === 0 ? 0 : queue.findIndex((j) => inFlight + j.bytes <= IN_FLIGHT_BYTES);
        if (i < 0) break;
        const [job] = queue.splice(i, 1);
        const worker = idle.pop()!;
        busy.set(worker, job);
        inFlight += job.bytes;
        worker.postMessage(job.r);
      }
      if (!queue.length && busy.size === 0) finish();
    };
    const release = (worker: Worker): Sized | undefined => {
      const job = busy.get(worker);
      if (job) inFlight -= job.bytes;
      busy.delete(worker);
      return job;
    };
    const heapMb = workerHeapMb();
    for (let i = 0; i < Math.min(count, requests.length); i++) {
      const worker = new Worker(script, {
        workerData: JOB_WORKER_DATA,
        resourceLimits: { maxYoungGenerationSizeMb: Math.min(YOUNG_GENERATION_MB, heapMb / 4), maxOldGenerationSizeMb: heapMb },
      });
      pool.add(worker);
      worker.on('message', (msg: { index: number; outcome: JobOutcome } | { ready: true }) => {
        if ('index' in msg) {
          outcomes[msg.index] = msg.outcome;
          release(worker);
        }
        idle.push(worker);
        dispatch();
      });
      worker.on('error', (err: Error & { code?: string }) => {
        if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') return finish(err);
        pool.delete(worker);
        const job = release(worker);
        if (job) {
          tooBig.push(job.r);
          notices.push(`${job.r.dir}: too big for a scan worker's heap (${heapMb} MB); analysed on the main thread`);
        }
        dispatch();
      });
      worker.on('exit', (code) => {
        if (code !== 0 && pool.has(worker)) finish(new Error(`maprace: a scan worker exited with code ${code}`));
      });
    }
    if (!pool.size) finish();
  });
  if (tooBig.length) {
    const here = await runHere(tooBig);
    tooBig.forEach((r, i) => (outcomes[r.index] = here[i]));
  }
  return outcomes;
}
