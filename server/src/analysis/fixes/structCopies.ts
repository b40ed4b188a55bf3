// Would a new mutex field break the package? A struct holding a mutex must not be copied (go vet's
// copylocks reports every copy), and a literal that lists values without field names stops compiling
// when a field is added. Without type information this errs on the side of "it is copied": a value of
// the struct passed, returned, dereferenced, ranged over or stored in a slice, map, array or channel.
import { childByField, childrenByField, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel, StructInfo } from '../model/packageModel';

/** Scopes for names: closures share their function's. */
const FUNCTIONS = new Set(['function_declaration', 'method_declaration']);
const CONTAINERS: Readonly<Record<string, string>> = {
  slice_type: 'slice',
  array_type: 'array',
  map_type: 'map',
  channel_type: 'channel',
};

const at = (file: SourceFile, node: SyntaxNode) => `${file.path.split(/[\\/]/).pop()}:${node.startPoint.row + 1}`;

/** Why `owner` cannot take a mutex field, as a sentence; undefined when nothing copies it. */
export function whyNoMutexField(model: PackageModel, owner: StructInfo): string | undefined {
  const holders = valueHolders(model, owner.name);
  const heldFields = fieldsHoldingByValue(model, holders);
  const results: Results = new Map();
  for (const f of model.funcs.values()) {
    const result = firstResult(childByField(f.node, 'result'));
    if (result && pointsTo(f.file, result, holders)) results.set(f.name, 'pointer');
    else if (holders.has(typeName(f.file, result) ?? '')) results.set(f.name, typeName(f.file, result)!);
  }
  const who = (t: string) => (t === owner.name ? owner.name : `${t}, which holds ${owner.name} by value,`);
  const globals: Known = { pointers: new Set(), values: new Map() };
  for (const file of model.files) {
    for (const decl of file.root.children.filter((c) => c.type === 'var_declaration')) collectKnown(file, decl, holders, results, globals);
  }
  for (const file of model.files) {
    let why: string | undefined;
    walk(file.root, (n) => {
      if (why) return false;
      if (n.type === 'type_identifier' && holders.has(nodeText(file, n))) why = typeUse(file, n, who(nodeText(file, n)));
      else if (FUNCTIONS.has(n.type)) {
        const known: Known = { pointers: new Set(globals.pointers), values: new Map(globals.values) };
        collectKnown(file, n, holders, results, known);
        why = copiedValues(file, n, known, who);
      } else if (n.type === 'selector_expression') {
        const field = childByField(n, 'field');
        const name = field ? nodeText(file, field) : '';
        if (heldFields.has(name) && copiesValue(n)) why = `\`${nodeText(file, n)}\` at ${at(file, n)} copies the ${owner.name} it holds`;
      }
      return !why;
    });
    if (why) return `adding a mutex would make ${owner.name} unsafe to copy (go vet: copylocks), but ${why}`;
  }
  return undefined;
}

/** What package functions return: a pointer to a holder, or a holder value (its type name). */
type Results = Map<string, string>;

/** Names known to hold a pointer to a holder, and names holding a holder value (with its type). */
interface Known {
  pointers: Set<string>;
  values: Map<string, string>;
}

/** `owner` and the struct (and named) types that hold it by value, directly or through arrays. */
function valueHolders(model: PackageModel, owner: string): Set<string> {
  const holders = new Set([owner]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const file of model.files) {
      for (const decl of file.root.children.filter((c) => c.type === 'type_declaration')) {
        for (const spec of namedChildren(decl)) {
          const name = childByField(spec, 'name');
          const type = childByField(spec, 'type');
          if (!name || !type || holders.has(nodeText(file, name))) continue;
          if (holdsByValue(file, type, holders)) {
            holders.add(nodeText(file, name));
            grew = true;
          }
        }
      }
    }
  }
  return holders;
}

function holdsByValue(file: SourceFile, type: SyntaxNode, holders: Set<string>): boolean {
  if (type.type === 'type_identifier') return holders.has(nodeText(file, type));
  if (type.type === 'generic_type') return holdsByValue(file, childByField(type, 'type') ?? type, holders);
  if (type.type === 'array_type') return holdsByValue(file, childByField(type, 'element') ?? type, holders);
  if (type.type === 'struct_type') {
    const list = type.children.find((c) => c.type === 'field_declaration_list');
    return !!list?.children.some((f) => f.type === 'field_declaration' && !isPointerEmbed(f) && holdsByValue(file, childByField(f, 'type') ?? f, holders));
  }
  return false;
}

