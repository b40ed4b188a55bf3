// Choosing fixes that can be applied together (the editor's "fix all" and `maprace --fix`).
import type { Fix, Position, TextEdit } from '../types';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function same(a: TextEdit, b: TextEdit): boolean {
  return a.file === b.file && JSON.stringify(a.range) === JSON.stringify(b.range) && a.newText === b.newText;
}

const isInsertion = (e: TextEdit) => !before(e.range.start, e.range.end);
/** Inserts whole lines: after the point (`\n…`) or before it (`…\n`), so two of them can follow each other. */
const linesAfter = (e: TextEdit) => isInsertion(e) && /^\r?\n/.test(e.newText);
const linesBefore = (e: TextEdit) => isInsertion(e) && /\n$/.test(e.newText);

/**
 * Two edits of one file conflict if their ranges intersect, or both insert at one point, unless both
 * insert whole lines the same way (two new mutex declarations after one `var` block): applied in the
 * order taken, each keeps its own lines.
 */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.file !== b.file) return false;
  const samePoint = !before(a.range.start, b.range.start) && !before(b.range.start, a.range.start);
  if (samePoint) return !((linesAfter(a) && linesAfter(b)) || (linesBefore(a) && linesBefore(b)));
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

/**
 * The fixes that can be applied together: in order, each fix whose edits do not overlap the edits
 * already taken. An edit identical to one taken (two findings adding the same mutex) is shared.
 */
export function combineFixes(fixes: readonly Fix[]): { fixes: Fix[]; edits: TextEdit[] } {
  const taken: TextEdit[] = [];
  const used: Fix[] = [];
  for (const fix of fixes) {
    const fresh = fix.edits.filter((e) => !taken.some((t) => same(t, e)));
    if (fresh.some((e) => taken.some((t) => editsOverlap(t, e)))) continue;
    taken.push(...fresh);
    used.push(fix);
  }
  return { fixes: used, edits: taken };
}
