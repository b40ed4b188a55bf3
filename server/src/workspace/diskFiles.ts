// Parsed Go files on disk, cached per path until the watcher (or a stat change) says they changed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Parser } from 'web-tree-sitter';
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

export class DiskFiles {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly parser: Parser) {}

  /** The parsed file, or undefined if it cannot be read. */
  get(file: string): SourceFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.source;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      this.cache.delete(file);
      return undefined;
    }
    const source = parseSourceFile(this.parser, file, text);
    this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, source });
    return source;
  }

  invalidate(file: string): void {
    this.cache.delete(file);
  }

  has(file: string): boolean {
    return this.cache.has(file);
  }
}
