// Starts the language server process ourselves rather than through vscode-languageclient, so that when its
// connection closes we know how it ended (exit code or signal) and can say so.
import { fork, type ChildProcess } from 'node:child_process';
import type { ServerExit } from './restartPolicy';

/** The connection can close a moment before the process's exit event: wait this long for it. */
const EXIT_WAIT_MS = 2000;
/** A server told to exit that is still running after this long is killed. */
const REAP_AFTER_MS = 2000;

function debugging(): boolean {
  return process.execArgv.some((a) => /^--(inspect|debug)(-brk)?(=|$)/.test(a));
}

export class ServerProcess {
  private current: { child: ChildProcess; exited: Promise<ServerExit> } | undefined;

  constructor(private readonly module: string) {}

  /** For LanguageClient's ServerOptions: a new server on stdio. */
  start = async (): Promise<ChildProcess> => {
    if (this.current) this.reap(this.current.child);
    const child = fork(this.module, ['--stdio', `--clientProcessId=${process.pid}`], {
      silent: true, // stdio pipes: the LSP stream on stdin/stdout, stderr to the output channel
      execArgv: debugging() ? ['--nolazy', '--inspect=6019'] : [],
      // The extension host may be Electron: run the script as plain Node, as vscode-languageclient does.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' },
    });
    const exited = new Promise<ServerExit>((resolve) => {
      child.once('exit', (code, signal) => resolve({ code, signal }));
      child.once('error', () => resolve({ code: null, signal: null }));
    });
    this.current = { child, exited };
    return child;
  };

  /** How the last server ended, or undefined if it has not (yet) exited. */
  async lastExit(): Promise<ServerExit | undefined> {
    if (!this.current) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), EXIT_WAIT_MS)));
    try {
      return await Promise.race([this.current.exited, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** After the client stopped the server (shutdown and exit sent): make sure it is gone. */
  stopped(): void {
    if (this.current) this.reap(this.current.child);
    this.current = undefined;
  }

  private reap(child: ChildProcess): void {
    if (child.exitCode !== null || child.signalCode !== null) return;
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    }, REAP_AFTER_MS).unref();
  }
}
