// Entry point of dist/cli.js (the `maprace` command).
import { main } from './cli/main';
import { isScanWorker, serveScanJobs } from './cli/scanWorker';

if (isScanWorker()) {
  serveScanJobs().catch((err) => {
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
