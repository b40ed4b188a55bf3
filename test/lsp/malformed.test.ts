// The server over raw JSON-RPC on stdio: malformed frames, malformed or out-of-range requests and stray
// notifications get error responses or are logged and ignored; the server never dies and keeps answering.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER, uriOf } from './lspSession';

// Line 5 writes in a goroutine, line 6 reads before `<-done`: a race, reported at both accesses.
const RACY = 'package main\n\nfunc main() {\n\tm := map[string]int{}\n\tdone := make(chan bool)\n\tgo func() { m["a"] = 1; done <- true }()\n\t_ = m["b"]\n\t<-done\n}\n';
const SAFE = 'package main\n\nfunc main() {\n\tm := map[string]int{}\n\tm["a"] = 1\n\t_ = m["b"]\n}\n';

interface Message {
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/** A client that writes bytes, not just well-formed messages, and reads the server's frames. */
class RawClient {
  readonly received: Message[] = [];
  private buffer = Buffer.alloc(0);
  stderr = '';
  exit: { code: number | null; signal: string | null } | undefined;

  constructor(readonly proc: ChildProcess) {
    proc.stdout!.on('data', (d: Buffer) => this.read(d));
    proc.stderr!.on('data', (d) => (this.stderr += d));
    proc.on('exit', (code, signal) => (this.exit = { code, signal }));
  }

  static start(root: string): RawClient {
    return new RawClient(spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: 'pipe' }));
  }

  private read(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      this.received.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
      this.buffer = this.buffer.subarray(end + 4 + length);
    }
  }

  raw(bytes: string): void {
    this.proc.stdin!.write(bytes);
  }

  send(message: object): void {
    this.raw(frame(JSON.stringify({ jsonrpc: '2.0', ...message })));
  }

  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  private nextId = 1;

  async request(method: string, params?: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send(params === undefined ? { id, method } : { id, method, params });
    return this.waitFor(`a response to ${method} #${id}`, () => this.received.find((m) => m.id === id && !m.method));
  }

  logs(pattern: RegExp): string[] {
    return this.received
      .filter((m) => m.method === 'window/logMessage')
      .map((m) => (m.params as { message: string }).message)
      .filter((text) => pattern.test(text));
  }

  async waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (this.exit) throw new Error(`the server exited (${JSON.stringify(this.exit)}) while waiting for ${what}: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

const INVALID_PARAMS = -32602;

async function rejected(client: RawClient, method: string, params: unknown, pattern: RegExp): Promise<void> {
  const response = await client.request(method, params);
  assert.equal(response.error?.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)} -> ${JSON.stringify(response)}`);
  assert.match(response.error!.message, pattern);
}

function items(response: Message): { range: { start: { line: number } } }[] {
  assert.equal(response.error, undefined, JSON.stringify(response.error));
  const report = response.result as { kind: string; items: { range: { start: { line: number } } }[] };
  assert.equal(report.kind, 'full');
  return report.items;
}

