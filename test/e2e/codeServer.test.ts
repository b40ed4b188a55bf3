// End to end in a real VS Code (code-server 4.x) driven by Chromium: the packaged extension
// shows the race in a Go file, offers the mutex quick fix, and the fix removes it; "Fix all in this file"
// removes two races of another file at once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  INSTALL_HINT,
  installExtension,
  languageServerPids,
  makeDirs,
  missingTools,
  packageExtension,
  repoRoot,
  startCodeServer,
  type Dirs,
  type RunningCodeServer,
} from './codeServer';
import { CHROMIUM, Workbench } from './workbench';

const SHOTS = join(repoRoot, 'test-results', 'e2e');
const SQUIGGLE_DOC = join(repoRoot, 'docs', 'images', 'squiggle.png');

test('VS Code (code-server): squiggle, Problems entry, "Guard" quick fix and "Fix all" remove the races', { timeout: 420_000 }, async (t) => {
  const missing = missingTools() ?? (existsSync(CHROMIUM) ? undefined : `no browser at ${CHROMIUM} (apt-get install -y chromium)`);
  if (missing) {
    t.skip(`not run: ${missing}; ${INSTALL_HINT}`);
    return;
  }
  const base = mkdtempSync(join(tmpdir(), 'maprace-e2e-'));
  const dirs = makeDirs(base);
  const folder = join(base, 'racy');
  cpSync(join(repoRoot, 'test', 'e2e', 'workspace'), folder, { recursive: true });
  rmSync(SHOTS, { recursive: true, force: true });

  let server: RunningCodeServer | undefined;
  let wb: Workbench | undefined;
  try {
    const vsix = join(base, 'maprace.vsix');
    packageExtension(vsix);
    installExtension(dirs, vsix);

    server = await startCodeServer(dirs, folder);
    wb = await Workbench.open(`${server.url}/?folder=${encodeURIComponent(folder)}`, SHOTS);
    await wb.trustWorkspaceIfAsked();
    await wb.screenshot('workbench');

    await wb.quickOpen('main.go');
    await wb.screenshot('main-go-open');
    await waitFor(() => extensionLog(dirs.userData).includes('Starting the maprace language server'), 60_000, () =>
      `the maprace extension did not start its server; extension host logs:\n${extensionLog(dirs.userData)}`,
    );

    // The race: the goroutine's counts["hits"]++ against the read in fmt.Println.
    await wb.squiggles().first().waitFor({ timeout: 60_000 });
    await wb.screenshot('squiggle');
    const hover = await wb.hoverSquiggle();
    await hover.filter({ hasText: /concurrent map/ }).waitFor({ timeout: 15_000 });
    const hoverShot = await wb.screenshot('squiggle-hover', wb.page.locator('.editor-group-container.active'), 380);
    // The README's picture: written once, refreshed on demand, so test runs leave the tree clean.
    if (!existsSync(SQUIGGLE_DOC) || process.env.MAPRACE_UPDATE_DOCS_IMAGE === '1') {
      mkdirSync(join(SQUIGGLE_DOC, '..'), { recursive: true });
      copyFileSync(hoverShot, SQUIGGLE_DOC);
    }
    await wb.page.keyboard.press('Escape');

    const problems = await wb.openProblems();
    const entry = problems.locator('.monaco-list-row', { hasText: /concurrent map/ })
      .filter({ hasText: 'maprace' })
      .filter({ hasText: 'concurrent-map-access' });
    await entry.first().waitFor({ timeout: 30_000 });
    await wb.screenshot('problems');

    // A crashed server is restarted, and so is one restarted by the command; diagnostics come back.
    await crashAndRestart(wb, dirs);
    await wb.runCommand('maprace: Restart Language Server');
    await waitFor(() => extensionLog(dirs.userData).includes('Restarting the maprace language server.'), 30_000, () =>
      'maprace.restartServer did not run',
    );
    await wb.squiggles().first().waitFor({ timeout: 60_000 });

    await wb.clickSquiggle();
    await wb.page.keyboard.press('Control+.');
    const guard = wb.page.locator('.action-widget .monaco-list-row', { hasText: /^\s*Guard/ }).first();
    await guard.waitFor({ timeout: 30_000 });
    await wb.screenshot('quick-fix-menu');
    await guard.click();

    await waitFor(async () => (await wb!.squiggles().count()) === 0, 60_000, () => 'the squiggle stayed after the fix');
    await wb.page.keyboard.press('Control+S');
    await waitFor(() => readFileSync(join(folder, 'main.go'), 'utf8').includes('sync.'), 30_000, () =>
      `main.go was not saved with a mutex:\n${readFileSync(join(folder, 'main.go'), 'utf8')}`,
    );
    await wb.screenshot('fixed');

    // tally.go has two racing maps: "Fix all maprace problems in this file" guards both in one edit.
    await wb.quickOpen('tally.go');
    await waitFor(async () => (await wb!.squiggles().count()) >= 2, 60_000, () => 'tally.go did not show its two races');
    await wb.clickSquiggle();
    await wb.page.keyboard.press('Control+.');
    const fixAll = wb.page.locator('.action-widget .monaco-list-row', { hasText: /Fix all maprace problems in this file \(2\)/ }).first();
    await fixAll.waitFor({ timeout: 30_000 });
    await wb.screenshot('fix-all-menu');
    await fixAll.click();
    await waitFor(async () => (await wb!.squiggles().count()) === 0, 60_000, () => 'squiggles stayed in tally.go after "Fix all"');
    await wb.page.keyboard.press('Control+S');
    await waitFor(() => (readFileSync(join(folder, 'tally.go'), 'utf8').match(/\.Lock\(\)/g) ?? []).length >= 2, 30_000, () =>
      `tally.go was not saved with both maps guarded:\n${readFileSync(join(folder, 'tally.go'), 'utf8')}`,
    );
    await wb.screenshot('fixed-all');
    assertRaceFree(t, folder);
  } catch (err) {
    await wb?.screenshot('failure').catch(() => undefined);
    if (server) t.diagnostic(`code-server output (tail):\n${server.log().slice(-3000)}`);
    t.diagnostic(`maprace output channel:\n${extensionLog(dirs.userData).slice(-6000)}`);
    t.diagnostic(`extension host log (tail):\n${extensionLog(dirs.userData, /^exthost\.log$/).slice(-3000)}`);
    throw err;
  } finally {
    await wb?.close();
    await server?.stop();
    rmSync(base, { recursive: true, force: true });
  }
});

