// The VS Code side of maprace: starts the bundled language server and forwards Go files to it.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** The command the server's "Show documentation" code actions carry (server/src/features/ruleDocsAction.ts). */
const SHOW_RULE_DOCS = 'maprace.showRuleDocs';
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('maprace');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const run = { module: serverModule, transport: TransportKind.stdio };
  const serverOptions: ServerOptions = {
    run,
    debug: { ...run, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // Files changed outside the editor (git checkout, codegen) change what other files race with.
  const goFiles = vscode.workspace.createFileSystemWatcher('**/*.go');
  context.subscriptions.push(goFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'go' }],
    synchronize: { fileEvents: goFiles },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
  };
  client = new LanguageClient('maprace', 'maprace', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('maprace.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('maprace.restartServer', async () => {
      output.appendLine('Restarting the maprace language server.');
      await client?.restart();
    }),
    // Run by the server's "Show documentation for `<rule>`" code action with the rule page's URL.
    vscode.commands.registerCommand(SHOW_RULE_DOCS, async (url: unknown) => {
      const uri = typeof url === 'string' ? vscode.Uri.parse(url) : undefined;
      // Only web pages: the argument comes from a code action, not from the user.
      if (!uri || (uri.scheme !== 'https' && uri.scheme !== 'http')) {
        output.appendLine(`${SHOW_RULE_DOCS}: not a documentation URL: ${String(url)}`);
        return false;
      }
      return vscode.env.openExternal(uri);
    }),
  );

  output.appendLine(`Starting the maprace language server from ${serverModule}.`);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// Restarts a crashed server, but gives up when it keeps crashing so a broken build does not loop forever.
class RestartingErrorHandler implements ErrorHandler {
  private readonly restarts: number[] = [];

  constructor(private readonly output: vscode.OutputChannel) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.appendLine(`Connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts.push(now);
    while (this.restarts.length > 0 && now - this.restarts[0] > RESTART_WINDOW_MS) this.restarts.shift();
    if (this.restarts.length > MAX_RESTARTS) {
      const message = `The maprace language server crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. Run "maprace: Restart Language Server" after fixing the cause.`;
      this.output.appendLine(message);
      return { action: CloseAction.DoNotRestart, message };
    }
    this.output.appendLine('The maprace language server stopped unexpectedly; restarting it.');
    return { action: CloseAction.Restart, handled: true };
  }
}
