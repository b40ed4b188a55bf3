// "Add an ok-check" for unchecked-map-lookup: the missing key is handled instead of panicking.
// - A use of the lookup on its own (`m[k].f = x`, `m[k].M()`): `if v, ok := m[k]; ok { v.f = x }`.
// - A lookup whose value the statement goes on with (`n := m[k].f`, `return m[k].M()`), or `v := m[k]`:
//   `v, ok := m[k]` then `if !ok { continue }` in a loop body, or `return <zero values>` elsewhere.
// Nothing else moves: the lookup is evaluated once, where it was, unless the statement makes other calls
// (then it is not offered, unless those calls are the standard library's). Never marked safe: on save it
// would turn a panic into a silent return without anyone choosing that.
import { childByField, enclosingFunction, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel } from '../model/packageModel';
import { typeSpecOf } from '../model/mapValueType';
import type { Fix, TextEdit } from '../types';
import { nodeRange } from '../positions';
import { outermostFunction } from '../rules/keyPresence';
import { freshName, namesIn, singular } from './freshNames';
import { importedNames } from './imports';
import { aloneOnItsLine, eolOf, lineIndent } from './layout';
import { zeroResults } from './zeroValues';

/** Nodes whose children are a statement list. */
const CONTAINERS = new Set(['block', 'expression_case', 'default_case', 'type_case', 'communication_case']);
/** Statements that only use the lookup: wrapping them in `if v, ok := ...; ok` skips them on a missing key. */
const WRAPPABLE = new Set(['expression_statement', 'inc_statement', 'dec_statement', 'send_statement', 'go_statement', 'defer_statement']);
/** Statements whose lookup can be taken out before them, with an early exit on a missing key. */
const HOISTABLE = new Set(['assignment_statement', 'short_var_declaration', 'var_declaration', 'return_statement', 'if_statement', 'expression_switch_statement', ...WRAPPABLE]);
const PURE_BUILTINS = new Set([
  'len', 'cap', 'append', 'make', 'new', 'complex', 'real', 'imag', 'string', 'bool', 'byte', 'rune', 'int', 'int8', 'int16',
  'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64',
]);

const flat = (file: SourceFile, n: SyntaxNode) => nodeText(file, n).replace(/\s+/g, '');
const contains = (outer: SyntaxNode, inner: SyntaxNode) => outer.start <= inner.start && inner.end <= outer.end;

/**
 * The statement that always evaluates `expr` when it runs, and the part of it evaluated up to `expr`
 * (an `if`'s initializer or condition); undefined when `expr` runs only sometimes (after `&&`, in an
 * `else if`, a loop header, a `case`).
 */
function statementOf(expr: SyntaxNode): { stmt: SyntaxNode; region: SyntaxNode } | undefined {
  let region: SyntaxNode | undefined;
  let c = expr;
  for (let p = expr.parent; p; c = p, p = p.parent) {
    if (CONTAINERS.has(p.type)) return { stmt: c, region: region ?? c };
    if (p.type === 'binary_expression' && c.field === 'right') {
      const op = p.children.find((x) => !x.named)?.type;
      if (op === '&&' || op === '||') return undefined;
    }
    if (p.type === 'if_statement' || p.type === 'expression_switch_statement') {
      const init = childByField(p, 'initializer');
      if (c.field === 'initializer') region = c;
      else if ((c.field === 'condition' || c.field === 'value') && !init) region = c;
      else return undefined;
    }
    if (['for_statement', 'for_clause', 'range_clause', 'type_switch_statement', 'select_statement', 'labeled_statement', 'func_literal'].includes(p.type)) return undefined;
  }
  return undefined;
}

/**
 * Calls and receives in `region` that are evaluated apart from the lookup: an order the fix could change.
 * Undefined when one of them could touch the map (a call of this package, a closure, a receive).
 */
