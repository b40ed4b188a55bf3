// maprace-language-server: incremental sync, pull or push diagnostics, quick fixes and hover, over any LSP transport.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  combineFeatures,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type CodeActionParams,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Parser } from './parsing/goParser';
import { createGoParser } from './parsing/goParser';
import { CODE_ACTION_KINDS, CodeActions } from './features/codeActions';
import { Diagnostics } from './features/diagnostics';
import { Hovers } from './features/hover';
import { indexWorkspace, isIndexed, isIndexedDir } from './features/indexing';
import { MessageQueue } from './features/cancellation';
import { Handlers } from './features/handlers';
import { traceLevelFeature } from './features/traceLevel';
import { warmUpOnce } from './features/warmUp';
import * as params from './features/params';
import { TracedPackages } from './workspace/analysisTrace';
import { DiskFiles } from './workspace/diskFiles';
import { DocumentStore } from './workspace/documentStore';
import { FailureLog } from './workspace/failureLog';
import { uriToPath } from './workspace/uris';
import { IndexWorker } from './workspace/indexWorker';
import { isJobWorker, serveJobs } from './jobs/jobWorker';

const USAGE = 'usage: maprace-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME | --version';

function packageVersion(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === 'maprace') return String(pkg.version);
    } catch {
      // not here; keep walking up
    }
  }
  return 'unknown';
}

function hasTransport(argv: readonly string[]): boolean {
  return argv.some((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)(=|$)/.test(a));
}

/** Indexing starts once the client has sent nothing for this long after `initialized` (at most the max). */
const INDEXING_QUIET_MS = 50;
const INDEXING_QUIET_MAX_MS = 2000;

