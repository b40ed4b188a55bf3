// Keeps one document's syntax tree in step with its text, reparsing incrementally.
import type { Parser } from 'web-tree-sitter';
import { deleteTree, parseGo, type Tree, type Point } from './goParser';
import { lineStarts, lineStartsAfter, offsetAt, pointAt } from '../analysis/textEdits';
import type { Span, SyntaxEdit } from './toSyntax';
import { FileSkipped } from './limits';

export { lineStarts };

/** A change in LSP terms: a UTF-16 line/character range replaced by text, or the whole text. */
export interface TextChange {
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** Where text ends, as a tree-sitter point, after inserting `inserted` at `start`. */
function pointAfter(start: Point, inserted: string): Point {
  const starts = lineStarts(inserted);
  const last = starts.length - 1;
  return last === 0
    ? { row: start.row, column: start.column + inserted.length }
    : { row: start.row + last, column: inserted.length - starts[last] };
}

/** The edits since the last takeChanges(), or `reset` when the whole text was replaced. */
export type PendingChanges = { reset: true } | { reset: false; edits: SyntaxEdit[]; changed: Span[] };

/** `span` as it stands after `edit`: moved when the edit precedes it, widened over the edit when they meet. */
function spanAfter(span: Span, edit: SyntaxEdit): Span {
  const delta = edit.newEnd - edit.oldEnd;
  if (span.end < edit.start) return span;
  if (span.start > edit.oldEnd) return { start: span.start + delta, end: span.end + delta };
  return { start: Math.min(span.start, edit.start), end: Math.max(span.end + delta, edit.newEnd) };
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
  private reparse: 'none' | 'edited' | 'replaced' = 'replaced';
  /** What toSyntax needs to take over its previous copy (see takeChanges). */
  private pending: PendingChanges = { reset: true };

  constructor(private readonly parser: Parser, text: string) {
    this.content = text;
    this.starts = lineStarts(text);
    this.bringUpToDate();
  }

  /** Throws FileSkipped while the text is over a limit (too large, too slow to parse). */
  get tree(): Tree {
    this.bringUpToDate();
    if (!this.current) throw this.skipped!;
    return this.current;
  }

  private bringUpToDate(): void {
    if (this.reparse === 'none') return;
    const old = this.reparse === 'edited' ? this.current : undefined;
    this.reparse = 'none';
    try {
      const next = parseGo(this.parser, this.content, old);
      if (old && !this.pending.reset) {
        for (const r of old.getChangedRanges(next)) this.pending.changed.push({ start: r.startIndex, end: r.endIndex });
      }
      this.replaceTree(next);
      this.skipped = undefined;
    } catch (err) {
      if (!(err instanceof FileSkipped)) throw err;
      this.replaceTree(undefined);
      this.skipped = err;
      this.pending = { reset: true };
    }
  }

  get text(): string {
    return this.content;
  }

  /** lineStarts(text), kept up to date with each change. */
  get lineStarts(): number[] {
    return this.starts;
  }

  /** Applies LSP content changes in order, editing the old tree so the reparse is incremental. */
  applyChanges(changes: readonly TextChange[]): void {
    for (const change of changes) {
      if (!change.range) {
        this.content = change.text;
        this.starts = lineStarts(this.content);
        this.reparse = 'replaced';
        this.pending = { reset: true };
        continue;
      }
      const startIndex = offsetAt(this.starts, this.content, change.range.start);
      const oldEndIndex = Math.max(
        startIndex,
        offsetAt(this.starts, this.content, change.range.end),
      );
      const startPosition = pointAt(this.starts, startIndex);
      const oldEndPosition = pointAt(this.starts, oldEndIndex);
      const before = this.content;
      this.content = before.slice(0, startIndex) + change.text + before.slice(oldEndIndex);
      this.starts = lineStartsAfter(this.starts, before, startIndex, oldEndIndex, change.text) ?? lineStarts(this.content);
      // After a whole-text replacement, or while over a limit, there is no tree worth editing: parse afresh.
      if (this.reparse === 'replaced' || !this.current) {
        this.reparse = 'replaced';
        this.pending = { reset: true };
        continue;
      }
      const edit = { start: startIndex, oldEnd: oldEndIndex, newEnd: startIndex + change.text.length };
      if (!this.pending.reset) {
        this.pending.edits.push(edit);
        this.pending.changed = this.pending.changed.map((span) => spanAfter(span, edit));
      }
      this.current.edit({
        startIndex,
        oldEndIndex,
        newEndIndex: startIndex + change.text.length,
        startPosition,
        oldEndPosition,
        newEndPosition: pointAfter(startPosition, change.text),
      });
      this.reparse = 'edited';
    }
  }

  /**
   * What changed since the last call: the edits and changed spans that let toSyntax take over the
   * untouched parts of its previous copy (see PreviousSyntax), or `reset` after a full replacement.
   * Reparses first, so the changed ranges of a pending reparse are included.
   */
  takeChanges(): PendingChanges {
    this.bringUpToDate();
    const taken = this.pending;
    this.pending = { reset: false, edits: [], changed: [] };
    return taken;
  }

  private replaceTree(next: Tree | undefined): void {
    if (this.current && next !== this.current) deleteTree(this.current);
    this.current = next;
  }

  delete(): void {
    this.replaceTree(undefined);
  }
}
