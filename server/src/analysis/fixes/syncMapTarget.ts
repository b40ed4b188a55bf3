// What "Convert to sync.Map" converts: a package variable, a local one, or a struct field of map type,
// its key and value types, and every place in the package that names it. Any doubt about a place (a
// name that could be another variable, a struct that is copied) means no conversion.
import { childByField, childrenByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel, StructInfo } from '../model/packageModel';
import type { VarDecl } from '../model/variables';
import { declaresHere, identifiersNamed, localDeclaration } from './goScope';

export interface MapTarget {
  kind: 'global' | 'local' | 'field';
  /** The variable's or the field's name. */
  name: string;
  /** As titles show it: `m`, or `Cache.data` for a field. */
  title: string;
  /** The declaring identifier. */
  node: SyntaxNode;
  file: SourceFile;
  /** The map type's key and value, and the file they are spelled in (a named map type's own file). */
  key: SyntaxNode;
  value: SyntaxNode;
  typeFile: SourceFile;
  /** The declaration's initial value (`map[K]V{}`, `make(...)`), if any. */
  init?: SyntaxNode;
  struct?: StructInfo;
}

/** A place that names the map: the identifier or selector (`m`, `c.data`) where it is used. */
export interface Use {
  file: SourceFile;
  node: SyntaxNode;
}

/** `T{f: map[K]V{}}`: a field's initial value in a composite literal of its struct. */
export interface FieldInit {
  file: SourceFile;
  element: SyntaxNode;
  literal: SyntaxNode;
}

export function describeTarget(v: VarDecl, model: PackageModel): MapTarget | string {
  const decl = v.field ?? v;
  if (decl.name.endsWith('[…]')) return 'the map is an inner map of a map of maps';
  const node = decl.node;
  const file = decl.file;
  const parent = node.parent;
  const name = nodeText(file, node);
  if (!parent) return 'its declaration is not one the fix can rewrite';
  let typeNode: SyntaxNode | undefined;
  let init: SyntaxNode | undefined;
  let kind: MapTarget['kind'];
  let struct: StructInfo | undefined;
  if (parent.type === 'field_declaration') {
    kind = 'field';
    struct = model.structs.get(decl.name.split('.')[0]!);
    if (!struct || childrenByField(parent, 'name').length !== 1) return 'the field is declared together with others';
    if (childByField(parent, 'tag')) return 'the field has a tag';
    if (childByField(struct.node, 'type_parameters')) return `${struct.name} is generic`;
    typeNode = childByField(parent, 'type');
  } else if (parent.type === 'var_spec') {
    let varDecl: SyntaxNode | null = parent.parent;
    while (varDecl && varDecl.type !== 'var_declaration') varDecl = varDecl.parent;
    kind = varDecl?.parent?.type === 'source_file' ? 'global' : 'local';
    const values = childByField(parent, 'value');
    if (childrenByField(parent, 'name').length !== 1 || (values && namedChildren(values).length !== 1)) return 'it is declared together with other variables';
    typeNode = childByField(parent, 'type');
    init = values && namedChildren(values)[0];
  } else if (parent.type === 'expression_list' && parent.field === 'left' && parent.parent?.type === 'short_var_declaration') {
    kind = 'local';
    const right = childByField(parent.parent, 'right');
    if (namedChildren(parent).length !== 1 || !right || namedChildren(right).length !== 1) return 'it is declared together with other variables';
    init = namedChildren(right)[0];
  } else if (parent.type === 'parameter_declaration' || parent.type === 'variadic_parameter_declaration') {
    return 'it is a parameter: its callers pass a map';
  } else {
    return 'its declaration is not one the fix can rewrite';
  }
  if (kind !== 'local' && /^[A-Z]/.test(name)) return 'it is exported: other packages may use it as a map';
  if (init) {
    const why = initProblem(file, init);
    if (why) return why;
  }
  typeNode ??= init && initType(file, init);
  if (!typeNode) return 'its map type is not spelled in the declaration';
  const map = mapTypeOf(model, file, typeNode);
  if (!map) return 'its map type is not spelled in the package';
  const key = childByField(map.node, 'key');
  const value = childByField(map.node, 'value');
  if (!key || !value) return 'its map type is incomplete';
  const title = kind === 'field' ? `${struct!.name}.${name}` : name;
  return { kind, name, title, node, file, key, value, typeFile: map.file, init, struct };
}

