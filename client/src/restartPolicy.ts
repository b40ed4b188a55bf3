// When the language server dies, restart it and say so; give up when it keeps dying, so a broken build or
// an input that crashes it every time does not loop forever. Pure: the clock and the exit are given.

export interface ServerExit {
  code: number | null;
  signal: string | null;
}

export interface RestartDecision {
  restart: boolean;
  /** For the output channel (and, when giving up, a notification). */
  message: string;
}

/** Restarts allowed within RESTART_WINDOW_MS; the next stop within the window is final. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function describeExit(exit: ServerExit | undefined): string {
  if (exit?.signal) return `signal ${exit.signal}`;
  if (exit && exit.code !== null) return `exit code ${exit.code}`;
  return 'exit code unknown';
}

export class RestartPolicy {
  private stops: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** The server stopped without being asked to (its connection closed): restart it, or not. */
  serverStopped(exit: ServerExit | undefined, now: number): RestartDecision {
    this.stops = this.stops.filter((t) => now - t < this.windowMs);
    this.stops.push(now);
    const n = this.stops.length;
    const how = describeExit(exit);
    if (n <= this.maxRestarts) {
      return { restart: true, message: `maprace: the language server stopped (${how}); restarting (${n}/${this.maxRestarts})` };
    }
    const minutes = Math.round(this.windowMs / 60000);
    return {
      restart: false,
      message:
        `maprace: the language server stopped (${how}), ${n} times in ${minutes} minutes; it is not restarted again. ` +
        'See the maprace output for the cause, then run "maprace: Restart Language Server".',
    };
  }

  /** A restart the user asked for starts a fresh count. */
  reset(): void {
    this.stops = [];
  }
}
