// What the race engine knows about the map under the cursor: where it is declared, which mutex guards
// it at how many of its places, and which concurrent contexts reach it. Pure data; the server renders it.
import { buildPackageModel, type PackageModel } from './model/packageModel';
import { findRaces, type RaceFacts } from './model/races';
import type { Access } from './model/timeline';
import type { VarDecl } from './model/variables';
import { byPlace, guardedPlaces, guardsOf, mostHeldLock } from './rules/unguardedMapAccess';
import { splitByPackageClause } from './packageClause';
import { nodeRange, where } from './positions';
import { childByField, namedChildren, nodeText, unparen, type SourceFile, type SyntaxNode } from './syntax';
import type { Range } from './types';

export type MapKind = 'field' | 'package variable' | 'parameter' | 'local variable';

export interface MapDescription {
  /** The map as written under the cursor (`c.data`), and that expression's range. */
  name: string;
  range: Range;
  kind: MapKind;
  /** The declaring identifier: `Cache.data` names the field `data` of `type Cache struct`. */
  declaration: { name: string; file: string; range: Range; where: string };
  /** Distinct source places in the package that access the map (calling contexts folded). */
  places: number;
  /** The mutex held at most of its accesses, and at how many places every caller holds it. */
  guard?: { mutex: string; guarded: number };
  /** Goroutines, handlers and shared methods whose bodies reach the map, as race messages name them. */
  contexts: string[];
}

/** The map whose access (or declaration) covers `offset`, a UTF-16 index into `path`'s text; else undefined. */
export function describeMapAt(files: readonly SourceFile[], path: string, offset: number): MapDescription | undefined {
  const file = files.find((f) => f.path === path);
  if (!file || !Number.isInteger(offset) || offset < 0 || offset > file.text.length) return undefined;
  const group = splitByPackageClause(files).find((g) => g.includes(file))!;
  const model = buildPackageModel(group);
  const facts = findRaces(model);
  const target = mapAt(facts, file, offset);
  if (!target) return undefined;
  const { v, expr } = target;
  // Entry-point instances carry their callers' locks (a `fooLocked` helper is seen under them).
  let instances = facts.entryAccesses.filter((a) => a.v === v);
  if (instances.length === 0) instances = facts.accesses.filter((a) => a.v === v);
  const places = byPlace(sortedByPlace(instances));
  const lock = guardsOf(facts, model).get(v) ?? mostHeldLock(instances);
  const guard = lock && { mutex: lock.text, guarded: guardedPlaces(places, lock.key).length };
  const contexts = new Set<string>();
  for (const key of places.keys()) for (const c of facts.contexts.get(key) ?? []) contexts.add(c);
  return {
    name: nodeText(file, expr),
    range: nodeRange(expr),
    kind: kindOf(v, model),
    declaration: { name: v.name, file: v.file.path, range: nodeRange(v.node), where: where(v.file.path, v.node) },
    places: places.size,
    guard,
    contexts: [...contexts],
  };
}

/** The map expression an access reads or writes: `m` of `m[k]`, `delete(m, k)`, `len(m)` or `range m`. */
export function mapExpressionOf(a: Access): SyntaxNode {
  const n = a.node;
  if (n.type === 'index_expression') {
    const operand = childByField(n, 'operand');
    if (operand) return unparen(operand);
  }
  if (n.type === 'call_expression') {
    const args = childByField(n, 'arguments');
    const first = args && namedChildren(args)[0];
    if (first) return unparen(first);
  }
  return n;
}

/** On a selector only its `.field` part counts: the operand (`c` of `c.data`) is a value of its own. */
function covers(expr: SyntaxNode, offset: number): boolean {
  const from = expr.type === 'selector_expression' ? childByField(expr, 'operand')?.end ?? expr.start : expr.start;
  return from <= offset && offset < expr.end;
}

function mapAt(facts: RaceFacts, file: SourceFile, offset: number): { v: VarDecl; expr: SyntaxNode } | undefined {
  let best: { expr: SyntaxNode; accesses: Access[] } | undefined;
  for (const a of facts.accesses) {
    if (a.file.path !== file.path) continue;
    const expr = mapExpressionOf(a);
    if (!covers(expr, offset)) continue;
    // The innermost expression wins: `m[k1]` inside `n[m[k1]]`.
    if (!best || expr.end - expr.start < best.expr.end - best.expr.start) best = { expr, accesses: [a] };
    else if (expr === best.expr) best.accesses.push(a);
  }
  if (best) return { v: identityAt(best.expr, best.accesses), expr: best.expr };
  // The declaration of a map the package accesses (not the struct value a per-instance field hangs off).
  for (const { v } of facts.accesses) {
    const perInstance = !v.global && v.name.includes('.');
    if (!perInstance && v.file.path === file.path && v.node.start <= offset && offset < v.node.end) return { v, expr: v.node };
  }
  return undefined;
}

/**
 * One node can stand for several maps (a helper's parameter is each caller's map once inlined): the
 * package-level one if any, else the variable visible where it is written, else the first seen.
 */
function identityAt(expr: SyntaxNode, accesses: Access[]): VarDecl {
  const global = accesses.find((a) => a.v.global);
  if (global) return global.v;
  const visible = accesses.find((a) => a.v.file === a.file && enclosingFunctions(expr).some((fn) => fn.start <= a.v.node.start && a.v.node.end <= fn.end));
  return (visible ?? accesses[0]).v;
}

function enclosingFunctions(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration' || p.type === 'func_literal') out.push(p);
  }
  return out;
}

function kindOf(v: VarDecl, model: PackageModel): MapKind {
  for (const s of model.structs.values()) for (const f of s.fields.values()) if (f.decl === v) return 'field';
  if (v.global) return 'package variable';
  if (v.paramIndex !== undefined) return 'parameter';
  // A map field of one struct value made in a function (`c := &Cache{}`; `c.data`).
  return v.name.includes('.') ? 'field' : 'local variable';
}

function sortedByPlace(list: readonly Access[]): Access[] {
  return [...list].sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.node.start - b.node.start));
}
