// When a lookup's key is known to be in the map, so a nil value cannot come from a missing key: the loop
// ranges over the map's own keys (or a slice of them), the function checked, stored or already
// dereferenced the key first where that covers the use, or the map's literal initializer has that key.
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

/**
 * Is the key of `lookup` (`X[K]`) known to be in X where `at` runs (the lookup itself, or the later use of
 * the value it gave)?
 */
export function keyKnownPresent(lookup: SyntaxNode, file: SourceFile, at: SyntaxNode): boolean {
  const operand = childByField(lookup, 'operand');
  const index = childByField(lookup, 'index');
  const fn = outermostFunction(lookup);
  // Outside any function (a package-level initializer) nothing tells what was stored: stay silent.
  if (!operand || !index || !fn) return true;
  const key: Key = { map: flat(file, operand), key: flat(file, index) };
  if (rangesOverKeys(lookup, file, key.map, key.key, fn)) return true;
  let found = false;
  walk(fn, (n) => {
    if (found || n.start >= at.start) return false;
    if (n !== lookup && isLookupOf(n, file, key) && vouches(n, file, fn, at, key)) found = true;
    return undefined;
  });
  return found;
}

interface Key {
  map: string;
  key: string;
}

function isLookupOf(n: SyntaxNode, file: SourceFile, k: Key): boolean {
  return n.type === 'index_expression' && flat(file, childByField(n, 'operand') ?? n) === k.map && flat(file, childByField(n, 'index') ?? n) === k.key;
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

/** `for k := range X { S = append(S, k) }` (or `S[i] = k`) somewhere in the function. */
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
    const key = flat(file, k);
    const append = `${slice}=append(${slice},${key})`;
    walk(body, (s) => {
      if (s.type === 'assignment_statement' && (flat(file, s) === append || storesAt(s, file, slice, key))) found = true;
      return !found;
    });
    return undefined;
  });
  return found;
}

/** `S[i] = k`. */
function storesAt(assign: SyntaxNode, file: SourceFile, slice: string, key: string): boolean {
  const left = childByField(assign, 'left');
  const right = childByField(assign, 'right');
  const target = left && namedChildren(left).length === 1 ? unparen(namedChildren(left)[0]!) : undefined;
  const operand = target?.type === 'index_expression' ? childByField(target, 'operand') : undefined;
  const plain = assign.children.some((c) => !c.named && c.type === '=');
  return plain && !!operand && !!right && flat(file, operand) === slice && flat(file, right) === key;
}

/** Nodes whose children are a statement list. */
const CONTAINERS = new Set(['block', 'expression_case', 'default_case', 'type_case', 'communication_case']);

/** The statement directly in a block (or case) that holds `n`: for a check in an `if` header, the `if`. */
function statementAt(n: SyntaxNode): SyntaxNode {
  let c = n;
  while (c.parent && !CONTAINERS.has(c.parent.type)) c = c.parent;
  return c;
}

/**
 * Does a check or store in statement `h` cover `at`? When `at` is inside it (`if v, ok := m[k]; ok { ... }`,
 * `m[k] != nil && m[k].f`), or comes after it in a block around both; after an `if`, only when its branch
 * leaves (`if !ok { return }`) or stores the key (`if m[k] == nil { m[k] = ... }`).
 */
function covers(h: SyntaxNode, at: SyntaxNode, file: SourceFile, k: Key, headerOnly: boolean): boolean {
  if (h.start <= at.start && at.end <= h.end) return true;
  const after = !!h.parent && h.end <= at.start && h.parent.start <= at.start && at.end <= h.parent.end;
  if (!after) return false;
  if (h.type !== 'if_statement' || !headerOnly) return true;
  const body = childByField(h, 'consequence');
  return !!body && (leaves(body, file) || storesKey(body, file, k));
}

/** A block whose last statement leaves it: return, continue, break, goto, panic, a Fatal or Exit call. */
function leaves(block: SyntaxNode, file: SourceFile): boolean {
  const last = namedChildren(block).pop();
  if (!last) return false;
  if (['return_statement', 'continue_statement', 'break_statement', 'goto_statement'].includes(last.type)) return true;
  const call = last.type === 'expression_statement' ? namedChildren(last)[0] : undefined;
  const fn = call?.type === 'call_expression' ? childByField(call, 'function') : undefined;
  const name = fn ? nodeText(file, fn) : '';
  return name === 'panic' || /\.(Fatal|Fatalf|Fatalln|Exit|Panic|Panicf|Panicln)$/.test(name);
}