/** Why the initial value cannot simply become a zero sync.Map. */
export function initProblem(file: SourceFile, init: SyntaxNode): string | undefined {
  const v = unparen(init);
  if (v.type === 'composite_literal') {
    const body = childByField(v, 'body');
    return body && namedChildren(body).length > 0 ? 'it starts with entries (a sync.Map has no literal)' : undefined;
  }
  if (v.type === 'call_expression' && nodeText(file, childByField(v, 'function') ?? v) === 'make') {
    const args = childByField(v, 'arguments');
    let calls = false;
    for (const a of args ? namedChildren(args).slice(1) : []) {
      walk(a, (n) => {
        if (n.type === 'call_expression' && !['len', 'cap'].includes(nodeText(file, childByField(n, 'function') ?? n))) calls = true;
        return !calls;
      });
    }
    return calls ? 'its size hint calls a function' : undefined;
  }
  return 'its initial value is not an empty map';
}

function initType(file: SourceFile, init: SyntaxNode): SyntaxNode | undefined {
  const v = unparen(init);
  if (v.type === 'composite_literal') return childByField(v, 'type');
  const args = childByField(v, 'arguments');
  return args && namedChildren(args)[0];
}

function mapTypeOf(model: PackageModel, file: SourceFile, type: SyntaxNode): { node: SyntaxNode; file: SourceFile } | undefined {
  if (type.type === 'map_type') return { node: type, file };
  if (type.type !== 'type_identifier') return undefined;
  const name = nodeText(file, type);
  for (const f of model.files) {
    for (const decl of f.root.children.filter((d) => d.type === 'type_declaration')) {
      for (const spec of namedChildren(decl)) {
        const n = childByField(spec, 'name');
        const t = childByField(spec, 'type');
        if (spec.type === 'type_spec' && n && nodeText(f, n) === name && t?.type === 'map_type' && !childByField(spec, 'type_parameters')) return { node: t, file: f };
      }
    }
  }
  return undefined;
}

/** Every use of the map in the package, the field's initial values in composite literals, or why not. */
export function findUses(t: MapTarget, model: PackageModel): { uses: Use[]; inits: FieldInit[] } | string {
  if (t.kind === 'field') return fieldUses(t, model);
  const uses: Use[] = [];
  const files = t.kind === 'global' ? model.files : [t.file];
  const scope = t.kind === 'local' ? outermostFunction(t.node) : undefined;
  if (t.kind === 'local' && !scope) return 'its function is not found';
  for (const file of files) {
    for (const id of identifiersNamed(file, t.name)) {
      if (id === t.node || (scope && (id.start < scope.start || id.end > scope.end))) continue;
      if (declaresHere(file, id)) continue;
      const local = localDeclaration(file, id, t.name);
      if (t.kind === 'global' ? local : local !== t.node) continue;
      if (isStructKey(id)) continue;
      uses.push({ file, node: id });
    }
  }
  return { uses, inits: [] };
}

function outermostFunction(node: SyntaxNode): SyntaxNode | undefined {
  let fn: SyntaxNode | undefined;
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_declaration' || p.type === 'method_declaration') fn = p;
  return fn;
}

/** `f` in `T{f: v}`: a field name, not a use of a variable `f` (unless the literal is a map's or slice's). */
function isStructKey(id: SyntaxNode): boolean {
  const el = id.parent;
  if (el?.type !== 'literal_element' || el.parent?.type !== 'keyed_element' || el.parent.children[0] !== el) return false;
  const lit = el.parent.parent?.parent;
  const type = lit?.type === 'composite_literal' ? childByField(lit, 'type') : undefined;
  return !!type && !['map_type', 'slice_type', 'array_type', 'implicit_length_array_type'].includes(type.type);
}