/** `*T` embedded: the grammar puts the star beside the type, not in a pointer_type. */
function isPointerEmbed(field: SyntaxNode): boolean {
  return field.children.some((c) => c.type === '*');
}

/** Names of struct fields that hold a holder by value (`store` for an embedded `store`). */
function fieldsHoldingByValue(model: PackageModel, holders: Set<string>): Set<string> {
  const names = new Set<string>();
  for (const s of model.structs.values()) {
    for (const f of s.fields.values()) {
      if (f.typeName && holders.has(f.typeName) && f.byValue && !(f.embedded && isPointerEmbed(f.decl.node.parent ?? f.decl.node))) names.add(f.name);
    }
  }
  return names;
}

function firstResult(result: SyntaxNode | undefined): SyntaxNode | undefined {
  if (result?.type !== 'parameter_list') return result;
  const first = result.children.find((c) => c.type === 'parameter_declaration');
  return first && childByField(first, 'type');
}

function pointsTo(file: SourceFile, type: SyntaxNode | undefined, holders: Set<string>): boolean {
  const target = type?.type === 'pointer_type' ? namedChildren(type)[0] : undefined;
  return !!target && holders.has(typeName(file, target) ?? '');
}

/** `Cache` for `Cache` and `Cache[K]`. */
function typeName(file: SourceFile, type: SyntaxNode | undefined): string | undefined {
  if (type?.type === 'generic_type') type = childByField(type, 'type');
  return type?.type === 'type_identifier' ? nodeText(file, type) : undefined;
}

/** Why this mention of a holder type copies (or breaks) a value; undefined for harmless ones. */
function typeUse(file: SourceFile, type: SyntaxNode, who: string): string | undefined {
  // `Cache[K]` stands where `Cache` would.
  const n = type.parent?.type === 'generic_type' && type.field === 'type' ? type.parent : type;
  const p = n.parent;
  if (!p) return undefined;
  if (p.type === 'type_spec' && n.field === 'name') return undefined;
  if (p.type === 'pointer_type' || p.type === 'var_spec' || p.type === 'type_spec' || p.type === 'type_alias') return undefined;
  if (n.field === 'result') return undefined;
  // A field of another struct (by value that struct is a holder too) or an embedded `*T`.
  if (p.type === 'field_declaration') return undefined;
  if (p.type === 'composite_literal') {
    const body = childByField(p, 'body');
    const unkeyed = body?.children.some((c) => c.type === 'literal_element');
    return unkeyed ? `the literal at ${at(file, p)} lists ${who}'s values without field names, which a new field would break` : undefined;
  }
  if (p.type === 'argument_list' && p.parent && nodeText(file, childByField(p.parent, 'function') ?? p) === 'new') return undefined;
  if (CONTAINERS[p.type]) return `\`${nodeText(file, p)}\` at ${at(file, p)} holds ${who} values, and reading one out copies it`;
  if (p.type === 'parameter_declaration') {
    const list = p.parent;
    const fn = list?.parent;
    const fnName = fn && childByField(fn, 'name') ? nodeText(file, childByField(fn, 'name')!) : 'a function';
    if (list?.field === 'receiver') return `method ${fnName} (${at(file, p)}) has a value receiver, so every call copies ${who}`;
    // A value result is no copy by itself (vet allows `return T{}` and `x := f()`); what is returned is checked where it is.
    if (list?.field === 'result') return undefined;
    return `${fnName} takes ${who} by value (${at(file, p)})`;
  }
  return `${who} is used by value at ${at(file, n)}`;
}