/** `X[K] = ...` anywhere in a block. */
function storesKey(block: SyntaxNode, file: SourceFile, k: Key): boolean {
  let found = false;
  walk(block, (n) => {
    if (found) return false;
    if (n.type === 'assignment_statement') {
      const left = childByField(n, 'left');
      if (left && namedChildren(left).some((t) => isLookupOf(unparen(t), file, k))) found = true;
    }
    return undefined;
  });
  return found;
}

/**
 * An earlier `X[K]` that vouches for the key at `at`: it stores it (`X[K] = v`), checks it (`v, ok := X[K]`,
 * `X[K] != nil`, or `v := X[K]` and then `v == nil`), or already dereferenced the value (a missing key
 * would have panicked there) — each only where it covers `at`.
 */
function vouches(n: SyntaxNode, file: SourceFile, fn: SyntaxNode, at: SyntaxNode, k: Key): boolean {
  let e = n;
  while (e.parent?.type === 'parenthesized_expression') e = e.parent;
  const p = e.parent;
  if (!p) return false;
  const h = statementAt(e);
  if (p.type === 'inc_statement' || p.type === 'dec_statement') return covers(h, at, file, k, false);
  if (p.type === 'selector_expression') return covers(h, at, file, k, false);
  if (p.type === 'binary_expression') return comparesWithNil(p, e) && (covers(h, at, file, k, true) || caseRulesOutNil(p, at));
  if (p.type !== 'expression_list') return false;
  const stmt = p.parent;
  if (p.field === 'left') return stmt?.type === 'assignment_statement' && covers(h, at, file, k, false);
  if (namedChildren(p).length !== 1) return false;
  // `var v, ok = X[K]`
  if (stmt?.type === 'var_spec') return childrenCount(stmt, 'name') === 2 && covers(h, at, file, k, true);
  if (stmt?.type !== 'short_var_declaration' && stmt?.type !== 'assignment_statement') return false;
  const left = childByField(stmt, 'left');
  const targets = left ? namedChildren(left) : [];
  if (targets.length === 2) return covers(h, at, file, k, true);
  const named = targets.length === 1 && targets[0]!.type === 'identifier' ? nodeText(file, targets[0]!) : undefined;
  if (!named || named === '_') return false;
  return nilChecks(fn, file, named, stmt.end, at.start).some((c) => covers(statementAt(c), at, file, k, true) || caseRulesOutNil(c, at));
}

/**
 * `switch { case v == nil: ...; case ...: <at> }`: a later case of a tagless switch runs only when the
 * earlier ones were false, so there v is not nil; inside `case v != nil:` it is not either.
 */
function caseRulesOutNil(comparison: SyntaxNode, at: SyntaxNode): boolean {
  const list = comparison.parent;
  const clause = list?.type === 'expression_list' && list.field === 'value' ? list.parent : undefined;
  const sw = clause?.type === 'expression_case' ? clause.parent : undefined;
  if (!clause || sw?.type !== 'expression_switch_statement' || childByField(sw, 'value')) return false;
  const op = comparison.children.find((c) => !c.named)?.type;
  if (op === '!=') return clause.start <= at.start && at.end <= clause.end;
  return sw.children.some((c) => c.start >= clause.end && c.type === 'expression_case' && c.start <= at.start && at.end <= c.end);
}

function childrenCount(node: SyntaxNode, field: string): number {
  return node.children.filter((c) => c.field === field).length;
}

function comparesWithNil(binary: SyntaxNode, side: SyntaxNode): boolean {
  const op = binary.children.find((c) => !c.named)?.type;
  if (op !== '==' && op !== '!=') return false;
  return namedChildren(binary).some((s) => s !== side && unparen(s).type === 'nil');
}

/** The `name == nil` and `name != nil` comparisons between two offsets of the function. */
function nilChecks(fn: SyntaxNode, file: SourceFile, name: string, from: number, to: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(fn, (n) => {
    if (n.start >= to || n.end <= from) return false;
    if (n.type === 'binary_expression') {
      const sides = namedChildren(n).map(unparen);
      const isName = sides.find((s) => s.type === 'identifier' && nodeText(file, s) === name);
      if (isName && comparesWithNil(n, isName)) out.push(n);
    }
    return undefined;
  });
  return out;
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