function fieldUses(t: MapTarget, model: PackageModel): { uses: Use[]; inits: FieldInit[] } | string {
  const struct = t.struct!;
  // Without types, `x.f` is this field only if nothing else in the package is called f.
  let declared = 0;
  let other: string | undefined;
  for (const file of model.files) {
    walk(file.root, (n) => {
      if (n.type === 'field_declaration' && childrenByField(n, 'name').some((c) => nodeText(file, c) === t.name)) declared++;
      if ((n.type === 'method_spec' || n.type === 'method_elem') && nodeText(file, childByField(n, 'name') ?? n) === t.name) other = 'an interface method';
    });
  }
  if (model.methods.has(t.name)) other = 'a method';
  if (declared !== 1 || other) return `${other ?? 'another field'} of the package is also called \`${t.name}\``;
  const uses: Use[] = [];
  const inits: FieldInit[] = [];
  let problem: string | undefined;
  for (const file of model.files) {
    walk(file.root, (n) => {
      if (n.type === 'selector_expression') {
        const field = childByField(n, 'field');
        if (field && nodeText(file, field) === t.name) uses.push({ file, node: n });
      } else if (n.type === 'literal_value') {
        const lit = n.parent?.type === 'composite_literal' ? n.parent : undefined;
        const type = lit && childByField(lit, 'type');
        const ofStruct = !!type && type.type === 'type_identifier' && nodeText(file, type) === struct.name;
        for (const el of namedChildren(n)) {
          const key = el.type === 'keyed_element' ? namedChildren(el)[0] : undefined;
          const keyName = key && nodeText(file, key);
          if (ofStruct && el.type !== 'keyed_element') problem = `a literal of ${struct.name} lists its fields by position`;
          if (keyName !== t.name) continue;
          if (ofStruct) inits.push({ file, element: el, literal: n });
          else if (!type) problem = `a literal without its type names \`${t.name}\``;
        }
      }
      return !problem;
    });
  }
  return problem ?? copyProblem(struct, model) ?? { uses, inits };
}

/**
 * Go vet's copylocks check rejects copying a struct that holds a sync.Map: the struct (and every struct
 * that holds it by value) may only be named behind a pointer, in `new`, or in a composite literal that
 * is itself behind `&` or inside another literal; a field holding one by value may only be selected
 * through (`r.store.put()`, `&r.store`), not copied out.
 */
function copyProblem(struct: StructInfo, model: PackageModel): string | undefined {
  const holders = new Set([struct.name]);
  const heldAs = new Set<string>();
  const at = (file: SourceFile, n: SyntaxNode) => `${file.path.split(/[\\/]/).pop()}:${n.startPoint.row + 1}`;
  for (let grown = true; grown; ) {
    grown = false;
    for (const file of model.files) {
      let problem: string | undefined;
      walk(file.root, (n) => {
        if (problem) return false;
        if (n.type !== 'type_identifier' || !holders.has(nodeText(file, n))) return true;
        const p = n.parent!;
        const name = nodeText(file, n);
        if (p.type === 'type_spec' || p.type === 'pointer_type') return true;
        if (p.type === 'argument_list' && nodeText(file, childByField(p.parent!, 'function') ?? p) === 'new') return true;
        if (p.type === 'composite_literal') {
          const outer = p.parent;
          if ((outer?.type === 'unary_expression' && childByField(outer, 'operator')?.type === '&') || outer?.type === 'literal_element') return true;
          problem = `a \`${name}\` literal is used by value at ${at(file, n)} (copying a sync.Map is a vet error)`;
          return false;
        }
        if (p.type === 'field_declaration' && n.field === 'type') {
          const spec = p.parent?.parent?.parent;
          const holder = spec?.type === 'type_spec' ? childByField(spec, 'name') : undefined;
          if (!holder) problem = `${name} is held by value in an unnamed struct`;
          else {
            const fieldNames = childrenByField(p, 'name');
            for (const f of fieldNames.length ? fieldNames : [n]) heldAs.add(nodeText(file, f));
            if (!holders.has(nodeText(file, holder))) {
              holders.add(nodeText(file, holder));
              grown = true;
            }
          }
          return true;
        }
        problem = `\`${name}\` is used by value at ${at(file, n)} (copying a sync.Map is a vet error)`;
        return false;
      });
      if (problem) return problem;
    }
  }
  for (const file of model.files) {
    let problem: string | undefined;
    walk(file.root, (n) => {
      if (problem) return false;
      const field = n.type === 'selector_expression' ? childByField(n, 'field') : undefined;
      if (field && heldAs.has(nodeText(file, field))) {
        const p = n.parent!;
        const through = (p.type === 'selector_expression' && n.field === 'operand') || (p.type === 'unary_expression' && childByField(p, 'operator')?.type === '&');
        if (!through) problem = `\`${nodeText(file, n)}\` copies a struct that would hold a sync.Map (${at(file, n)})`;
      }
      return true;
    });
    if (problem) return problem;
  }
  return undefined;
}
