// Text in, analysis-ready SourceFile out (one full parse; the server uses DocumentTree for incremental).
import type { Parser } from 'web-tree-sitter';
import type { SourceFile } from '../analysis/syntax';
import { deleteTree, parseGo } from './goParser';
import { toSyntax } from './toSyntax';

export function parseSourceFile(parser: Parser, path: string, text: string): SourceFile {
  const tree = parseGo(parser, text);
  try {
    return { path, text, root: toSyntax(tree, text) };
  } finally {
    deleteTree(tree);
  }
}