async function crashAndRestart(wb: Workbench, dirs: Dirs): Promise<void> {
  const [pid, ...others] = languageServerPids(dirs.extensions);
  assert.ok(pid, 'no maprace language server process found');
  assert.deepEqual(others, [], 'more than one maprace language server is running');
  process.kill(pid, 'SIGKILL');
  await waitFor(() => extensionLog(dirs.userData).includes('maprace: the language server stopped (signal SIGKILL); restarting (1/5)'), 30_000, () =>
    `the client did not report the crash:\n${extensionLog(dirs.userData)}`,
  );
  await waitFor(() => languageServerPids(dirs.extensions).some((p) => p !== pid), 30_000, () => 'no new server process');
  await wb.squiggles().first().waitFor({ timeout: 60_000 });
  await wb.screenshot('after-crash-restart');
}

// The fixed program must compile, and the race detector must no longer see a race.
function assertRaceFree(t: { diagnostic: (m: string) => void }, folder: string): void {
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.status !== 0) {
    t.diagnostic('go not installed: the fixed file was not compiled or run with -race');
    return;
  }
  const vet = spawnSync('go', ['vet', '.'], { cwd: folder, encoding: 'utf8', timeout: 120_000 });
  assert.equal(vet.status, 0, `go vet failed on the fixed file:\n${vet.stderr}`);
  const run = spawnSync('go', ['run', '-race', '.'], { cwd: folder, encoding: 'utf8', timeout: 180_000 });
  assert.equal(run.status, 0, `go run -race still fails after the fix:\n${run.stderr}`);
  assert.doesNotMatch(run.stderr, /DATA RACE/);
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, why: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${why()}`);
}

// What the extension host wrote to logs whose file name matches `name`: its own log
// (exthost.log) and the output channels (ours, 'maprace', is N-maprace.log).
function extensionLog(userData: string, name: RegExp = /maprace/i): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.test(entry) && entry.endsWith('.log')) parts.push(`== ${full}\n${readFileSync(full, 'utf8')}`);
    }
  };
  walk(join(userData, 'logs'));
  return parts.join('\n');
}