test('malformed frames, requests and notifications: errors or logged and ignored, and the server keeps serving', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-raw-'));
  fs.writeFileSync(path.join(root, 'main.go'), RACY);
  const main = uriOf(path.join(root, 'main.go'));
  const client = RawClient.start(root);
  try {
    const init = await client.request('initialize', { processId: null, rootUri: uriOf(root), capabilities: { textDocument: { diagnostic: {} } } });
    assert.ok(init.result, JSON.stringify(init));
    client.notify('initialized', {});
    assert.equal(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })).length, 2);

    // Unreadable frames: vscode-jsonrpc drops each one (no response: its id is unknown) and reads on. A
    // frame with a bad header also holds back the rest of the chunk it came in until more data arrives, so
    // each one is written on its own here.
    const garbage = [
      frame('{"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", '),
      'X-Garbage: no length here\r\n\r\n',
      'Content-Length: many\r\n\r\n',
      'no header at all\r\n\r\n',
      frame('[1, 2, 3]'), // a JSON-RPC batch: not supported, logged
      frame('{"jsonrpc": "2.0", "hello": "world"}'), // valid JSON, not a message: logged
      frame('\u0000\u00ff\ufffd'),
    ];
    for (const bytes of garbage) {
      client.raw(bytes);
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })).length, 2, `still reading after ${JSON.stringify(bytes)}`);
    }
    assert.equal(client.received.filter((m) => m.id === 99).length, 0);
    assert.equal(client.logs(/neither a response nor a notification/).length, 2);

    // Unknown methods: a request gets MethodNotFound, a notification is ignored.
    assert.equal((await client.request('maprace/noSuchThing', {})).error?.code, -32601);
    client.notify('maprace/noSuchNotification', { x: 1 });

    // Missing params, wrong types, negative positions: InvalidParams naming the field.
    assert.equal((await client.request('textDocument/hover')).error?.code, INVALID_PARAMS);
    await rejected(client, 'textDocument/diagnostic', { textDocument: { uri: 42 } }, /params\.textDocument\.uri must be a string/);
    await rejected(client, 'textDocument/diagnostic', { textDocument: null }, /params\.textDocument must be an object/);
    await rejected(client, 'textDocument/diagnostic', { textDocument: { uri: main }, previousResultId: 7 }, /previousResultId must be a string/);
    await rejected(client, 'workspace/diagnostic', {}, /params\.previousResultIds must be an array/);
    await rejected(client, 'workspace/diagnostic', { previousResultIds: [{ uri: main }] }, /previousResultIds\[0\]\.value must be a string/);
    await rejected(client, 'textDocument/hover', { textDocument: { uri: main }, position: { line: -1, character: 0 } }, /position\.line must be an integer from 0/);
    await rejected(client, 'textDocument/hover', { textDocument: { uri: main }, position: { line: 1.5, character: 0 } }, /position\.line/);
    await rejected(client, 'textDocument/hover', { textDocument: { uri: main }, position: { line: 0, character: '3' } }, /position\.character/);
    await rejected(client, 'textDocument/hover', { textDocument: { uri: main }, position: { line: 2 ** 40, character: 0 } }, /position\.line/);
    await rejected(client, 'textDocument/codeAction', 'str', /params must be an object/);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    await rejected(client, 'textDocument/codeAction', { textDocument: { uri: main }, range, context: {} }, /context\.diagnostics must be an array/);
    await rejected(
      client,
      'textDocument/codeAction',
      { textDocument: { uri: main }, range, context: { diagnostics: [{ range: { start: { line: -3, character: 0 }, end: range.end }, message: 'x' }] } },
      /diagnostics\[0\]\.range\.start\.line/,
    );
    await rejected(client, 'textDocument/codeAction', { textDocument: { uri: main }, range, context: { diagnostics: [], only: 'quickfix' } }, /context\.only must be an array/);

    // Well-formed but out of range or unknown: ordinary empty answers (LSP clamps positions past the end).
    const hoverFar = await client.request('textDocument/hover', { textDocument: { uri: main }, position: { line: 9999, character: 9999 } });
    assert.deepEqual([hoverFar.error, hoverFar.result], [undefined, null]);
    for (const uri of [uriOf(path.join(root, 'nowhere', 'x.go')), 'untitled:Untitled-1', 'not a uri', 'file:///%E0%A4%A.go', 'file://host/share/x.go', uriOf(root)]) {
      assert.deepEqual(items(await client.request('textDocument/diagnostic', { textDocument: { uri } })), [], uri);
      const actions = await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
      assert.deepEqual([actions.error, actions.result], [undefined, []], uri);
    }

    // Malformed notifications are logged once per method, not per message, and change nothing.
    for (let i = 0; i < 5; i++) client.notify('textDocument/didOpen', { textDocument: { uri: main, languageId: 'go', version: 1 } });
    client.notify('textDocument/didClose', {});
    client.notify('workspace/didChangeWatchedFiles', { changes: 'all of them' });
    assert.equal(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })).length, 2, 'the disk file still counts');
    assert.equal(client.logs(/textDocument\/didOpen with invalid params failed: maprace: params\.textDocument\.text must be a string/).length, 1);
    assert.equal(client.logs(/textDocument\/didClose with invalid params failed/).length, 1);
    assert.equal(client.logs(/workspace\/didChangeWatchedFiles with invalid params failed/).length, 1);

    // An open buffer (race-free) shadows the disk (racy); a change to a document never opened is ignored.
    client.notify('textDocument/didOpen', { textDocument: { uri: main, languageId: 'go', version: 1, text: SAFE } });
    client.notify('textDocument/didChange', { textDocument: { uri: uriOf(path.join(root, 'other.go')), version: 2 }, contentChanges: [{ text: RACY }] });
    assert.deepEqual(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })), []);
    // Ranges past the end clamp, as LSP says: appending at line 9999 adds to the end of the text.
    client.notify('textDocument/didChange', {
      textDocument: { uri: main, version: 2 },
      contentChanges: [{ range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: '\n// appended\n' }],
    });
    assert.deepEqual(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })), []);
    // An edit that cannot be applied leaves our copy out of step: the buffer is forgotten, the disk counts again.
    client.notify('textDocument/didChange', {
      textDocument: { uri: main, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// ok\n' }, { range: { start: { line: -1, character: 0 } }, text: 'x' }],
    });
    assert.deepEqual(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })).map((d) => d.range.start.line), [5, 6]);
    assert.equal(client.logs(/textDocument\/didChange with invalid params failed: maprace: params\.contentChanges\[1\]\.range\.start\.line must be an integer/).length, 1);

    // A closed document is answered from the disk; so are requests for it after the close.
    client.notify('textDocument/didOpen', { textDocument: { uri: main, languageId: 'go', version: 1, text: SAFE } });
    assert.deepEqual(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })), []);
    client.notify('textDocument/didClose', { textDocument: { uri: main } });
    client.notify('textDocument/didClose', { textDocument: { uri: main } }); // twice: ignored
    assert.equal(items(await client.request('textDocument/diagnostic', { textDocument: { uri: main } })).length, 2);
    const hover = await client.request('textDocument/hover', { textDocument: { uri: main }, position: { line: 6, character: 5 } });
    assert.match(JSON.stringify(hover.result), /map `m`/);

    // Nothing above threw inside a feature, and the session ends cleanly.
    assert.deepEqual(client.logs(/TypeError|RangeError/), []);
    assert.equal((await client.request('shutdown')).error, undefined);
    client.notify('exit');
    await client.waitFor('the exit', () => client.exit);
    assert.deepEqual(client.exit, { code: 0, signal: null });
  } finally {
    client.proc.kill();
  }
});
