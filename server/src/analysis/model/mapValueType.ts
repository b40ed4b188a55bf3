// What a map holds, as its declaration spells it: a missing key gives the value type's zero value, and
// only a nil pointer or a nil interface turns a use of that zero value into a panic.
import { childByField, childrenByField, namedChildren, nodeText, unparen, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel } from './packageModel';
import type { VarDecl } from './variables';

/** A type as written somewhere: the node and the file it is in. */
export interface TypeAt {
  node: SyntaxNode;
  file: SourceFile;
}

/**
 * `*T` with T a struct type of the package (its fields and methods are known), or an interface (any method
 * call on the nil interface panics). Anything else (values, imported pointer types, type parameters) has
 * no known nil-panic and is left alone.
 */
export type NilableValue = { kind: 'pointer'; struct: string } | { kind: 'interface'; name: string };

/** Imported types that are interfaces for sure: a missing key gives a nil one. */
const KNOWN_INTERFACES = new Set([
  'io.Reader', 'io.Writer', 'io.Closer', 'io.ReadCloser', 'io.WriteCloser', 'io.ReadWriter', 'io.ReadWriteCloser',
  'fmt.Stringer', 'context.Context', 'http.Handler', 'net.Conn', 'net.Listener', 'sort.Interface',
]);

const specsByModel = new WeakMap<PackageModel, Map<string, TypeAt>>();

/**
 * `to` is `from` again after edits inside function bodies only (same type declarations, same nodes):
 * it shares the index of type specs instead of making it again.
 */
export function shareTypeSpecs(from: PackageModel, to: PackageModel): void {
  const specs = specsByModel.get(from);
  if (specs) specsByModel.set(to, specs);
}

/** The type_spec of a named type of the package (not an alias), in whichever file declares it. */
export function typeSpecOf(model: PackageModel, name: string): TypeAt | undefined {
  let specs = specsByModel.get(model);
  if (!specs) {
    specs = new Map();
    for (const file of model.files) {
      for (const decl of file.root.children) {
        if (decl.type !== 'type_declaration') continue;
        for (const spec of namedChildren(decl)) {
          const n = spec.type === 'type_spec' ? childByField(spec, 'name') : undefined;
          if (n && !specs.has(nodeText(file, n))) specs.set(nodeText(file, n), { node: spec, file });
        }
      }
    }
    specsByModel.set(model, specs);
  }
  return specs.get(name);
}

/** The map type of a map variable, as its declaration spells it (through named map types of the package). */
export function declaredMapType(v: VarDecl, model: PackageModel): TypeAt | undefined {
  const decl = v.field ?? v;
  const type = declaredType(decl.node, decl.file);
  return type && underlyingMap(type, model, 0);
}

/** The value type of a map type. */
export function mapValueType(map: TypeAt): TypeAt | undefined {
  const value = childByField(map.node, 'value');
  return value && { node: value, file: map.file };
}

function declaredType(name: SyntaxNode, file: SourceFile): TypeAt | undefined {
  const holder = name.parent;
  if (holder?.type === 'parameter_declaration' || holder?.type === 'field_declaration' || holder?.type === 'var_spec') {
    const type = childByField(holder, 'type');
    if (type) return { node: type, file };
  }
  const value = declaredValue(name);
  return value && typeOfMaker(value, file);
}

/** The value a variable is declared with: `var a, b = x, y` or `a, b := x, y`. */
function declaredValue(name: SyntaxNode): SyntaxNode | undefined {
  const holder = name.parent;
  if (holder?.type === 'var_spec') {
    const values = childByField(holder, 'value');
    const names = childrenByField(holder, 'name');
    const list = values ? namedChildren(values) : [];
    return list.length === names.length ? list[names.indexOf(name)] : undefined;
  }
  if (holder?.type === 'expression_list' && holder.field === 'left' && holder.parent?.type === 'short_var_declaration') {
    const left = namedChildren(holder);
    const right = childByField(holder.parent, 'right');
    const list = right ? namedChildren(right) : [];
    return list.length === left.length ? list[left.indexOf(name)] : undefined;
  }
  return undefined;
}

/** The composite literal a map variable is declared with (`var m = map[K]V{...}`), if it is one. */
export function initialLiteral(v: VarDecl): TypeAt | undefined {
  const decl = v.field ?? v;
  const value = declaredValue(decl.node);
  const lit = value && unparen(value);
  return lit?.type === 'composite_literal' ? { node: lit, file: decl.file } : undefined;
}

/** `make(map[K]V)`, `map[K]V{...}`, `Set{}`: the type they make. */
function typeOfMaker(value: SyntaxNode, file: SourceFile): TypeAt | undefined {
  const v = unparen(value);
  if (v.type === 'composite_literal') {
    const type = childByField(v, 'type');
    return type && { node: type, file };
  }
  if (v.type === 'call_expression') {
    const fn = childByField(v, 'function');
    const args = childByField(v, 'arguments');
    const first = args && namedChildren(args)[0];
    if (fn?.type === 'identifier' && nodeText(file, fn) === 'make' && first) return { node: first, file };
  }
  return undefined;
}

function underlyingMap(t: TypeAt, model: PackageModel, depth: number): TypeAt | undefined {
  const node = unparen(t.node);
  if (node.type === 'map_type') return { node, file: t.file };
  if (node.type !== 'type_identifier' || depth > 5) return undefined;
  const spec = typeSpecOf(model, nodeText(t.file, node));
  const under = spec && !childByField(spec.node, 'type_parameters') ? childByField(spec.node, 'type') : undefined;
  return under && underlyingMap({ node: under, file: spec!.file }, model, depth + 1);
}

/** The value type as a nil-able pointer or interface, or undefined when its zero value cannot panic (or is unknown). */
export function nilableValue(value: TypeAt, model: PackageModel): NilableValue | undefined {
  const node = unparen(value.node);
  const text = nodeText(value.file, node);
  if (node.type === 'pointer_type') {
    const target = namedChildren(node)[0];
    if (target?.type !== 'type_identifier') return undefined;
    const name = nodeText(value.file, target);
    return model.structs.has(name) ? { kind: 'pointer', struct: name } : undefined;
  }
  if (node.type === 'interface_type') return { kind: 'interface', name: text };
  if (node.type === 'qualified_type') return KNOWN_INTERFACES.has(text) ? { kind: 'interface', name: text } : undefined;
  if (node.type !== 'type_identifier') return undefined;
  const spec = typeSpecOf(model, text);
  if (!spec) return text === 'error' ? { kind: 'interface', name: text } : undefined;
  const under = childByField(spec.node, 'type');
  return under?.type === 'interface_type' && !childByField(spec.node, 'type_parameters') ? { kind: 'interface', name: text } : undefined;
}