/** Declarations under `node` (closures included: they share the names they capture). */
function collectKnown(file: SourceFile, node: SyntaxNode, holders: Set<string>, results: Results, known: Known): void {
  walk(node, (n) => {
    if (n.type === 'parameter_declaration' || n.type === 'var_spec') {
      const type = childByField(n, 'type');
      for (const name of childrenByField(n, 'name')) {
        if (type && pointsTo(file, type, holders)) known.pointers.add(nodeText(file, name));
        const value = typeName(file, type);
        if (value && holders.has(value)) known.values.set(nodeText(file, name), value);
      }
    }
    if (n.type === 'short_var_declaration' || n.type === 'var_spec') {
      const right = childByField(n, n.type === 'var_spec' ? 'value' : 'right');
      const left = childByField(n, 'left');
      const lefts = n.type === 'var_spec' ? childrenByField(n, 'name') : left ? namedChildren(left) : [];
      const rights = right ? (right.type === 'expression_list' ? namedChildren(right) : [right]) : [];
      lefts.forEach((l, i) => {
        const made = rights[i] && madeHolder(file, rights[i], holders, results);
        if (made === 'pointer') known.pointers.add(nodeText(file, l));
        else if (made) known.values.set(nodeText(file, l), made);
      });
    }
  });
}

/**
 * In one function: derefs of known pointers to a holder (`*c`), and holder values (`var r T`,
 * `r := T{}`) used other than through a field, a method or their address.
 */
function copiedValues(file: SourceFile, fn: SyntaxNode, known: Known, who: (t: string) => string): string | undefined {
  let why: string | undefined;
  walk(fn, (n) => {
    if (why) return false;
    if (n.type === 'unary_expression' && n.children[0]?.type === '*') {
      const operand = childByField(n, 'operand');
      if (operand?.type === 'identifier' && known.pointers.has(nodeText(file, operand)) && copiesValue(n)) {
        why = `\`${nodeText(file, n)}\` at ${at(file, n)} copies the value it points to`;
      }
    } else if (n.type === 'identifier' && known.values.has(nodeText(file, n)) && copiesValue(n) && !declares(n)) {
      why = `\`${nodeText(file, n)}\`, a ${who(known.values.get(nodeText(file, n))!)} value, is copied at ${at(file, n)}`;
    }
    return !why;
  });
  return why;
}

/** What `value` makes: a holder value (its type name), a pointer to one, or neither. */
function madeHolder(file: SourceFile, value: SyntaxNode, holders: Set<string>, results: Results): string | 'pointer' | undefined {
  const typeOf = (lit: SyntaxNode | undefined) => {
    const t = typeName(file, lit?.type === 'composite_literal' ? childByField(lit, 'type') : undefined);
    return t && holders.has(t) ? t : undefined;
  };
  if (typeOf(value)) return typeOf(value);
  if (value.type === 'unary_expression' && value.children[0]?.type === '&' && typeOf(childByField(value, 'operand'))) return 'pointer';
  if (value.type === 'call_expression') {
    const fn = childByField(value, 'function');
    const name = fn ? nodeText(file, fn) : '';
    const args = childByField(value, 'arguments');
    const arg = args && namedChildren(args)[0];
    if (name === 'new' && holders.has(typeName(file, arg) ?? '')) return 'pointer';
    if (results.has(name)) return results.get(name);
  }
  return undefined;
}

/** Is this use of a value a copy: not `x.f`, `x.M()`, `&x`, or the target of an assignment? */
function copiesValue(n: SyntaxNode): boolean {
  let node = n;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const p = node.parent;
  if (!p) return false;
  if (p.type === 'selector_expression' && node.field === 'operand') return false;
  if (p.type === 'unary_expression' && p.children[0]?.type === '&') return false;
  if (p.type === 'expression_list' && node.parent?.field === 'left' && p.parent?.type === 'assignment_statement') return false;
  // A composite literal's key (`T{r: 1}`) is a field name, not the variable.
  if (p.type === 'literal_element' && p.parent?.type === 'keyed_element' && p.parent.children.find((c) => c.type === 'literal_element') === p) return false;
  return true;
}

/** The identifier a declaration introduces (`r` in `var r T` or `r := T{}`), not a use of it. */
function declares(n: SyntaxNode): boolean {
  const p = n.parent;
  if (p?.type === 'var_spec' || p?.type === 'parameter_declaration') return n.field === 'name';
  return p?.type === 'expression_list' && p.field === 'left' && p.parent?.type === 'short_var_declaration';
}
