// How code sits on its lines, as gofmt keeps them: where a line starts and ends, its indentation, the
// file's line ending, which lines gofmt would realign, and removing a statement's lines.
import { walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { TextEdit } from '../types';

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

/** Only indentation before the node on its line. */
export function startsItsLine(file: SourceFile, node: SyntaxNode): boolean {
  return /^[ \t]*$/.test(file.text.slice(lineStart(file, node.start), node.start));
}

/** Nothing but blanks and a line comment after the node on its line. */
export function endsItsLine(file: SourceFile, node: SyntaxNode): boolean {
  return /^[ \t]*(\/\/.*)?$/.test(file.text.slice(node.end, lineEnd(file, node.end)));
}

export function aloneOnItsLine(file: SourceFile, stmt: SyntaxNode): boolean {
  return startsItsLine(file, stmt) && endsItsLine(file, stmt);
}

/** By root: an open document's SourceFile is updated in place, and gets a new root with each change. */
const commentCache = new WeakMap<SyntaxNode, Set<number>>();
/** Rows whose line ends in a comment after code. */
export function commentRows(file: SourceFile): Set<number> {
  let rows = commentCache.get(file.root);
  if (rows) return rows;
  rows = new Set();
  const found = rows;
  walk(file.root, (n) => {
    if (n.type === 'comment' && /\S/.test(file.text.slice(lineStart(file, n.start), n.start))) found.add(n.startPoint.row);
  });
  commentCache.set(file.root, rows);
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

export function lineIndent(file: SourceFile, node: SyntaxNode): string {
  return /^[ \t]*/.exec(file.text.slice(lineStart(file, node.start), node.start))![0];
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Removes a statement that stands alone on its lines, with the line break after it; a blank line left
 * doubled (or opening a block) goes too, as gofmt would have it. Undefined when other code shares its lines.
 */
export function deleteLinesEdit(file: SourceFile, node: SyntaxNode): TextEdit | undefined {
  const text = file.text;
  if (!aloneOnItsLine(file, node)) return undefined;
  const start = lineStart(file, node.start);
  const nl = text.indexOf('\n', node.end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  const prev = start > 0 ? text.slice(lineStart(file, start - 1), start).trim() : '';
  const nextNl = text.indexOf('\n', lineEnd);
  const next = text.slice(lineEnd, nextNl < 0 ? text.length : nextNl + 1);
  let end = lineEnd;
  if (next.trim() === '' && nextNl >= 0 && (prev === '' || prev.endsWith('{'))) end = nextNl + 1;
  return { file: file.path, range: { start: pointAt(text, start), end: pointAt(text, end) }, newText: '' };
}

function pointAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
