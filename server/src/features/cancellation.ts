// Stale work is dropped: a request first lets the messages already received be dispatched (the edits typed
// after it, a $/cancelRequest for it), then answers for the newest text, or not at all if it was cancelled.
// A burst of edits each followed by a pull thus analyses the last version only, not every one in between.
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ConnectionOptions,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/** A request waits at most this long for the queue to drain (a client that never stops sending). */
const MAX_SETTLE_MS = 50;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'maprace: request cancelled');
}

export class MessageQueue {
  private dispatched = 0;

  /** For createConnection: counts dispatched messages; a request cancelled while queued is answered unrun. */
  readonly connectionOptions: ConnectionOptions = {
    messageStrategy: {
      handleMessage: (message, next) => {
        this.dispatched++;
        next(message);
      },
    },
    connectionStrategy: {
      // Only called for queued requests (vscode-jsonrpc checks), hence the cast.
      cancelUndispatched: (message): ResponseMessage => ({
        jsonrpc: '2.0',
        id: (message as RequestMessage).id,
        error: requestCancelled().toJson(),
      }),
    },
  };

  /** Resolves once no message has been dispatched for `ms` (or after `maxMs` in all). */
  async quiet(ms: number, maxMs: number): Promise<void> {
    const end = Date.now() + maxMs;
    for (;;) {
      const before = this.dispatched;
      await new Promise<void>((resolve) => setTimeout(resolve, ms));
      if (this.dispatched === before || Date.now() > end) return;
    }
  }

  /**
   * Resolves once every message received so far has been dispatched. vscode-jsonrpc dispatches one queued
   * message per event-loop turn (setImmediate); two turns without a dispatch mean the queue is empty.
   */
  async settle(token: CancellationToken): Promise<void> {
    const deadline = Date.now() + MAX_SETTLE_MS;
    for (;;) {
      const before = this.dispatched;
      await nextTurn();
      await nextTurn();
      if (this.dispatched === before || token.isCancellationRequested || Date.now() > deadline) return;
    }
  }
}
