// unchecked-map-lookup: a lookup in a map of pointers or interfaces whose missing-key case is not handled.
// `m[k].f` and `m[k].M()` panic on a missing key (warning); `v := m[k]` followed by `v.f` does too, one
// step removed (information). Silent when the key is known to be there (keyPresence.ts), when the value
// type is not a pointer to a struct of the package or an interface, and when the use is fine on nil.
import { childByField, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Finding } from '../types';
import type { PackageModel } from '../model/packageModel';
import type { RaceFacts } from '../model/races';
import type { Access } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import { declaredMapType, initialLiteral, mapValueType, nilableValue, type NilableValue } from '../model/mapValueType';
import { nodeRange } from '../positions';
import { keyKnownPresent, literalKeys, outermostFunction } from './keyPresence';
import { panicsOnNil } from './nilUse';
import { okCheckAfterDecl, okCheckAtUse } from '../fixes/addOkCheck';

export const RULE_ID = 'unchecked-map-lookup';

const flat = (file: SourceFile, n: SyntaxNode) => nodeText(file, n).replace(/\s+/g, '');

/** The map's value type when a missing key's zero value can panic, with the variable it was found on. */
function valueOf(accesses: readonly Access[], model: PackageModel): { value: NilableValue; v: VarDecl } | undefined {
  for (const a of accesses) {
    const map = declaredMapType(a.v, model);
    const value = map && mapValueType(map);
    const nilable = value && nilableValue(value, model);
    if (nilable) return { value: nilable, v: a.v };
  }
  return undefined;
}

const nilName = (value: NilableValue) => (value.kind === 'pointer' ? `*${value.struct}` : value.name);

/** The selector a parenthesised-or-not expression is the operand of. */
function selectorOf(expr: SyntaxNode): SyntaxNode | undefined {
  let e = expr;
  while (e.parent?.type === 'parenthesized_expression') e = e.parent;
  return e.parent?.type === 'selector_expression' && e.field === 'operand' ? e.parent : undefined;
}

/** `v := m[k]` with one name and one value: the declaration and the name. */
function singleDecl(lookup: SyntaxNode, file: SourceFile): { decl: SyntaxNode; name: string } | undefined {
  const list = lookup.parent;
  const decl = list?.parent;
  if (list?.type !== 'expression_list' || list.field !== 'right' || decl?.type !== 'short_var_declaration') return undefined;
  const left = childByField(decl, 'left');
  const names = left ? namedChildren(left) : [];
  if (names.length !== 1 || namedChildren(list).length !== 1 || names[0]!.type !== 'identifier') return undefined;
  const name = nodeText(file, names[0]!);
  return name === '_' ? undefined : { decl, name };
}

/**
 * The first mention of `name` after its declaration in the same block, when it is a use that panics on
 * nil and always runs once the block gets there (not under a condition, in a closure or a nested block).
 */
function firstUse(decl: SyntaxNode, name: string, file: SourceFile): SyntaxNode | undefined {
  const block = decl.parent;
  if (!block) return undefined;
  let first: SyntaxNode | undefined;
  for (const stmt of block.children.slice(block.children.indexOf(decl) + 1)) {
    walk(stmt, (n) => {
      if (first) return false;
      if (n.type === 'identifier' && nodeText(file, n) === name) first = n;
      return undefined;
    });
    if (first) break;
  }
  if (!first) return undefined;
  for (let c = first, p = first.parent; p && p !== block; c = p, p = p.parent) {
    if (['block', 'func_literal', 'expression_case', 'default_case', 'type_case', 'communication_case', 'for_statement', 'select_statement'].includes(p.type)) return undefined;
    if (p.type === 'if_statement' && c.field !== 'initializer' && c.field !== 'condition') return undefined;
    if (p.type === 'binary_expression' && c.field === 'right' && ['&&', '||'].includes(p.children.find((x) => !x.named)?.type ?? '')) return undefined;
  }
  return first;
}

