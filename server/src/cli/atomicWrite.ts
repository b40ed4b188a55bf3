// Writes the fixed files of one package all or nothing, as far as a file system allows: every new
// text goes to a temp file in the target's directory (fsynced, original mode kept) before any original
// is replaced, and each replacement is a rename, so no file is ever half-written.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface PlannedWrite {
  /** The path as the user named it (used in messages). */
  file: string;
  /** The bytes maprace read: the file is replaced only if it still holds exactly these. */
  original: Uint8Array;
  content: Uint8Array;
}

export interface CommitHooks {
  /** Runs after every temp file is written and before the originals are checked and replaced (tests). */
  beforeRename?: () => void;
}

export type CommitResult =
  | { ok: true }
  | {
      ok: false;
      /** Files already replaced when a rename failed; empty when nothing on disk changed. */
      written: string[];
      errors: string[];
    };

interface Staged {
  write: PlannedWrite;
  target: string;
  temp: string;
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on device';
  if (code === 'ENOENT') return 'no such file or directory';
  return (err as Error).message;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Writes `content` to a new temp file next to `target` with `mode`, flushed to disk. */
function stage(target: string, content: Uint8Array, st: fs.Stats): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.maprace-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const mode = st.mode & 0o7777;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    for (let at = 0; at < content.byteLength; ) at += fs.writeSync(fd, content, at, content.byteLength - at);
    fs.fchmodSync(fd, mode); // the umask may have cut bits from the open mode
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // only root may give a file away; the file stays ours
    }
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    removeQuietly(temp);
    throw err;
  }
  fs.closeSync(fd);
  return temp;
}

/** Refuses files the user cannot write, and files without any write bit (root ignores permissions). */
function checkWritable(target: string, st: fs.Stats): void {
  if (!st.isFile()) throw new Error('not a regular file');
  fs.accessSync(target, fs.constants.W_OK);
  if ((st.mode & 0o222) === 0) throw Object.assign(new Error('read-only file'), { code: 'EACCES' });
}

function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some file systems cannot fsync a directory; the renames are still atomic
  }
}

/**
 * Replaces each planned file's content. Nothing changes on disk unless every temp file could be written
 * and every original still holds the bytes that were read; only a failing rename (rare: the temp is in
 * the same directory) can leave some files replaced and others not, and the result names them.
 */
export function commitWrites(writes: readonly PlannedWrite[], hooks: CommitHooks = {}): CommitResult {
  const staged: Staged[] = [];
  const abandon = (errors: string[]): CommitResult => {
    for (const s of staged) removeQuietly(s.temp);
    return { ok: false, written: [], errors };
  };
  for (const write of writes) {
    try {
      const target = fs.realpathSync(write.file); // write through a symlink, never replace it
      const st = fs.statSync(target);
      checkWritable(target, st);
      staged.push({ write, target, temp: stage(target, write.content, st) });
    } catch (err) {
      return abandon([`${write.file}: ${reason(err)}`]);
    }
  }
  hooks.beforeRename?.();
  for (const s of staged) {
    let current: Buffer;
    try {
      current = fs.readFileSync(s.target);
    } catch (err) {
      return abandon([`${s.write.file}: ${reason(err)}`]);
    }
    if (!sameBytes(s.write.original, current)) return abandon([`${s.write.file}: changed on disk while maprace was fixing it; not overwritten`]);
  }
  const written: string[] = [];
  for (let i = 0; i < staged.length; i++) {
    const s = staged[i];
    try {
      fs.renameSync(s.temp, s.target);
      written.push(s.write.file);
    } catch (err) {
      for (const rest of staged.slice(i)) removeQuietly(rest.temp);
      return { ok: false, written, errors: [`${s.write.file}: ${reason(err)}`] };
    }
  }
  for (const dir of new Set(staged.map((s) => path.dirname(s.target)))) syncDir(dir);
  return { ok: true };
}
