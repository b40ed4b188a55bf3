// When a lookup's key is known to be in the map, so a nil value cannot come from a missing key: the loop
// ranges over the map's own keys (or a slice of them), the function checked or stored the key first, or
// the map's literal initializer has that key. Precision first: any such sign before the use silences it.
import { ancestors, childByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';

const flat = (file: SourceFile, n: SyntaxNode) => nodeText(file, n).replace(/\s+/g, '');

/** The function around `node` that is not itself inside a function: the scope any evidence may be in. */
export function outermostFunction(node: SyntaxNode): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const a of ancestors(node)) {
    if (a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal') found = a;
  }
  return found;
}

/** Is the key of `lookup` (`X[K]`) known to be in X at `upTo` (an offset at or after the lookup)? */
export function keyKnownPresent(lookup: SyntaxNode, file: SourceFile, upTo: number): boolean {
  const operand = childByField(lookup, 'operand');
  const index = childByField(lookup, 'index');
  const fn = outermostFunction(lookup);
  // Outside any function (a package-level initializer) nothing tells what was stored: stay silent.
  if (!operand || !index || !fn) return true;
  const map = flat(file, operand);
  const key = flat(file, index);
  if (rangesOverKeys(lookup, file, map, key, fn)) return true;
  const same = (n: SyntaxNode) =>
    n !== lookup && n.type === 'index_expression' && flat(file, childByField(n, 'operand') ?? n) === map && flat(file, childByField(n, 'index') ?? n) === key;
  let found = false;
  walk(fn, (n) => {
    if (found || n.start >= upTo) return false;
    if (same(n) && checksOrStores(n, file, fn, upTo)) found = true;
    return undefined;
  });
  return found;
}

/** `for K := range X`, or `for _, K := range keys` where the function fills `keys` from `range X`. */
function rangesOverKeys(lookup: SyntaxNode, file: SourceFile, map: string, key: string, fn: SyntaxNode): boolean {
  for (const loop of ancestors(lookup)) {
    if (loop.type !== 'for_statement') continue;
    const clause = loop.children.find((c) => c.type === 'range_clause');
    const left = clause && childByField(clause, 'left');
    const right = clause && childByField(clause, 'right');
    if (!left || !right) continue;
    const vars = namedChildren(left).map((n) => flat(file, n));
    if (vars[0] === key && flat(file, right) === map) return true;
    if (vars[1] === key && unparen(right).type === 'identifier' && collectsKeys(fn, file, flat(file, right), map)) return true;
  }
  return false;
}

/** `for k := range X { S = append(S, k) }` somewhere in the function. */
function collectsKeys(fn: SyntaxNode, file: SourceFile, slice: string, map: string): boolean {
  let found = false;
  walk(fn, (n) => {
    if (found) return false;
    if (n.type !== 'for_statement') return undefined;
    const clause = n.children.find((c) => c.type === 'range_clause');
    const left = clause && childByField(clause, 'left');
    const right = clause && childByField(clause, 'right');
    const body = childByField(n, 'body');
    const k = left && namedChildren(left)[0];
    if (!k || !right || !body || flat(file, right) !== map) return undefined;
    const append = `${slice}=append(${slice},${flat(file, k)})`;
    walk(body, (s) => {
      if (s.type === 'assignment_statement' && flat(file, s) === append) found = true;
      return !found;
    });
    return undefined;
  });
  return found;
}

/**
 * An earlier `X[K]` that stores the key (`X[K] = v`), checks it (`v, ok := X[K]`, `X[K] != nil`), or is
 * named and then compared with nil (`v := X[K]; if v == nil`).
 */
function checksOrStores(n: SyntaxNode, file: SourceFile, fn: SyntaxNode, upTo: number): boolean {
  let e = n;
  while (e.parent?.type === 'parenthesized_expression') e = e.parent;
  const p = e.parent;
  if (!p) return false;
  if (p.type === 'inc_statement' || p.type === 'dec_statement') return true;
  if (p.type === 'binary_expression') return comparesWithNil(p, e);
  if (p.type !== 'expression_list') return false;
  const stmt = p.parent;
  if (p.field === 'left') return stmt?.type === 'assignment_statement';
  if (!stmt || (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement')) {
    // `var v, ok = X[K]`
    return stmt?.type === 'var_spec' && childrenCount(stmt, 'name') === 2 && namedChildren(p).length === 1;
  }
  const left = childByField(stmt, 'left');
  const targets = left ? namedChildren(left) : [];
  if (namedChildren(p).length !== 1) return false;
  if (targets.length === 2) return true;
  const named = targets.length === 1 && targets[0]!.type === 'identifier' ? nodeText(file, targets[0]!) : undefined;
  return !!named && named !== '_' && nilCompared(fn, file, named, stmt.end, upTo);
}

function childrenCount(node: SyntaxNode, field: string): number {
  return node.children.filter((c) => c.field === field).length;
}

function comparesWithNil(binary: SyntaxNode, side: SyntaxNode): boolean {
  const op = binary.children.find((c) => !c.named)?.type;
  if (op !== '==' && op !== '!=') return false;
  return namedChildren(binary).some((s) => s !== side && unparen(s).type === 'nil');
}

/** `name == nil` or `name != nil` between two offsets of the function. */
export function nilCompared(fn: SyntaxNode, file: SourceFile, name: string, from: number, to: number): boolean {
  let found = false;
  walk(fn, (n) => {
    if (found || n.start >= to || n.end <= from) return false;
    if (n.type === 'binary_expression') {
      const sides = namedChildren(n).map(unparen);
      const isName = sides.find((s) => s.type === 'identifier' && nodeText(file, s) === name);
      if (isName && comparesWithNil(n, isName)) found = true;
    }
    return undefined;
  });
  return found;
}

/** The key texts of a composite literal (`map[string]*T{"a": ..., b: ...}`), flattened. */
export function literalKeys(literal: SyntaxNode, file: SourceFile): Set<string> {
  const keys = new Set<string>();
  const body = childByField(literal, 'body');
  for (const el of body?.children.filter((c) => c.type === 'keyed_element') ?? []) {
    const key = namedChildren(el)[0];
    if (key) keys.add(flat(file, key));
  }
  return keys;
}
