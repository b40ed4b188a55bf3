// `for k, v := range m { body }` as `m.Range(func(key, value interface{}) bool { k := key.(K); ...; return true })`:
// the loop's own `continue` becomes `return true` and its `break` `return false`; a `break` or `continue`
// of a loop, switch or select inside it stays. A `return`, `goto` or `defer` in the body, or a jump to an
// outer loop, has no equivalent in a callback: no rewrite.
import { childByField, enclosingFunction, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import { eolOf, lineIndent } from './layout';
import { STATEMENT_LISTS } from './goScope';
import type { GoType } from './goTypes';
import { braceEndsLine, lineEnd, lineStart } from './layout';
import { endsTerminating } from './terminating';
import type { Piece } from './syncMapRewrite';

const BREAKABLE = new Set(['for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement']);

export interface RangeContext {
  key: GoType;
  value: GoType;
  anyType: string;
  fresh(base: string): string;
  /** The new text names these packages. */
  need(qualifiers: readonly string[]): void;
}

/**
 * The edits of one range loop over the map (spelled `map` where it is ranged over), apart from those of
 * the uses in its body: [start, end) is the whole statement (its label's line included).
 */
export function rangePieces(file: SourceFile, loop: SyntaxNode, map: string, ctx: RangeContext): { start: number; end: number; body: SyntaxNode; own: Piece[] } | string {
  const clause = loop.children.find((c) => c.type === 'range_clause')!;
  const labeled = loop.parent?.type === 'labeled_statement' ? loop.parent : undefined;
  const stmt = labeled ?? loop;
  const body = childByField(loop, 'body');
  if (!stmt.parent || !STATEMENT_LISTS.has(stmt.parent.type)) return 'the range loop is not a statement of a block';
  if (!body || body.startPoint.row === body.endPoint.row || !braceEndsLine(file, body) || !/^[ \t]*$/.test(file.text.slice(lineStart(file, body.end - 1), body.end - 1))) {
    return 'the range loop body is not laid out one statement a line';
  }
  const label = labeled ? nodeText(file, childByField(labeled, 'label') ?? labeled) : undefined;
  if (label && gotoTargets(file, enclosingFunction(loop) ?? file.root).has(label)) return `a goto jumps to the label ${label}`;
  const flow = loopControl(file, body, label);
  if (typeof flow === 'string') return flow;

  const eol = eolOf(file.text);
  const indent = lineIndent(file, loop);
  const left = childByField(clause, 'left');
  const vars = left ? namedChildren(left) : [];
  const op = clause.children.some((c) => c.type === ':=') ? ':=' : '=';
  const bindings: string[] = [];
  // A value that may be nil (or of a type not known here) is asserted with comma-ok: a stored nil reads back as nil.
  const param = (v: SyntaxNode | undefined, base: string, t: GoType) => {
    if (!v || nodeText(file, v) === '_') return '_';
    const name = ctx.fresh(base);
    ctx.need(t.qualifiers);
    bindings.push(t.nilable ? `${nodeText(file, v)}, _ ${op} ${name}.(${t.text})` : `${nodeText(file, v)} ${op} ${name}.(${t.text})`);
    return name;
  };
  const kp = param(vars[0], 'key', ctx.key);
  const vp = param(vars[1], 'value', ctx.value);
  const own: Piece[] = [...flow.pieces];
  // gofmt puts a label on a line of its own, outdented: that line goes, the loop's indentation stays.
  const labelLine = !!labeled && labeled.startPoint.row !== loop.startPoint.row;
  const start = !labeled ? loop.start : labelLine ? lineStart(file, labeled.start) : labeled.start;
  own.push({ start, end: body.start + 1, text: `${labelLine ? indent : ''}${map}.Range(func(${kp}, ${vp} ${ctx.anyType}) bool {` });
  const afterBrace = lineEnd(file, body.start);
  if (bindings.length) own.push({ start: afterBrace, end: afterBrace, text: bindings.map((b) => `${eol}${indent}\t${b}`).join('') });
  // No `return true` after a body that cannot fall off its end: vet would call it unreachable.
  const closeLine = lineStart(file, body.end - 1);
  const tail = endsTerminating(file, body, flow.ours) ? '' : `${indent}\treturn true${eol}`;
  own.push({ start: closeLine, end: body.end, text: `${tail}${indent}})` });
  return { start, end: stmt.end, body, own };
}

/**
 * The body's `break` and `continue` that belong to this loop (not to a loop, switch or select inside it)
 * become `return false` and `return true`; a `return`, `goto` or `defer` has no closure equivalent.
 */
function loopControl(file: SourceFile, body: SyntaxNode, label: string | undefined): { pieces: Piece[]; ours: Set<SyntaxNode> } | string {
  const inner = new Set<string>();
  walk(body, (n) => {
    if (n.type === 'func_literal') return false;
    if (n.type === 'labeled_statement') inner.add(nodeText(file, childByField(n, 'label') ?? n));
    return true;
  });
  const pieces: Piece[] = [];
  const ours = new Set<SyntaxNode>();
  let problem: string | undefined;
  const visit = (n: SyntaxNode, loops: number, breakables: number): void => {
    for (const c of n.children) {
      if (problem) return;
      if (c.type === 'func_literal') continue;
      if (c.type === 'return_statement') problem = 'the range loop body returns from its function (the body becomes a closure)';
      else if (c.type === 'goto_statement') problem = 'the range loop body has a goto';
      else if (c.type === 'defer_statement') problem = 'the range loop body defers a call (it would run at the end of each iteration)';
      else if (c.type === 'break_statement' || c.type === 'continue_statement') {
        const target = c.children.find((x) => x.type === 'label_name');
        const name = target && nodeText(file, target);
        const isBreak = c.type === 'break_statement';
        let mine: boolean;
        if (name) {
          if (name !== label && !inner.has(name)) {
            problem = `\`${nodeText(file, c)}\` leaves an outer loop`;
            return;
          }
          mine = name === label;
        } else {
          mine = isBreak ? breakables === 0 : loops === 0;
        }
        if (mine) {
          pieces.push({ start: c.start, end: c.end, text: isBreak ? 'return false' : 'return true' });
          ours.add(c);
        }
      } else {
        visit(c, loops + (c.type === 'for_statement' ? 1 : 0), breakables + (BREAKABLE.has(c.type) ? 1 : 0));
      }
    }
  };
  visit(body, 0, 0);
  return problem ?? { pieces, ours };
}

function gotoTargets(file: SourceFile, scope: SyntaxNode): Set<string> {
  const out = new Set<string>();
  walk(scope, (n) => {
    if (n.type === 'goto_statement') out.add(nodeText(file, n.children.find((c) => c.type === 'label_name') ?? n));
  });
  return out;
}

