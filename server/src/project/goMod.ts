// The `go` directive of the go.mod that governs a directory, as the go tool finds it (nearest ancestor).
import * as fs from 'node:fs';
import * as path from 'node:path';

const cache = new Map<string, { mtimeMs: number; version: string | undefined }>();

/** The `go 1.xx` line of go.mod text, if any. */
export function goDirective(text: string): string | undefined {
  return /^\s*go\s+(\d+\.\d+(?:\.\d+)?)\s*(?:\/\/.*)?$/m.exec(text)?.[1];
}

/** The go.mod above (or in) `dir`, or undefined in GOPATH mode. */
export function goModFor(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const candidate = path.join(d, 'go.mod');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The module's `go` version for a package directory; re-read when go.mod changes on disk. */
export function goVersionFor(dir: string): string | undefined {
  const mod = goModFor(dir);
  if (!mod) return undefined;
  try {
    const { mtimeMs } = fs.statSync(mod);
    const hit = cache.get(mod);
    if (hit && hit.mtimeMs === mtimeMs) return hit.version;
    const version = goDirective(fs.readFileSync(mod, 'utf8'));
    cache.set(mod, { mtimeMs, version });
    return version;
  } catch {
    return undefined;
  }
}
