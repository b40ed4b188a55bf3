// Indexing analyses packages on a worker thread: on this thread a big package's analysis (seconds on a
// busy machine) held up the answers to typing until it was done. The worker runs package jobs, as the
// CLI's scan workers do (jobs/); the server's bundle re-enters itself as one (server.ts).
import { Worker } from 'node:worker_threads';
import type { JobOutcome, JobRequest } from '../jobs/packageJob';
import { JOB_WORKER_DATA } from '../jobs/jobWorker';

/**
 * The worker's heap. GOROOT/src's biggest packages fit (cmd/compile/internal/ssa, 7 MB of source, takes
 * about 600 MB); a package that does not is analysed on the main thread instead, as before workers.
 */
const HEAP_MB = 768;
const YOUNG_GENERATION_MB = 32;

export class IndexWorker {
  private worker?: Worker;
  private ready?: Promise<void>;
  /** The job in flight: settled by its outcome, or with undefined when the worker died on it. */
  private pending?: (outcome: JobOutcome | undefined) => void;
  private jobs = 0;

  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
  ) {}

  /** One package's findings from the worker; undefined when the worker could not give them (it died). */
  async analyze(dir: string, files: string[]): Promise<JobOutcome | undefined> {
    if (this.pending) throw new Error('maprace: IndexWorker runs one package at a time');
    const worker = this.start();
    try {
      await this.ready;
    } catch {
      return undefined;
    }
    return new Promise<JobOutcome | undefined>((resolve) => {
      this.pending = resolve;
      const job: JobRequest = { index: this.jobs++, dir, files, severities: {} };
      worker.postMessage(job);
    });
  }

  /** Ends the worker and frees its heap (indexing is done). */
  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.settle(undefined);
    void worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, {
      workerData: JOB_WORKER_DATA,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    // Never keeps the server alive on its own.
    worker.unref();
    this.worker = worker;
    let started!: () => void;
    let failed!: (err: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => ([started, failed] = [resolve, reject]));
    this.ready.catch(() => undefined);
    worker.on('message', (msg: { ready: true } | { index: number; outcome: JobOutcome }) => {
      if ('ready' in msg) started();
      else this.settle(msg.outcome);
    });
    const died = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.log(`maprace: the indexing worker stopped (${why}); its package is analysed on the main thread`);
      failed(new Error(why));
      this.settle(undefined);
    };
    worker.on('error', (err: Error & { code?: string }) => died(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `out of memory, heap ${HEAP_MB} MB` : String(err.stack ?? err)));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return worker;
  }

  private settle(outcome: JobOutcome | undefined): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.(outcome);
  }
}
