// Parsed Go files on disk, cached per path until the watcher (or a stat change) says they changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from '../parsing/goParser';
import type { SourceFile } from '../analysis/syntax';
import { parseSourceFile } from '../parsing/sourceFile';
import { FileSkipped, MAX_FILE_BYTES, tooLarge } from '../parsing/limits';

/** A parsed file, or one over a limit (`get` throws `skipped` until the file changes). */
type Cached = { mtimeMs: number; size: number } & ({ source: SourceFile; skipped?: undefined } | { source?: undefined; skipped: FileSkipped });

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

/** The file's stat, or null when it cannot be had (gone, unreadable directory). */
export function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
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

  /**
   * The parsed file, or undefined if it cannot be read; throws FileSkipped if it is over a limit.
   * `known`: the file's stat just taken by the caller (null: it is gone).
   */
  get(file: string, known?: fs.Stats | null): SourceFile | undefined {
    const stat = known === undefined ? statOrNull(file) : known;
    if (!stat) {
      this.invalidate(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    this.invalidate(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) {
      this.store(file, hit);
      if (hit.skipped) throw hit.skipped;
      return hit.source;
    }
    let source: SourceFile | undefined;
    try {
      source = this.read(file, stat.size);
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      // Remembered (at no cost in text) so a too-large or too-deep file is not parsed again on every analysis.
      this.store(file, { mtimeMs: stat.mtimeMs, size: stat.size, skipped: err });
      throw err;
    }
    if (source) this.store(file, { mtimeMs: stat.mtimeMs, size: stat.size, source });
    return source;
  }

  /** Undefined if unreadable; a file too large is not even read. */
  private read(file: string, size: number): SourceFile | undefined {
    if (size > MAX_FILE_BYTES) throw tooLarge(size);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    return parseSourceFile(this.parser, file, text);
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
    this.chars -= hit.source?.text.length ?? 0;
  }

  private store(file: string, entry: Cached): void {
    this.cache.set(file, entry);
    this.chars += entry.source?.text.length ?? 0;
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
