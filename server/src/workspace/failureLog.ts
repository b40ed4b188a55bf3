// Logs a failing step once, not on every keystroke that repeats it; a success re-arms it.
export class FailureLog {
  /** Keys whose failure has been logged and that have not succeeded since, oldest first. */
  private readonly failing = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    /** Bounds the set when many distinct things fail (a workspace full of broken files). */
    private readonly limit = 10_000,
  ) {}

  /** Logs `maprace: <what> failed: <error>` unless `what` failed already and has not succeeded since. */
  fail(what: string, err: unknown): void {
    if (this.failing.has(what)) return;
    if (this.failing.size >= this.limit) this.failing.delete(this.failing.values().next().value as string);
    this.failing.add(what);
    this.log(`maprace: ${what} failed: ${describe(err)} (logged once until it succeeds again)`);
  }

  ok(what: string): void {
    this.failing.delete(what);
  }

  isFailing(what: string): boolean {
    return this.failing.has(what);
  }
}

export function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return String(err);
}
