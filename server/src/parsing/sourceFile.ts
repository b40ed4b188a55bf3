// Text in, analysis-ready SourceFile out (one full parse; the server uses DocumentTree for incremental).
import type { Parser } from 'web-tree-sitter';
import type { SourceFile } from '../analysis/syntax';
import { deleteTree, parseGo } from './goParser';
import { toSyntax } from './toSyntax';
import { FileSkipped } from './limits';

export function parseSourceFile(parser: Parser, path: string, text: string): SourceFile {
  const tree = parseGo(parser, text);
  try {
    return { path, text, root: toSyntax(tree, text) };
  } finally {
    deleteTree(tree);
  }
}

/**
 * Parses the files of one package; a file over a limit (too large, too slow to parse, too deeply nested)
 * is left out, and `skipped <file>: <reason>` goes to `notices`. Any other failure is thrown.
 */
export function parseFiles(parser: Parser, files: readonly string[], texts: readonly string[], notices: string[]): SourceFile[] {
  const sources: SourceFile[] = [];
  files.forEach((file, i) => {
    try {
      sources.push(parseSourceFile(parser, file, texts[i]));
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      notices.push(`skipped ${file}: ${err.reason}`);
    }
  });
  return sources;
}
