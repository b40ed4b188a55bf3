import * as path from 'node:path';
import type { SyntaxNode } from './syntax';
import type { Range } from './types';

export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPoint.row, character: node.startPoint.column },
    end: { line: node.endPoint.row, character: node.endPoint.column },
  };
}

/** `file.go:12`, as messages name a place: base name and 1-based line. */
export function where(file: string, node: SyntaxNode): string {
  return `${path.basename(file)}:${node.startPoint.row + 1}`;
}
