// The VS Code client's restart of a dead server, without VS Code: the policy (restart up to 5 times in 3
// minutes, saying how the server ended) and the process it starts (a real server, whose exit is reported).
// The wiring into vscode-languageclient's ErrorHandler is covered by test/e2e/codeServer.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { InitializeRequest } from 'vscode-languageserver-protocol';
import { describeExit, MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';
import { ServerProcess } from '../../client/src/serverProcess';
import { SERVER } from '../lsp/lspSession';

test('restart policy: up to 5 restarts within 3 minutes, each announced with how the server ended; then it gives up', () => {
  assert.equal(MAX_RESTARTS, 5);
  const policy = new RestartPolicy();
  const t0 = 1_000_000;
  const exits = [
    { code: 1, signal: null },
    { code: null, signal: 'SIGKILL' },
    { code: 134, signal: null },
    undefined,
    { code: 0, signal: null },
  ];
  exits.forEach((exit, i) => {
    const d = policy.serverStopped(exit, t0 + i * 1000);
    assert.equal(d.restart, true);
    assert.equal(d.message, `maprace: the language server stopped (${describeExit(exit)}); restarting (${i + 1}/5)`);
  });
  assert.equal(policy.serverStopped({ code: 1, signal: null }, t0 + 5000).message.split(';')[0], 'maprace: the language server stopped (exit code 1), 6 times in 3 minutes');
  assert.equal(policy.serverStopped({ code: 1, signal: null }, t0 + 6000).restart, false);
  assert.equal(describeExit({ code: null, signal: 'SIGKILL' }), 'signal SIGKILL');
  assert.equal(describeExit(undefined), 'exit code unknown');
});

test('restart policy: stops older than the window are forgotten; a restart the user asks for starts afresh', () => {
  const policy = new RestartPolicy();
  let now = 0;
  for (let i = 0; i < 5; i++) assert.equal(policy.serverStopped({ code: 1, signal: null }, (now += 1000)).restart, true);
  assert.equal(policy.serverStopped({ code: 1, signal: null }, now + 1000).restart, false);
  // Three minutes after the first stops, they no longer count.
  const later = policy.serverStopped({ code: 1, signal: null }, 1000 + RESTART_WINDOW_MS + 2000);
  assert.equal(later.restart, true, later.message);
  policy.reset();
  assert.match(policy.serverStopped({ code: 1, signal: null }, now + 10_000).message, /restarting \(1\/5\)$/);
});

test('server process: a real server on stdio; a kill or a failed start is reported with its signal or exit code', async () => {
  const server = new ServerProcess(SERVER);
  assert.equal(await server.lastExit(), undefined, 'nothing started yet');
  const child = await server.start();
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  conn.listen();
  const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  assert.equal(init.serverInfo?.name, 'maprace-language-server');
  assert.ok(child.spawnargs.some((a) => a === `--clientProcessId=${process.pid}`), 'the server watches this process');
  child.kill('SIGKILL');
  assert.deepEqual(await server.lastExit(), { code: null, signal: 'SIGKILL' });
  conn.dispose();

  // A server that cannot start (no grammar) exits with status 2, and that is what the message will say.
  const saved = process.env.MAPRACE_GRAMMARS;
  process.env.MAPRACE_GRAMMARS = path.join(os.tmpdir(), 'maprace-no-grammar-here');
  try {
    await server.start();
    const exit = await server.lastExit();
    assert.deepEqual(exit, { code: 2, signal: null });
    assert.equal(new RestartPolicy().serverStopped(exit, 0).message, 'maprace: the language server stopped (exit code 2); restarting (1/5)');
  } finally {
    if (saved === undefined) delete process.env.MAPRACE_GRAMMARS;
    else process.env.MAPRACE_GRAMMARS = saved;
  }
});
