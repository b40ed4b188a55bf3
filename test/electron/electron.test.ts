// The @vscode/test-electron suite, run only where a VS Code build is available by path.
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { runElectronSuite } from './runTest';

test('VS Code (electron, @vscode/test-electron): maprace diagnostic on the racy file', { timeout: 300_000 }, async (t) => {
  const exe = process.env.MAPRACE_VSCODE_EXECUTABLE;
  if (!exe) {
    t.skip('not run: @vscode/test-electron needs a VS Code build; set MAPRACE_VSCODE_EXECUTABLE=/path/to/code');
    return;
  }
  if (!existsSync(exe)) throw new Error(`MAPRACE_VSCODE_EXECUTABLE=${exe} does not exist`);
  await runElectronSuite(exe);
});
