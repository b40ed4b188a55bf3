// maprace-language-server: incremental sync, pull or push diagnostics, quick fixes and hover, over any LSP transport.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Parser } from './parsing/goParser';
import { createGoParser } from './parsing/goParser';
import { CODE_ACTION_KINDS, CodeActions } from './features/codeActions';
import { Diagnostics } from './features/diagnostics';
import { Hovers } from './features/hover';
import { indexWorkspace, isIndexed } from './features/indexing';
import { DiskFiles } from './workspace/diskFiles';
import { DocumentStore } from './workspace/documentStore';
import { Packages } from './workspace/packages';
import { uriToPath } from './workspace/uris';

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

/** Wraps a handler so a failure is logged and answered with `fallback` instead of breaking the session. */
function guarded<A extends unknown[], R>(connection: Connection, what: string, fallback: R, fn: (...a: A) => R) {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (err) {
      connection.console.error(`maprace: ${what} failed: ${(err as Error).stack ?? String(err)}`);
      return fallback;
    }
  };
}

function serve(parser: Parser): void {
  const connection = createConnection(ProposedFeatures.all);
  const log = (message: string) => connection.console.error(message);
  const docs = new DocumentStore(parser);
  const disk = new DiskFiles(parser);
  const packages = new Packages(docs, disk, log);
  const warm = (file: string) => {
    try {
      if (!docs.atPath(file)) disk.get(file);
    } catch (err) {
      log(`maprace: cannot parse ${file}: ${(err as Error).stack ?? err}`);
    }
  };
  let diagnostics!: Diagnostics;
  let actions!: CodeActions;
  let hovers!: Hovers;
  let roots: string[] = [];
  let watchDynamically = false;
  let foldersChange = false;

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
            if (!path.relative(root, dir).startsWith('..')) diagnostics.clear(packages.forget(dir));
          }
        }
        const added = event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
        roots.push(...added);
        if (added.length) void indexWorkspace(connection, added, diagnostics, warm).catch((err) => log(`maprace: indexing failed: ${err}`));
      });
    }
    void indexWorkspace(connection, roots, diagnostics, warm).catch((err) => log(`maprace: indexing failed: ${err?.stack ?? err}`));
  });

  const isGo = (uri: string) => uri.endsWith('.go');

  connection.onDidOpenTextDocument(
    guarded(connection, 'didOpen', undefined, ({ textDocument: td }) => {
      if (!isGo(td.uri) && td.languageId !== 'go') return;
      const doc = docs.open(td.uri, td.version, td.text);
      if (doc) diagnostics.schedule(packages.touch(doc.path, true));
    }),
  );

  connection.onDidChangeTextDocument(
    guarded(connection, 'didChange', undefined, ({ textDocument, contentChanges }) => {
      const doc = docs.change(textDocument.uri, textDocument.version, contentChanges);
      if (doc) diagnostics.schedule(packages.touch(doc.path, true));
    }),
  );

  connection.onDidCloseTextDocument(
    guarded(connection, 'didClose', undefined, ({ textDocument }) => {
      const doc = docs.close(textDocument.uri);
      if (!doc) return;
      // The buffer may have been discarded unsaved: the disk decides again.
      disk.invalidate(doc.path);
      diagnostics.schedule(packages.touch(doc.path));
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(connection, 'didChangeWatchedFiles', undefined, ({ changes }) => {
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
    guarded(connection, 'textDocument/diagnostic', { kind: 'full', items: [] } as const, (params) =>
      diagnostics.documentReport(params.textDocument.uri, params.previousResultId),
    ),
  );

  connection.languages.diagnostics.onWorkspace(
    guarded(connection, 'workspace/diagnostic', { items: [] }, (params) => ({
      items: diagnostics.workspaceReports(new Map(params.previousResultIds.map((p) => [p.uri, p.value]))),
    })),
  );

  connection.onCodeAction(guarded(connection, 'textDocument/codeAction', [], (params) => actions.provide(params)));

  connection.onHover(guarded(connection, 'textDocument/hover', null, (params) => hovers.provide(params)));

  connection.listen();
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--version')) {
    process.stdout.write(`${packageVersion()}\n`);
    return;
  }
  if (!hasTransport(argv)) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  // Compile tree-sitter's wasm with the optimizing tier from the start: the first parses (the document
  // just opened and its package) otherwise run in baseline code, about a tenth slower.
  v8.setFlagsFromString('--no-liftoff');
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
