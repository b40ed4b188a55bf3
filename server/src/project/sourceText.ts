// Go source files from disk, as the CLI and indexing read them.
import * as fs from 'node:fs';

/** A file-system error as a user reads it (`no such file or directory`). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return (err as Error).message;
}

export class UnreadableSource extends Error {}

export function readSourceBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UnreadableSource(`${file}: ${describeFsError(err)}`);
  }
}

/** Reads a source file as bytes and decodes UTF-8 leniently (invalid bytes become U+FFFD, a BOM is dropped). */
export function readSource(file: string): string {
  return new TextDecoder('utf-8').decode(readSourceBytes(file));
}
