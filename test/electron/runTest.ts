// The standard @vscode/test-electron runner: starts a VS Code build with this repo as the
// extension under development and runs suite/index.ts inside it on a copy of the racy workspace.
// Run it with: MAPRACE_VSCODE_EXECUTABLE=/path/to/code node scripts/test.mjs electron
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');

/** Bundles the in-editor suite (vscode stays external) and returns the bundle's path. */
export function bundleSuite(outDir: string): string {
  const out = join(outDir, 'suite.js');
  const esbuild = join(repoRoot, 'node_modules', 'esbuild', 'bin', 'esbuild');
  const r = spawnSync(
    esbuild,
    [join(repoRoot, 'test', 'electron', 'suite', 'index.ts'), '--bundle', '--platform=node', '--format=cjs', '--external:vscode', `--outfile=${out}`],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`esbuild failed to bundle the suite:\n${r.stderr}`);
  return out;
}

/** Runs the suite in the VS Code at `vscodeExecutablePath`; rejects when it fails. */
export async function runElectronSuite(vscodeExecutablePath: string): Promise<void> {
  const base = mkdtempSync(join(tmpdir(), 'maprace-electron-'));
  try {
    const folder = join(base, 'racy');
    cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), folder, { recursive: true });
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: bundleSuite(base),
      launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(base, 'user-data')],
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

