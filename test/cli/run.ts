// Runs the real built CLI (dist/cli.js through server/bin/maprace) as a child process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'maprace') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no maprace package.json above ${start}`);
  }
}

export const ROOT = findRoot(__dirname);
export const BIN = path.join(ROOT, 'server', 'bin', 'maprace');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `as`: run as another user (root only), for permission checks that do not apply to root. */
export function maprace(args: string[], cwd = ROOT, as?: { uid: number; gid: number }): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000, ...as });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonFinding {
  file: string;
  rule: string;
  severity: string;
  message: string;
  range: JsonRange;
  related: { file: string; range: JsonRange; message: string }[];
  fixes: { title: string; preferred: boolean }[];
}

export function mapraceJson(args: string[], cwd = ROOT): { run: CliRun; findings: JsonFinding[] } {
  const run = maprace(['--format', 'json', ...args], cwd);
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(run.stdout);
  } catch {
    throw new Error(`not JSON (exit ${run.status}): ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr}`);
  }
  return { run, findings };
}

/** A temporary directory holding `files` (path -> content or bytes). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export function hasGo(): boolean {
  return spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;
}
