// How every LSP handler is run: params checked first (InvalidParams for a malformed request), stale and
// cancelled requests dropped, and a failure inside a feature logged once and answered with an empty result.
import type { CancellationToken } from 'vscode-languageserver/node';
import { describe, type FailureLog } from '../workspace/failureLog';
import { requestCancelled, type MessageQueue } from './cancellation';

export class Handlers {
  constructor(
    private readonly queue: MessageQueue,
    private readonly failures: FailureLog,
  ) {}

  request<P, R>(method: string, parse: (raw: unknown) => P, fallback: R, handle: (params: P) => R) {
    return async (raw: unknown, token: CancellationToken): Promise<R> => {
      const params = parse(raw); // throws InvalidParams, which vscode-jsonrpc sends back as the error
      await this.queue.settle(token);
      if (token.isCancellationRequested) throw requestCancelled();
      try {
        const result = handle(params);
        this.failures.ok(method);
        return result;
      } catch (err) {
        this.failures.fail(method, err);
        return fallback;
      }
    };
  }

  /** A notification cannot be answered: a malformed one is logged (once per method) and ignored. */
  notification<P>(method: string, parse: (raw: unknown) => P, handle: (params: P) => void, onInvalid?: (raw: unknown) => void) {
    return (raw: unknown): void => {
      let params: P;
      try {
        params = parse(raw);
        this.failures.ok(`${method} with invalid params`);
      } catch (err) {
        this.failures.fail(`${method} with invalid params`, (err as Error).message ?? describe(err));
        onInvalid?.(raw);
        return;
      }
      try {
        handle(params);
        this.failures.ok(method);
      } catch (err) {
        this.failures.fail(method, err);
      }
    };
  }
}
