// Runs inside VS Code's extension host (loaded by @vscode/test-electron as extensionTestsPath):
// opening the racy file must produce a maprace diagnostic for the concurrent map access.
import * as path from 'node:path';
import * as vscode from 'vscode';

const TIMEOUT_MS = 60_000;

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: runTest.ts opens the racy workspace');
  const uri = vscode.Uri.file(path.join(folder.uri.fsPath, 'main.go'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  if (doc.languageId !== 'go') throw new Error(`main.go opened with language ${doc.languageId}, not go`);

  const found = await new Promise<vscode.Diagnostic | undefined>((resolve) => {
    const check = () => {
      const hit = vscode.languages
        .getDiagnostics(uri)
        .find((d) => d.source === 'maprace' && codeOf(d) === 'concurrent-map-access');
      if (hit) {
        sub.dispose();
        clearTimeout(timer);
        resolve(hit);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(undefined);
    }, TIMEOUT_MS);
    check();
  });
  if (!found) {
    const got = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${codeOf(d)}: ${d.message}`);
    throw new Error(`no maprace concurrent-map-access diagnostic on main.go within ${TIMEOUT_MS} ms; got ${JSON.stringify(got)}`);
  }
  if (!/concurrent map/.test(found.message)) throw new Error(`unexpected message: ${found.message}`);
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}
