// Parsed Go files on disk, cached per path until the watcher (or a stat change) says they changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from '../parsing/goParser';
import type { SourceFile } from '../analysis/syntax';
import { parseSourceFile } from '../parsing/sourceFile';

interface Cached {
  mtimeMs: number;
  size: number;
  source: SourceFile;
}

/** Go source files of one directory, as the go tool sees them (no dot or underscore files). */
export function goFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.go') && !e.name.startsWith('.') && !e.name.startsWith('_'))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A syntax tree as plain objects takes about 50 times its source text in heap, so the cache keeps the
 * most recently used files up to this much source (MAPRACE_CACHE_MB overrides) and re-parses the rest:
 * about 200 MB, which leaves room under the server's 1 GB for analysing the largest packages of GOROOT
 * (cmd/compile/internal/ssa: 7 MB of source) while the workspace is indexed.
 */
const DEFAULT_LIMIT_CHARS = 4 * 1024 * 1024;

function limitFromEnv(): number {
  const mb = Number(process.env.MAPRACE_CACHE_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 1024 * 1024 : DEFAULT_LIMIT_CHARS;
}

export class DiskFiles {
  /** In least-recently-used-first order (a hit moves the entry to the end). */
  private readonly cache = new Map<string, Cached>();
  private chars = 0;
  /** Directories whose files stay cached whatever the limit: packages being edited (see pin). */
  private readonly pinned = new Set<string>();

  constructor(
    private readonly parser: Parser,
    private readonly limitChars = limitFromEnv(),
  ) {}

  /** The parsed file, or undefined if it cannot be read. */
  get(file: string): SourceFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.invalidate(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    this.invalidate(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
      this.store(file, hit);
      return hit.source;
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const source = parseSourceFile(this.parser, file, text);
    this.store(file, { mtimeMs: stat.mtimeMs, size: stat.size, source });
    return source;
  }

  /**
   * Keeps the files of `dir` cached until unpinned: a package with an open document is analysed again
   * after each edit from the same SourceFile objects, and re-parsing one of them would start it afresh.
   */
  pin(dir: string): void {
    this.pinned.add(dir);
  }

  unpin(dir: string): void {
    this.pinned.delete(dir);
  }

  invalidate(file: string): void {
    const hit = this.cache.get(file);
    if (!hit) return;
    this.cache.delete(file);
    this.chars -= hit.source.text.length;
  }

  private store(file: string, entry: Cached): void {
    this.cache.set(file, entry);
    this.chars += entry.source.text.length;
    if (this.chars <= this.limitChars) return;
    for (const [oldest] of this.cache) {
      if (this.chars <= this.limitChars || oldest === file) break;
      if (!this.pinned.has(path.dirname(oldest))) this.invalidate(oldest);
    }
  }

  has(file: string): boolean {
    return this.cache.has(file);
  }
}