function otherCalls(region: SyntaxNode, lookup: SyntaxNode, file: SourceFile, model: PackageModel): SyntaxNode[] | undefined {
  const others: SyntaxNode[] = [];
  let unsafe = false;
  walk(region, (n) => {
    if (n === lookup || unsafe) return false;
    if (n.type === 'func_literal') unsafe = true;
    const receive = n.type === 'unary_expression' && nodeText(file, n).startsWith('<-');
    if ((n.type === 'call_expression' || receive) && !contains(n, lookup)) others.push(n);
    return undefined;
  });
  if (unsafe) return undefined;
  const imports = importedNames(file);
  for (const call of others) {
    const fn = call.type === 'call_expression' ? childByField(call, 'function') : undefined;
    if (fn?.type === 'identifier' && (PURE_BUILTINS.has(nodeText(file, fn)) || typeSpecOf(model, nodeText(file, fn)))) continue;
    const pkg = fn?.type === 'selector_expression' ? childByField(fn, 'operand') : undefined;
    if (pkg?.type === 'identifier' && imports.has(nodeText(file, pkg))) continue;
    return undefined;
  }
  return others;
}

/** Same-text reads of the lookup in `region` (a write target `m[k] = ...` is not one). */
function readsOf(lookup: SyntaxNode, region: SyntaxNode, file: SourceFile): SyntaxNode[] {
  const text = flat(file, lookup);
  const out: SyntaxNode[] = [];
  walk(region, (n) => {
    if (n.type !== 'index_expression' || flat(file, n) !== text) return undefined;
    const p = n.parent;
    const written = p?.type === 'inc_statement' || p?.type === 'dec_statement' || (p?.type === 'expression_list' && p.field === 'left');
    if (!written) out.push(n);
    return false;
  });
  return out;
}


/** A `goto` could jump over the new `v, ok :=` declaration, which Go rejects. */
function hasGoto(fn: SyntaxNode): boolean {
  let found = false;
  walk(fn, (n) => {
    if (n.type === 'goto_statement') found = true;
    return !found;
  });
  return found;
}

/**
 * `continue` directly in a loop body, else `return` with the function's zero values; undefined when those
 * cannot be spelled, or when a `goto` could jump over the declaration the exit comes with.
 */
function exitFor(stmt: SyntaxNode, file: SourceFile, model: PackageModel): string | undefined {
  const outer = outermostFunction(stmt);
  if (!outer || hasGoto(outer)) return undefined;
  const container = stmt.parent;
  if (container?.type === 'block' && container.parent?.type === 'for_statement') return 'continue';
  const fn = enclosingFunction(stmt);
  const zeros = fn && zeroResults(fn, file, model);
  if (!zeros) return undefined;
  return zeros.length ? `return ${zeros.join(', ')}` : 'return';
}

function valueNameCandidates(lookup: SyntaxNode, file: SourceFile): string[] {
  const operand = childByField(lookup, 'operand');
  const last = operand?.type === 'selector_expression' ? childByField(operand, 'field') : operand;
  const plural = last && (last.type === 'identifier' || last.type === 'field_identifier') ? singular(nodeText(file, last)) : undefined;
  return plural ? [plural, 'v'] : ['v'];
}

/** A text with each non-empty line after the first indented one tab more (it moves into a block). */
function indentMore(text: string): string {
  return text.replace(/\n(?=[^\r\n])/g, '\n\t');
}

/** Multi-line raw strings or comments would change if re-indented. */
function hasMultilineLiteral(node: SyntaxNode, file: SourceFile): boolean {
  let found = false;
  walk(node, (n) => {
    if ((n.type === 'raw_string_literal' || n.type === 'comment') && nodeText(file, n).includes('\n')) found = true;
    return !found;
  });
  return found;
}

const title = (file: SourceFile, lookup: SyntaxNode) => `Add an ok-check on \`${nodeText(file, lookup)}\``;

/**
 * The fix for a lookup used directly (`m[k].f`, `m[k].M()`). `reserved`: names the other fixes in the same
 * function took, so that "fix all" can apply them together; the names taken here are added to it.
 */
