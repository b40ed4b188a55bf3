// Finds the Go toolchain and runs it in GOPATH mode over test/testdata (no module proxy exists here).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type GoLookup = { bin: string; version: string } | { missing: string };

/** The first executable `go` on PATH that answers `go version`, or why there is none. */
export function findGo(): GoLookup {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of dirs) {
    const bin = path.join(dir, 'go');
    try {
      fs.accessSync(bin, fs.constants.X_OK);
    } catch {
      continue;
    }
    const r = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 30_000 });
    if (r.status === 0) return { bin, version: r.stdout.trim() };
    return { missing: `${bin} version failed: ${(r.stderr || String(r.error ?? r.status)).trim()}` };
  }
  return { missing: `searched ${dirs.length} PATH directories` };
}

export interface GoRun {
  status: number | null;
  /** stdout and stderr interleaved as the go tool wrote them. */
  output: string;
}

/** Runs `go args...` in `<gopath>/src` with GOPATH mode forced, stdout and stderr merged in order. */
export function runGoPath(bin: string, gopath: string, args: string[], timeoutMs = 600_000): GoRun {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-go-'));
  const outFile = path.join(tmp, 'out.txt');
  const fd = fs.openSync(outFile, 'w');
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GO111MODULE: 'off',
      GOPATH: gopath,
      GOFLAGS: '',
      CGO_ENABLED: '1', // -race needs cgo
    };
    // The build cache needs a home; fall back to a temp one rather than failing on a bare CI user.
    if (!env.GOCACHE && !env.HOME && !env.XDG_CACHE_HOME) env.GOCACHE = path.join(os.tmpdir(), 'maprace-gocache');
    const r = spawnSync(bin, args, { cwd: path.join(gopath, 'src'), env, stdio: ['ignore', fd, fd], timeout: timeoutMs });
    fs.closeSync(fd);
    const output = fs.readFileSync(outFile, 'utf8') + (r.error ? `\n[maprace test] ${r.error.message}` : '');
    return { status: r.status, output };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export interface PackageTestResult {
  status: 'ok' | 'FAIL' | 'no test files';
  /** Everything go test printed for this package, its summary line included. */
  output: string;
}

const SUMMARY = /^(ok|FAIL|\?)\s+(\S+)(?:\s|$)/;

/** Splits the output of one multi-package `go test` run into per-package results (go prints each package's block whole). */
export function parseGoTestOutput(output: string): Map<string, PackageTestResult> {
  const results = new Map<string, PackageTestResult>();
  let block: string[] = [];
  for (const line of output.split('\n')) {
    block.push(line);
    const m = SUMMARY.exec(line);
    if (!m) continue;
    const status = m[1] === 'ok' ? 'ok' : m[1] === 'FAIL' ? 'FAIL' : 'no test files';
    results.set(m[2]!, { status, output: block.join('\n') });
    block = [];
  }
  return results;
}

/** True when the output shows the race detector or the runtime's map check firing. */
export function showsMapRace(output: string): boolean {
  return output.includes('WARNING: DATA RACE') || /fatal error: concurrent map/.test(output);
}

/**
 * The source locations (`file.go:LINE`) of both accesses of every DATA RACE report, taken from the
 * first stack frame inside `dir` (the frames above it are the runtime's map functions).
 */
export function raceAccessLocations(output: string, dir: string): Set<string> {
  const found = new Set<string>();
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^(?:Previous )?(?:[Rr]ead|[Ww]rite|[Aa]tomic \w+) at 0x[0-9a-f]+ by /.test(lines[i]!)) continue;
    for (let j = i + 1; j < lines.length && lines[j]!.trim() !== ''; j++) {
      const frame = /^\s+(\/\S+\.go):(\d+)/.exec(lines[j]!);
      if (frame && frame[1]!.startsWith(prefix)) {
        found.add(`${path.basename(frame[1]!)}:${frame[2]}`);
        break;
      }
    }
  }
  return found;
}
