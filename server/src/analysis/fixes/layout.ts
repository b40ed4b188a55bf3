// How inserted code fits the file: the line's indentation and the file's line ending, as gofmt keeps them.
import type { SourceFile, SyntaxNode } from '../syntax';
import type { TextEdit } from '../types';

export function lineIndent(file: SourceFile, node: SyntaxNode): string {
  const lineStart = file.text.lastIndexOf('\n', node.start - 1) + 1;
  return /^[ \t]*/.exec(file.text.slice(lineStart, node.start))![0];
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
  const lineStart = text.lastIndexOf('\n', node.start - 1) + 1;
  const nl = text.indexOf('\n', node.end);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  if (text.slice(lineStart, node.start).trim() !== '') return undefined;
  const tail = text.slice(node.end, lineEnd).trim();
  if (tail !== '' && !tail.startsWith('//')) return undefined;
  const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
  const prev = lineStart > 0 ? text.slice(prevStart, lineStart).trim() : '';
  const nextNl = text.indexOf('\n', lineEnd);
  const next = text.slice(lineEnd, nextNl < 0 ? text.length : nextNl + 1);
  let end = lineEnd;
  if (next.trim() === '' && nextNl >= 0 && (prev === '' || prev.endsWith('{'))) end = nextNl + 1;
  return { file: file.path, range: { start: pointAt(text, lineStart), end: pointAt(text, end) }, newText: '' };
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
