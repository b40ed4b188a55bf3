import type { SyntaxNode } from './syntax';
import type { Range } from './types';

export function nodeRange(node: SyntaxNode): Range {
  return {
    start: { line: node.startPoint.row, character: node.startPoint.column },
    end: { line: node.endPoint.row, character: node.endPoint.column },
  };
}
