// Entry point of dist/cli.js (the `maprace` command).
import * as v8 from 'node:v8';
import { main } from './cli/main';
import { isJobWorker, serveJobs } from './jobs/jobWorker';

// A cold scan spent a fifth of its CPU in TurboFan, compiling the analysis anew in each worker; without
// inlining those compiles take half as long and the code runs as fast (bench: std scan 6.2 s -> 5.4 s).
// Flags are per process, so this reaches the workers too; it must come before anything hot is compiled.
v8.setFlagsFromString('--no-turbo-inlining');

if (isJobWorker()) {
  serveJobs().catch((err) => {
    process.stderr.write(`maprace: scan worker: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(2);
  });
} else {
  main(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`maprace: internal error: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
