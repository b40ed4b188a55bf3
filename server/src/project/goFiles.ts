// Finding Go files the way the go tool does: skip testdata/, vendor/ unless named, and dot/underscore dirs.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function isSkippedDir(name: string): boolean {
  return name === 'testdata' || name === 'vendor' || name === 'node_modules' || name.startsWith('.') || name.startsWith('_');
}

/** Go files below `root` (recursively), sorted; `root` itself is never skipped, so a named vendor/ is analysed. */
export function listGoFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!isSkippedDir(e.name)) visit(full);
      } else if (e.isFile() && e.name.endsWith('.go') && !e.name.startsWith('.') && !e.name.startsWith('_')) {
        out.push(full);
      }
    }
  };
  visit(root);
  return out.sort();
}

/** A Go package is a directory: groups files by their directory. */
export function groupByPackage(files: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const dir = path.dirname(f);
    let list = groups.get(dir);
    if (!list) groups.set(dir, (list = []));
    list.push(f);
  }
  return groups;
}

/** Total size of `files` in bytes; a file that cannot be stat'ed counts as empty (its reader reports it). */
export function sourceBytes(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += fs.statSync(f).size;
    } catch {
      // gone or unreadable
    }
  }
  return bytes;
}
