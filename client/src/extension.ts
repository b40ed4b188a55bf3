// The VS Code side of maprace: starts the bundled language server and forwards Go files to it.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
} from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { ServerProcess } from './serverProcess';

/** The command the server's "Show documentation" code actions carry (server/src/features/ruleDocsAction.ts). */
const SHOW_RULE_DOCS = 'maprace.showRuleDocs';

let client: LanguageClient | undefined;
/** Makes sure the server process is gone after the client stopped it. */
let stopServer: (() => void) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('maprace');
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const server = new ServerProcess(serverModule);
  const policy = new RestartPolicy();
  // Files changed outside the editor (git checkout, codegen) change what other files race with.
  const goFiles = vscode.workspace.createFileSystemWatcher('**/*.go');
  context.subscriptions.push(goFiles);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'go' }],
    synchronize: { fileEvents: goFiles },
    outputChannel: output,
    errorHandler: new RestartingErrorHandler(output, policy, server),
  };
  client = new LanguageClient('maprace', 'maprace', server.start, clientOptions);
  stopServer = () => server.stopped();

  context.subscriptions.push(
    vscode.commands.registerCommand('maprace.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('maprace.restartServer', async () => {
      output.appendLine('Restarting the maprace language server.');
      policy.reset();
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
  stopServer?.();
  client = undefined;
}

// Restarts a server that died, saying how it ended, and gives up when it keeps dying (RestartPolicy).
class RestartingErrorHandler implements ErrorHandler {
  constructor(
    private readonly output: vscode.OutputChannel,
    private readonly policy: RestartPolicy,
    private readonly server: ServerProcess,
  ) {}

  error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    this.output.appendLine(`maprace: connection error: ${error.message}`);
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  async closed(): Promise<CloseHandlerResult> {
    const decision = this.policy.serverStopped(await this.server.lastExit(), Date.now());
    if (decision.restart) {
      this.output.appendLine(decision.message);
      return { action: CloseAction.Restart, handled: true };
    }
    // Not handled: the client logs the message and shows it as an error notification too.
    return { action: CloseAction.DoNotRestart, message: decision.message, handled: false };
  }
}