function serve(parser: Parser): void {
  const queue = new MessageQueue();
  let tracing = false;
  const features = combineFeatures(ProposedFeatures.all, { __brand: 'features', tracer: traceLevelFeature((on) => (tracing = on)) });
  const connection = createConnection(features, queue.connectionOptions);
  const log = (message: string) => connection.console.error(message);
  const handlers = new Handlers(queue, new FailureLog(log));
  const docs = new DocumentStore(parser);
  const disk = new DiskFiles(parser);
  const packages = new TracedPackages(docs, disk, log, (message) => tracing && connection.tracer.log(message()));
  // This bundle is also the indexing worker's script (see main).
  const indexWorker = () => new IndexWorker(__filename, log);
  let diagnostics!: Diagnostics;
  let actions!: CodeActions;
  let hovers!: Hovers;
  let roots: string[] = [];
  let watchDynamically = false;
  let foldersChange = false;
  const inWorkspace = (dir: string) => isIndexedDir(dir, roots);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    const pull = !!caps.textDocument?.diagnostic;
    diagnostics = new Diagnostics(connection, docs, packages, {
      pull,
      refresh: !!caps.workspace?.diagnostics?.refreshSupport,
    });
    actions = new CodeActions(diagnostics, packages, {
      documentChanges: !!caps.workspace?.workspaceEdit?.documentChanges,
      disabledSupport: !!caps.textDocument?.codeAction?.disabledSupport,
    });
    hovers = new Hovers(packages, diagnostics.uriOf);
    watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    foldersChange = !!caps.workspace?.workspaceFolders;
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folderUris.map(uriToPath).filter((p): p is string => !!p);
    if (!roots.length && params.rootPath) roots = [params.rootPath];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pull ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'maprace-language-server', version: packageVersion() },
    };
  });

  connection.onInitialized(async () => {
    if (watchDynamically) {
      await connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.go' }] })
        .catch((err) => log(`maprace: cannot watch **/*.go: ${String(err)}`));
    }
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const f of event.removed) {
          const root = uriToPath(f.uri);
          if (!root) continue;
          roots = roots.filter((r) => r !== root);
          for (const dir of packages.knownDirs()) {
            // An open document's package stays, as for a file opened from outside the workspace.
            if (!path.relative(root, dir).startsWith('..') && !inWorkspace(dir) && !docs.inDirectory(dir).length) diagnostics.clear(packages.forget(dir));
          }
        }
        const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        roots = [...roots, ...added];
        if (added.length) void indexWorkspace(connection, added, inWorkspace, diagnostics, indexWorker()).catch((err) => log(`maprace: indexing failed: ${err}`));
      });
    }
    const quiet = () => queue.quiet(INDEXING_QUIET_MS, INDEXING_QUIET_MAX_MS);
    void indexWorkspace(connection, roots, inWorkspace, diagnostics, indexWorker(), quiet).catch((err) => log(`maprace: indexing failed: ${err?.stack ?? err}`));
  });

  const isGo = (uri: string) => uri.endsWith('.go');

  connection.onDidOpenTextDocument(
    handlers.notification('textDocument/didOpen', params.didOpenParams, (td) => {
      if (!isGo(td.uri) && td.languageId !== 'go') return;
      // Before the first analysis, so that the code it optimizes is the code edits run (see warmUp.ts), and
      // before this document's analysis is scheduled, so that it waits for the rest of a batch of opens as usual.
      warmUpOnce(parser, { info: (message) => connection.console.log(message), error: log });
      const doc = docs.open(td.uri, td.version, td.text);
      if (doc) diagnostics.schedule(packages.touch(doc.path, true));
    }),
  );

  connection.onDidChangeTextDocument(
    handlers.notification(
      'textDocument/didChange',
      params.didChangeParams,
      ({ uri, version, contentChanges }) => {
        const doc = docs.change(uri, version, contentChanges);
        if (doc) diagnostics.schedule(packages.touch(doc.path, true));
      },
      // An edit we could not apply leaves our copy out of step with the client's: forget the buffer (the
      // disk decides again) rather than report at wrong positions until the document is reopened.
      (raw) => {
        const uri = (raw as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
        const doc = typeof uri === 'string' ? docs.close(uri) : undefined;
        if (!doc) return;
        disk.invalidate(doc.path);
        diagnostics.schedule(packages.touch(doc.path));
      },
    ),
  );

  connection.onDidCloseTextDocument(
    handlers.notification('textDocument/didClose', params.didCloseParams, ({ uri }) => {
      const doc = docs.close(uri);
      if (!doc) return;
      // The buffer may have been discarded unsaved: the disk decides again.
      disk.invalidate(doc.path);
      diagnostics.schedule(packages.touch(doc.path));
    }),
  );

  connection.onDidChangeWatchedFiles(
    handlers.notification('workspace/didChangeWatchedFiles', params.didChangeWatchedFilesParams, (changes) => {
      const known = new Set(packages.knownDirs());
      for (const change of changes) {
        const file = uriToPath(change.uri);
        if (!file || !file.endsWith('.go')) continue;
        disk.invalidate(file);
        if (!known.has(path.dirname(file)) && !isIndexed(file, roots)) continue;
        if (change.type === FileChangeType.Deleted && docs.atPath(file)) continue; // the open buffer still counts
        diagnostics.schedule(packages.touch(file));
      }
    }),
  );

  connection.languages.diagnostics.on(
    handlers.request('textDocument/diagnostic', params.documentDiagnosticParams, { kind: 'full', items: [] } as const, (p) =>
      diagnostics.documentReport(p.uri, p.previousResultId),
    ),
  );

  connection.languages.diagnostics.onWorkspace(
    handlers.request('workspace/diagnostic', params.workspaceDiagnosticParams, { items: [] }, (p) => ({
      items: diagnostics.workspaceReports(new Map(p.previousResultIds.map((e) => [e.uri, e.value]))),
    })),
  );

  connection.onCodeAction(
    handlers.request('textDocument/codeAction', (raw) => params.codeActionParams<Diagnostic>(raw), [], (p) =>
      actions.provide(p as CodeActionParams),
    ),
  );

  connection.onHover(handlers.request('textDocument/hover', params.hoverParams, null, (p) => hovers.provide(p)));

  connection.listen();
}

async function main(): Promise<void> {
  if (isJobWorker()) return serveJobs();
  const argv = process.argv.slice(2);
  if (argv.includes('--version')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (!hasTransport(argv)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  // tree-sitter's wasm keeps V8's default tiers (baseline code first, hot functions optimized in the
  // background). Without the baseline tier (--no-liftoff) each function was compiled by the optimizing
  // compiler on its first call, on this thread: the first parse of net/http/h2_bundle.go took 130 ms
  // instead of 80, and the first edit's reparse compiled the incremental paths (20 ms) while typing.
  let parser: Parser;
  try {
    parser = await createGoParser();
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  serve(parser);
}

void main();
