// Where a line starts and ends, and which lines gofmt would realign: for edits that change whole lines.
import { walk, type SourceFile, type SyntaxNode } from '../syntax';

export function lineStart(file: SourceFile, offset: number): number {
  return file.text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its `\r\n` or `\n`. */
export function lineEnd(file: SourceFile, offset: number): number {
  const nl = file.text.indexOf('\n', offset);
  const end = nl < 0 ? file.text.length : nl;
  return end > 0 && file.text[end - 1] === '\r' ? end - 1 : end;
}

/** The block's `{` is the last thing on its line, but for a line comment. */
export function braceEndsLine(file: SourceFile, block: SyntaxNode): boolean {
  return /^[ \t]*(\/\/.*)?$/.test(file.text.slice(block.start + 1, lineEnd(file, block.start)));
}

export function aloneOnItsLine(file: SourceFile, stmt: SyntaxNode): boolean {
  const before = file.text.slice(lineStart(file, stmt.start), stmt.start);
  const after = file.text.slice(stmt.end, lineEnd(file, stmt.end));
  return /^[ \t]*$/.test(before) && /^[ \t]*(\/\/.*)?$/.test(after);
}

const commentCache = new WeakMap<SourceFile, Set<number>>();
/** Rows whose line ends in a comment after code. */
export function commentRows(file: SourceFile): Set<number> {
  let rows = commentCache.get(file);
  if (rows) return rows;
  rows = new Set();
  const found = rows;
  walk(file.root, (n) => {
    if (n.type === 'comment' && /\S/.test(file.text.slice(lineStart(file, n.start), n.start))) found.add(n.startPoint.row);
  });
  commentCache.set(file, rows);
  return rows;
}

/**
 * Why a line whose code changes cannot keep its trailing comment where it is: gofmt aligns the comments
 * of neighbouring lines, so changing one of them (or putting a line between them) would move the others.
 */
export function commentAlignmentProblem(file: SourceFile, row: number): string | undefined {
  const rows = commentRows(file);
  if (rows.has(row) && (rows.has(row - 1) || rows.has(row + 1))) return `the comment on line ${row + 1} is aligned with its neighbours' (gofmt would move them)`;
  return undefined;
}
