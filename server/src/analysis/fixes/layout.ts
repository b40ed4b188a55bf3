// How inserted code fits the file: the line's indentation and the file's line ending, as gofmt keeps them.
import type { SourceFile, SyntaxNode } from '../syntax';

export function lineIndent(file: SourceFile, node: SyntaxNode): string {
  const lineStart = file.text.lastIndexOf('\n', node.start - 1) + 1;
  return /^[ \t]*/.exec(file.text.slice(lineStart, node.start))![0];
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