/** A literal key the map's own initializer has: `defaults["json"]` with `var defaults = map[string]*T{"json": ...}`. */
function inInitializer(lookup: SyntaxNode, file: SourceFile, v: VarDecl): boolean {
  const index = childByField(lookup, 'index');
  const lit = initialLiteral(v);
  return !!index && !!lit && literalKeys(lit.node, lit.file).has(flat(file, index));
}

export function uncheckedMapLookup(facts: RaceFacts, model: PackageModel): Finding[] {
  const byNode = new Map<SyntaxNode, Access[]>();
  for (const a of facts.accesses) {
    if (a.kind !== 'read' || a.node.type !== 'index_expression') continue;
    const list = byNode.get(a.node);
    if (list) list.push(a);
    else byNode.set(a.node, [a]);
  }
  const out: Finding[] = [];
  // Names each function's fixes take, in source order, so that fixes applied together never clash.
  const reserved = new Map<SyntaxNode, Set<string>>();
  const namesOf = (n: SyntaxNode) => {
    const fn = outermostFunction(n)!;
    if (!reserved.has(fn)) reserved.set(fn, new Set());
    return reserved.get(fn)!;
  };
  // The lookups that may be reported, whatever the order (it only matters to the names fixes take).
  const candidates: { lookup: SyntaxNode; file: SourceFile; operand: SyntaxNode; index: SyntaxNode; selector?: SyntaxNode; single?: { decl: SyntaxNode; name: string }; found: { value: NilableValue; v: VarDecl } }[] = [];
  for (const [lookup, accesses] of byNode) {
    const file = accesses[0]!.file;
    const operand = childByField(lookup, 'operand');
    const index = childByField(lookup, 'index');
    // `m[a][b]`: the inner map's type is one more step away; left alone.
    if (!operand || !index || operand.type === 'index_expression' || !outermostFunction(lookup)) continue;
    const selector = selectorOf(lookup);
    const single = selector ? undefined : singleDecl(lookup, file);
    if (!selector && !single) continue;
    const found = valueOf(accesses, model);
    if (!found || inInitializer(lookup, file, found.v)) continue;
    candidates.push({ lookup, file, operand, index, selector, single, found });
  }
  candidates.sort((x, y) => x.file.path.localeCompare(y.file.path) || x.lookup.start - y.lookup.start);
  for (const { lookup, file, operand, index, selector, single, found } of candidates) {
    const { value, v } = found;
    const mapText = nodeText(file, operand);
    const keyText = nodeText(file, index);
    const declared = v.field ?? v;
    const related = [{ file: declared.file.path, range: nodeRange(declared.node), message: `map \`${mapText}\` is declared here with values of type ${nilName(value)}` }];
    const what = selector && panicsOnNil(selector, file, value, model);
    if (selector && what) {
      if (keyKnownPresent(lookup, file, lookup)) continue;
      const fix = okCheckAtUse(lookup, file, model, namesOf(lookup));
      out.push({
        file: file.path,
        rule: RULE_ID,
        severity: 'warning',
        message: `\`${nodeText(file, lookup)}\` is a nil ${nilName(value)} when \`${keyText}\` is not in the map, and this ${what}: panic: nil pointer dereference`,
        range: nodeRange(lookup),
        related,
        fixes: fix ? [fix] : [],
      });
      continue;
    }
    const use = single && firstUse(single.decl, single.name, file);
    const useSelector = use && selectorOf(use);
    const useWhat = useSelector && panicsOnNil(useSelector, file, value, model);
    if (!single || !use || !useWhat || keyKnownPresent(lookup, file, use)) continue;
    const fix = okCheckAfterDecl(single.decl, use, file, model, namesOf(lookup));
    out.push({
      file: file.path,
      rule: RULE_ID,
      severity: 'information',
      message: `\`${single.name}\` is a nil ${nilName(value)} when \`${keyText}\` is not in map \`${mapText}\`, and \`${nodeText(file, useSelector)}\` on line ${use.startPoint.row + 1} ${useWhat}`,
      range: nodeRange(lookup),
      related: [...related, { file: file.path, range: nodeRange(useSelector), message: `\`${single.name}\` is used here as if \`${keyText}\` were in the map` }],
      fixes: fix ? [fix] : [],
    });
  }
  return out;
}
