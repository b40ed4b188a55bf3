// A real LSP client session against the built server (node dist/server.js --stdio), over JSON-RPC on stdio.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceDiagnosticRequest,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export const uriOf = (file: string) => pathToFileURL(file).href;

export interface ClientOptions {
  /** Declare textDocument.diagnostic (pull); without it the server must publish. */
  pull: boolean;
  progress?: boolean;
  watch?: boolean;
  refresh?: boolean;
  documentChanges?: boolean;
  /** Declare textDocument.codeAction.disabledSupport (actions that cannot apply come with a reason). */
  disabledSupport?: boolean;
  /** Initialize with trace 'verbose': the server's $/logTrace lines land in `traces`. */
  trace?: boolean;
}

export function clientCapabilities(o: ClientOptions): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      ...(o.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        isPreferredSupport: true,
        dataSupport: true,
        ...(o.disabledSupport ? { disabledSupport: true } : {}),
      },
    },
    window: { workDoneProgress: !!o.progress },
    workspace: {
      workspaceFolders: true,
      didChangeWatchedFiles: { dynamicRegistration: !!o.watch },
      workspaceEdit: { documentChanges: !!o.documentChanges },
      ...(o.refresh ? { diagnostics: { refreshSupport: true } } : {}),
    },
  };
}

export class LspSession {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly progress: { token: string | number; kind: string; percentage?: number }[] = [];
  readonly createdTokens: (string | number)[] = [];
  readonly registrations: Registration[] = [];
  refreshes = 0;
  stderr = '';
  readonly logs: string[] = [];
  readonly traces: string[] = [];
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
  ) {}

  static async start(root: string, options: ClientOptions, env: NodeJS.ProcessEnv = {}): Promise<LspSession> {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const session = new LspSession(proc, conn);
    proc.stderr!.on('data', (d) => (session.stderr += d));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => session.published.push(p));
    conn.onNotification('$/progress', (p: { token: string | number; value: { kind: string; percentage?: number } }) =>
      session.progress.push({ token: p.token, kind: p.value.kind, percentage: p.value.percentage }),
    );
    conn.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      session.createdTokens.push(p.token);
      return null;
    });
    conn.onRequest(RegistrationRequest.type, (p) => {
      session.registrations.push(...p.registrations);
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      session.refreshes++;
      return null;
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => session.logs.push(p.message));
    conn.onNotification('$/logTrace', (p: { message: string }) => session.traces.push(p.message));
    conn.listen();
    session.initializeResult = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uriOf(root),
      capabilities: clientCapabilities(options),
      workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
      ...(options.trace ? { trace: 'verbose' as const } : {}),
    });
    await conn.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** Polls `condition` (the server's messages arrive asynchronously) until true or `timeoutMs`. */
  async waitFor(what: string, condition: () => boolean, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async open(file: string, text: string): Promise<string> {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'go', version: 1, text },
    });
    return uri;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Sends one didChange with these content changes; returns the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  version(uri: string): number | undefined {
    return this.versions.get(uri);
  }

  async diagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  /** Pulled items of a document (fails on an 'unchanged' report, which needs a previous id). */
  async items(uri: string): Promise<Diagnostic[]> {
    const report = await this.diagnostics(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report, got ${JSON.stringify(report)}`);
    return report.items;
  }

  async workspaceDiagnostics(previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport> {
    return this.conn.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
  }

  async codeActions(params: CodeActionParams): Promise<(Command | CodeAction)[]> {
    return (await this.conn.sendRequest(CodeActionRequest.type, params)) ?? [];
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async foldersChanged(added: string[], removed: string[]): Promise<void> {
    const folders = (dirs: string[]) => dirs.map((d) => ({ uri: uriOf(d), name: path.basename(d) }));
    await this.conn.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: folders(added), removed: folders(removed) } });
  }

  async watchedFilesChanged(changes: FileEvent[]): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return [...this.published].reverse().find((p) => p.uri === uri);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.on('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      this.proc.kill();
    }
    const timer = setTimeout(() => this.proc.kill(), 5000);
    const code = await exited;
    clearTimeout(timer);
    this.conn.dispose();
    return code;
  }
}
