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