export function okCheckAtUse(lookup: SyntaxNode, file: SourceFile, model: PackageModel, reserved: Set<string>): Fix | undefined {
  const at = statementOf(lookup);
  const fn = outermostFunction(lookup);
  if (!at || !fn || !aloneOnItsLine(file, at.stmt)) return undefined;
  const { stmt, region } = at;
  if (!HOISTABLE.has(stmt.type)) return undefined;
  const others = otherCalls(region, lookup, file, model);
  if (!others) return undefined;
  const used = new Set([...namesIn(fn, file), ...reserved]);
  const v = freshName(valueNameCandidates(lookup, file), used);
  const ok = freshName(['ok'], used);
  const reads = readsOf(lookup, region, file);
  const eol = eolOf(file.text);
  const indent = lineIndent(file, stmt);
  const lookupText = nodeText(file, lookup);
  const left = stmt.type === 'assignment_statement' ? childByField(stmt, 'left') : undefined;
  const wrap = WRAPPABLE.has(stmt.type) || (!!left && contains(left, lookup));
  const exit = wrap ? undefined : exitFor(stmt, file, model);
  // Never applied unreviewed: a missing key now returns zero values or skips the statement instead of
  // panicking, and whether that is the right handling (or an error) is the author's call.
  const safe = false;
  if (exit) {
    const lines = [`${indent}${v}, ${ok} := ${lookupText}`, `${indent}if !${ok} {`, `${indent}\t${exit}`, `${indent}}`, ''];
    const edits: TextEdit[] = [
      { file: file.path, range: { start: { line: stmt.startPoint.row, character: 0 }, end: { line: stmt.startPoint.row, character: 0 } }, newText: lines.join(eol) },
      ...reads.map((r) => ({ file: file.path, range: nodeRange(r), newText: v })),
    ];
    reserved.add(v).add(ok);
    return { title: title(file, lookup), preferred: true, safe, edits };
  }
  // A plain assignment whose early exit cannot be spelled is wrapped too: on a missing key it is skipped.
  if (!wrap && stmt.type !== 'assignment_statement') return undefined;
  if (hasMultilineLiteral(stmt, file)) return undefined;
  let body = '';
  let from = stmt.start;
  for (const r of reads) {
    body += file.text.slice(from, r.start) + v;
    from = r.end;
  }
  body += file.text.slice(from, stmt.end);
  const newText = [`if ${v}, ${ok} := ${lookupText}; ${ok} {`, `${indent}\t${indentMore(body)}`, `${indent}}`].join(eol);
  reserved.add(v).add(ok);
  return { title: title(file, lookup), preferred: true, safe, edits: [{ file: file.path, range: nodeRange(stmt), newText }] };
}

/** The fix for `v := m[k]` whose value a later statement uses as present: `v, ok := m[k]` and an early exit. */
export function okCheckAfterDecl(decl: SyntaxNode, use: SyntaxNode, file: SourceFile, model: PackageModel, reserved: Set<string>): Fix | undefined {
  const fn = outermostFunction(decl);
  const left = childByField(decl, 'left');
  const name = left && namedChildren(left)[0];
  const right = childByField(decl, 'right');
  const lookup = right && namedChildren(right)[0];
  if (!fn || !name || !lookup || !decl.parent || !CONTAINERS.has(decl.parent.type) || !aloneOnItsLine(file, decl)) return undefined;
  const exit = exitFor(decl, file, model);
  if (!exit) return undefined;
  const ok = freshName(['ok'], new Set([...namesIn(fn, file), ...reserved]));
  reserved.add(ok);
  const eol = eolOf(file.text);
  const indent = lineIndent(file, decl);
  const lineEnd = file.text.indexOf('\n', decl.end);
  const endOfLine = lineEnd < 0 ? file.text.length : file.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
  const endPos = { line: decl.endPoint.row, character: decl.endPoint.column + (endOfLine - decl.end) };
  const check = [``, `${indent}if !${ok} {`, `${indent}\t${exit}`, `${indent}}`].join(eol);
  return {
    title: title(file, lookup),
    preferred: true,
    safe: false, // as in lookupFix: what a missing key should do is the author's call
    edits: [
      { file: file.path, range: { start: nodeRange(name).end, end: nodeRange(name).end }, newText: `, ${ok}` },
      { file: file.path, range: { start: endPos, end: endPos }, newText: check },
    ],
  };
}
