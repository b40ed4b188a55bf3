// Keeps one document's syntax tree in step with its text, reparsing incrementally.
import type { Parser } from 'web-tree-sitter';
import { deleteTree, parseGo, type Tree, type Point } from './goParser';
import { lineStarts, offsetAt } from '../analysis/textEdits';
import { FileSkipped } from './limits';

export { lineStarts };

/** A change in LSP terms: a UTF-16 line/character range replaced by text, or the whole text. */
export interface TextChange {
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

function pointAt(starts: number[], offset: number): Point {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}

/** Where text ends, as a tree-sitter point, after inserting `inserted` at `start`. */
function pointAfter(start: Point, inserted: string): Point {
  const starts = lineStarts(inserted);
  const last = starts.length - 1;
  return last === 0
    ? { row: start.row, column: start.column + inserted.length }
    : { row: start.row + last, column: inserted.length - starts[last] };
}

export class DocumentTree {
  /** Undefined while the text is over a limit (`skipped` says which); edits then wait for a fresh parse. */
  private current: Tree | undefined;
  private skipped: FileSkipped | undefined;
  private content: string;
  private starts: number[];
  /**
   * Changes not reparsed yet, so a burst of them costs one parse when the tree is next asked for: 'edited'
   * (`current` carries the edits: reparse incrementally) or 'replaced' (whole text replaced: parse afresh).
   */
  private pending: 'none' | 'edited' | 'replaced' = 'none';

  constructor(private readonly parser: Parser, text: string) {
    this.content = text;
    this.starts = lineStarts(text);
    this.reparse(undefined);
  }

  /** Throws FileSkipped while the text is over a limit (too large, too slow to parse). */
  get tree(): Tree {
    if (this.pending !== 'none') {
      this.reparse(this.pending === 'edited' ? this.current : undefined);
      this.pending = 'none';
    }
    if (!this.current) throw this.skipped!;
    return this.current;
  }

  private reparse(old: Tree | undefined): void {
    try {
      this.replaceTree(parseGo(this.parser, this.content, old));
      this.skipped = undefined;
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      this.replaceTree(undefined);
      this.skipped = err;
    }
  }

  get text(): string {
    return this.content;
  }

  /** Applies LSP content changes in order, editing the old tree so the reparse is incremental. */
  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) {
      if (!change.range) {
        this.content = change.text;
        this.starts = lineStarts(this.content);
        this.pending = 'replaced';
        continue;
      }
      const startIndex = offsetAt(this.starts, this.content, change.range.start);
      const oldEndIndex = Math.max(
        startIndex,
        offsetAt(this.starts, this.content, change.range.end),
      );
      const startPosition = pointAt(this.starts, startIndex);
      const oldEndPosition = pointAt(this.starts, oldEndIndex);
      this.content = this.content.slice(0, startIndex) + change.text + this.content.slice(oldEndIndex);
      this.starts = lineStarts(this.content);
      // After a whole-text replacement the old tree is not worth editing: it will be parsed afresh.
      if (this.pending === 'replaced' || !this.current) {
        this.pending = 'replaced';
        continue;
      }
      this.current.edit({
        startIndex,
        oldEndIndex,
        newEndIndex: startIndex + change.text.length,
        startPosition,
        oldEndPosition,
        newEndPosition: pointAfter(startPosition, change.text),
      });
      this.pending = 'edited';
    }
  }

  private replaceTree(next: Tree | undefined): void {
    if (this.current && next !== this.current) deleteTree(this.current);
    this.current = next;
  }

  delete(): void {
    this.replaceTree(undefined);
  }
}
