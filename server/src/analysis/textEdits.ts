// Line/character (UTF-16) positions and applying text edits to a file's text.
import type { Position, TextEdit } from './types';

/** Offsets of line starts; `\r\n`, `\n` and a lone `\r` all end a line, as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * lineStarts of the text after [start, oldEnd) of `text` was replaced by `inserted`, from the line starts
 * of `text`: only the replaced part is scanned, unless a `\r` near it may join or split a `\r\n`.
 */
export function lineStartsAfter(starts: readonly number[], text: string, start: number, oldEnd: number, inserted: string): number[] | undefined {
  if (text.charCodeAt(start - 1) === 13 || inserted.includes('\r') || text.slice(start, oldEnd).includes('\r')) return undefined;
  const delta = inserted.length - (oldEnd - start);
  // Sized once: a big file's list is long, and growing it made most of an edit's garbage here.
  let kept = 0;
  while (kept < starts.length && starts[kept] <= start) kept++;
  let after = kept;
  while (after < starts.length && starts[after] <= oldEnd) after++;
  let added = 0;
  for (let k = inserted.indexOf('\n'); k >= 0; k = inserted.indexOf('\n', k + 1)) added++;
  const out = new Array<number>(kept + added + starts.length - after);
  let o = 0;
  for (let i = 0; i < kept; i++) out[o++] = starts[i];
  for (let k = inserted.indexOf('\n'); k >= 0; k = inserted.indexOf('\n', k + 1)) out[o++] = start + k + 1;
  for (let i = after; i < starts.length; i++) out[o++] = starts[i] + delta;
  return out;
}

/** The row and UTF-16 column of `offset`, given the text's line starts. */
export function pointAt(starts: readonly number[], offset: number): { row: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { row: lo, column: offset - starts[lo] };
}

/** Clamped like LSP: past the end of a line means its end, past the last line the end of text. */
export function offsetAt(starts: readonly number[], text: string, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return text.length;
  const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  return Math.min(starts[pos.line] + Math.max(0, pos.character), lineEnd);
}

/** Applies non-overlapping edits of one file; throws on overlap rather than corrupting text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error('maprace: overlapping edits');
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
