// Package-level facts: map types, package variables, functions and methods, by name.
import { childByField, childrenByField, namedChildren, nodeText, unparen, type SourceFile, type SyntaxNode } from '../syntax';
import { VarDecl, hasMapValues, isMapTypeNode, isMapValue, newVar } from './variables';

export interface FuncInfo {
  name: string;
  /** Receiver type name for methods (without `*`). */
  receiverType?: string;
  /** The named type of the first result (without `*`), for `x := NewT()`. */
  resultType?: string;
  node: SyntaxNode;
  file: SourceFile;
  /**
   * The same function or method declared again in other files: builds for other platforms or tags
   * (`switch_unix.go`, `switch_windows.go`). Calls resolve to this one; all of them count as called.
   */
  variants?: FuncInfo[];
}

export interface FieldInfo {
  name: string;
  /** Its named type without `*`, when it has one. */
  typeName?: string;
  /** Of an imported type (`sync.Once`, `*bufio.Writer`): its methods are not this package's. */
  foreign: boolean;
  /** Holds its struct by value (`p printer`), not through a pointer. */
  byValue: boolean;
  /** An embedded field (`*nameSpace`), named by its type. */
  embedded: boolean;
  /** A sync.Pool: what Get returns belongs to the caller until it is Put back. */
  pool: boolean;
  /** The field's identity as a map: one for all instances of the struct. */
  decl: VarDecl;
  owner: StructInfo;
}

export interface StructInfo {
  name: string;
  node: SyntaxNode;
  file: SourceFile;
  /** The same type declared in other files (other builds): their fields are merged in. */
  variants: { node: SyntaxNode; file: SourceFile }[];
  fields: Map<string, FieldInfo>;
  /** Embedded struct types of the package, by name. */
  embedded: string[];
  /** Fields (or embedded types) of type sync.Mutex / sync.RWMutex. */
  mutexes: string[];
}

export interface PackageModel {
  files: readonly SourceFile[];
  /** Named types whose underlying type is a map (`type Set map[string]bool`). */
  mapTypes: Set<string>;
  globals: Map<string, VarDecl>;
  funcs: Map<string, FuncInfo>;
  methods: Map<string, FuncInfo[]>;
  structs: Map<string, StructInfo>;
  /** Package constants that are `false` (`const debug = false`): the code they guard is compiled out. */
  falseConsts: Set<string>;
}

/**
 * The parts of a package model, each made from one kind of top-level declaration: `types` (map types and
 * structs), `globals`, `consts` (the false ones) and `funcs` (functions and methods).
 */
export type ModelPart = 'types' | 'globals' | 'consts' | 'funcs';

export const ALL_PARTS: ReadonlySet<ModelPart> = new Set<ModelPart>(['types', 'globals', 'consts', 'funcs']);

/** The part of the model a top-level declaration of this type makes, if any. */
export function partOf(declType: string): ModelPart | undefined {
  switch (declType) {
    case 'type_declaration':
      return 'types';
    case 'var_declaration':
      return 'globals';
    case 'const_declaration':
      return 'consts';
    case 'function_declaration':
    case 'method_declaration':
      return 'funcs';
    default:
      return undefined;
  }
}

/**
 * The package model of `files`. With `parts` (and `base`), only those parts are made; the others are
 * `base`'s, which must hold for these files (the declarations they come from are unchanged). Globals
 * and struct fields depend on the map types: made without `types`, they use `base`'s.
 */
export function buildPackageModel(files: readonly SourceFile[], parts: ReadonlySet<ModelPart> = ALL_PARTS, base?: PackageModel): PackageModel {
  const all = parts.size === ALL_PARTS.size || !base;
  const has = (part: ModelPart) => all || parts.has(part);
  const model: PackageModel = {
    files,
    mapTypes: has('types') ? new Set() : base!.mapTypes,
    globals: has('globals') ? new Map() : base!.globals,
    funcs: has('funcs') ? new Map() : base!.funcs,
    methods: has('funcs') ? new Map() : base!.methods,
    structs: has('types') ? new Map() : base!.structs,
    falseConsts: has('consts') ? new Set() : base!.falseConsts,
  };
  if (has('types')) {
    for (const file of files) {
      for (const decl of file.root.children) {
        if (decl.type !== 'type_declaration') continue;
        const types = typesIn(file, decl);
        for (const name of types.mapTypes) model.mapTypes.add(name);
        for (const { name, spec } of types.structs) {
          const known = model.structs.get(name);
          if (known) known.variants.push({ node: spec, file });
          else model.structs.set(name, newStruct(name, spec, file));
        }
      }
    }
    for (const info of model.structs.values()) collectFields(model, info);
  }
  if (!has('globals') && !has('consts') && !has('funcs')) return model;
  for (const file of files) {
    for (const decl of file.root.children) {
      const part = partOf(decl.type);
      if (!part || part === 'types' || !has(part)) continue;
      if (decl.type === 'var_declaration') collectGlobals(model, file, decl);
      else if (decl.type === 'const_declaration') collectFalseConsts(model, file, decl);
      else if (decl.type === 'function_declaration') {
        const info = funcInfoOf(file, decl);
        if (!info) continue;
        const known = model.funcs.get(info.name);
        if (known) (known.variants ??= []).push(info);
        else model.funcs.set(info.name, info);
      } else if (decl.type === 'method_declaration') {
        const info = funcInfoOf(file, decl);
        if (!info) continue;
        const list = model.methods.get(info.name) ?? [];
        const known = list.find((m) => m.receiverType === info.receiverType);
        if (known) (known.variants ??= []).push(info);
        list.push(info);
        model.methods.set(info.name, list);
      }
    }
  }
  return model;
}

/** A function or method declaration as the model knows it (without variants); undefined without a name. */
export function funcInfoOf(file: SourceFile, decl: SyntaxNode): FuncInfo | undefined {
  const name = childByField(decl, 'name');
  if (!name) return undefined;
  if (decl.type === 'function_declaration') return { name: nodeText(file, name), node: decl, file, resultType: resultTypeName(file, decl) };
  return { name: nodeText(file, name), node: decl, file, receiverType: receiverTypeName(file, decl), resultType: resultTypeName(file, decl) };
}

/** The package variables one `var` declaration declares, with the model's map types (as buildPackageModel makes them). */
export function globalsIn(model: PackageModel, file: SourceFile, decl: SyntaxNode): Map<string, VarDecl> {
  const scratch: PackageModel = { ...model, globals: new Map() };
  collectGlobals(scratch, file, decl);
  return scratch.globals;
}

/** The struct types (name and spec) and the names of map types one `type` declaration declares. */
export function typesIn(file: SourceFile, decl: SyntaxNode): { structs: { name: string; spec: SyntaxNode }[]; mapTypes: string[] } {
  const out: { structs: { name: string; spec: SyntaxNode }[]; mapTypes: string[] } = { structs: [], mapTypes: [] };
  for (const spec of namedChildren(decl)) {
    const name = childByField(spec, 'name');
    const type = childByField(spec, 'type');
    if (name && type && type.type === 'map_type') out.mapTypes.push(nodeText(file, name));
    if (name && type && type.type === 'struct_type') out.structs.push({ name: nodeText(file, name), spec });
  }
  return out;
}

function newStruct(name: string, spec: SyntaxNode, file: SourceFile): StructInfo {
  return { name, node: spec, file, variants: [], fields: new Map(), embedded: [], mutexes: [] };
}

/** A struct type declared once (no other build declares it), as buildPackageModel makes it. */
export function structIn(model: PackageModel, name: string, spec: SyntaxNode, file: SourceFile): StructInfo {
  const info = newStruct(name, spec, file);
  collectFields(model, info);
  return info;
}

/** The package's map type names and `false` constants, as buildPackageModel finds them. */
export function namedSets(files: readonly SourceFile[]): { mapTypes: Set<string>; falseConsts: Set<string> } {
  const model: PackageModel = { files, mapTypes: new Set(), globals: new Map(), funcs: new Map(), methods: new Map(), structs: new Map(), falseConsts: new Set() };
  for (const file of files) {
    for (const decl of file.root.children) {
      if (decl.type === 'type_declaration') for (const name of typesIn(file, decl).mapTypes) model.mapTypes.add(name);
      else if (decl.type === 'const_declaration') collectFalseConsts(model, file, decl);
    }
  }
  return { mapTypes: model.mapTypes, falseConsts: model.falseConsts };
}

function collectGlobals(model: PackageModel, file: SourceFile, decl: SyntaxNode): void {
  const specs = decl.children.flatMap((c) => (c.type === 'var_spec' ? [c] : c.type === 'var_spec_list' ? c.children.filter((s) => s.type === 'var_spec') : []));
  for (const spec of specs) {
    const type = childByField(spec, 'type');
    const values = childByField(spec, 'value');
    const names = childrenByField(spec, 'name');
    names.forEach((nameNode, i) => {
      const name = nodeText(file, nameNode);
      if (name === '_') return;
      const value = values ? namedChildren(values)[i] : undefined;
      const isMap = type ? isMapTypeNode(file, type, model.mapTypes) : !!value && isMapValue(file, value, model.mapTypes);
      const elemMap = isMap && hasMapValues(file, type ?? value!, model.mapTypes);
      const g = newVar(name, nameNode, file, { isMap, global: true, elemMap, foreign: !!type && isForeignType(type) });
      const literal = value && unparen(value).type === 'unary_expression' ? childByField(unparen(value), 'operand') : value;
      const declared = type ?? (literal && unparen(literal).type === 'composite_literal' ? childByField(unparen(literal), 'type') : undefined);
      if (declared && isSyncPool(file, declared)) g.pool = true;
      model.globals.set(name, g);
    });
  }
}

function collectFalseConsts(model: PackageModel, file: SourceFile, decl: SyntaxNode): void {
  for (const spec of decl.children.filter((c) => c.type === 'const_spec')) {
    const values = childByField(spec, 'value');
    const names = childrenByField(spec, 'name');
    names.forEach((n, i) => {
      const value = values ? namedChildren(values)[i] : undefined;
      if (value?.type === 'false') model.falseConsts.add(nodeText(file, n));
    });
  }
}

function receiverTypeName(file: SourceFile, method: SyntaxNode): string | undefined {
  const receiver = childByField(method, 'receiver');
  const param = receiver?.children.find((c) => c.type === 'parameter_declaration');
  const type = param && childByField(param, 'type');
  return type && namedTypeOf(file, type);
}

function resultTypeName(file: SourceFile, fn: SyntaxNode): string | undefined {
  let result = childByField(fn, 'result');
  if (result?.type === 'parameter_list') {
    const first = result.children.find((c) => c.type === 'parameter_declaration');
    result = first && childByField(first, 'type');
  }
  return result && namedTypeOf(file, result);
}

/** `T`, `*T` or `T[X]` of this package: `T`. */
export function namedTypeOf(file: SourceFile, type: SyntaxNode): string | undefined {
  let t = type;
  if (t.type === 'pointer_type') t = namedChildren(t)[0] ?? t;
  if (t.type === 'generic_type') t = childByField(t, 'type') ?? t;
  return t.type === 'type_identifier' ? nodeText(file, t) : undefined;
}

/** `pkg.T`, `*pkg.T` or `pkg.T[X]`: a type of another package. */
export function isForeignType(type: SyntaxNode): boolean {
  let t = type;
  if (t.type === 'pointer_type') t = namedChildren(t)[0] ?? t;
  if (t.type === 'generic_type') t = childByField(t, 'type') ?? t;
  return t.type === 'qualified_type';
}

export function isSyncPool(file: SourceFile, type: SyntaxNode): boolean {
  const t = type.type === 'pointer_type' ? namedChildren(type)[0] : type;
  return !!t && t.type === 'qualified_type' && nodeText(file, t) === 'sync.Pool';
}

function isSyncMutex(file: SourceFile, type: SyntaxNode): boolean {
  const t = type.type === 'pointer_type' ? namedChildren(type)[0] : type;
  return !!t && t.type === 'qualified_type' && /^sync\.(RW)?Mutex$/.test(nodeText(file, t));
}

function collectFields(model: PackageModel, info: StructInfo): void {
  collectFieldsOf(model, info, info.node, info.file);
  // Another build's declaration adds the fields this one lacks (a stub must not hide the real type).
  for (const v of info.variants) collectFieldsOf(model, info, v.node, v.file);
}

function collectFieldsOf(model: PackageModel, info: StructInfo, spec: SyntaxNode, file: SourceFile): void {
  const struct = childByField(spec, 'type');
  const list = struct?.children.find((c) => c.type === 'field_declaration_list');
  for (const field of list?.children.filter((c) => c.type === 'field_declaration') ?? []) {
    const type = childByField(field, 'type');
    if (!type) continue;
    const names = childrenByField(field, 'name');
    if (names.length === 0) {
      // Embedded: `Inner`, `*Inner` or `sync.Mutex`; also selected by its type's name (`t.nameSpace.mu`).
      const name = embeddedFieldName(file, type);
      if (!name || info.fields.has(name)) continue;
      if (isSyncMutex(file, type)) info.mutexes.push(nodeText(file, type).replace(/^\*?sync\./, ''));
      const embedded = namedTypeOf(file, type);
      if (embedded) info.embedded.push(embedded);
      const decl = newVar(`${info.name}.${name}`, type, file, { isMap: isMapTypeNode(file, type, model.mapTypes), global: true });
      info.fields.set(name, { name, typeName: embedded, foreign: isForeignType(type), byValue: type.type !== 'pointer_type', embedded: true, pool: false, decl, owner: info });
      continue;
    }
    for (const n of names) {
      const name = nodeText(file, n);
      if (info.fields.has(name)) continue;
      if (isSyncMutex(file, type)) info.mutexes.push(name);
      const decl = newVar(`${info.name}.${name}`, n, file, {
        isMap: isMapTypeNode(file, type, model.mapTypes),
        global: true,
        elemMap: hasMapValues(file, type, model.mapTypes),
      });
      info.fields.set(name, { name, typeName: namedTypeOf(file, type), foreign: isForeignType(type), byValue: type.type !== 'pointer_type', embedded: false, pool: isSyncPool(file, type), decl, owner: info });
    }
  }
}

/** The implicit name of an embedded field: `T` for `T`, `*T`, `pkg.T` and `T[X]`. */
function embeddedFieldName(file: SourceFile, type: SyntaxNode): string | undefined {
  let t = type;
  if (t.type === 'pointer_type') t = namedChildren(t)[0] ?? t;
  if (t.type === 'generic_type') t = childByField(t, 'type') ?? t;
  if (t.type === 'qualified_type') t = childByField(t, 'name') ?? t;
  return t.type === 'type_identifier' ? nodeText(file, t) : undefined;
}

/** A field of a struct type, promoted ones through embedded structs included. */
export function lookupField(model: PackageModel, typeName: string, field: string, depth = 0): FieldInfo | undefined {
  const info = model.structs.get(typeName);
  if (!info || depth > 5) return undefined;
  const own = info.fields.get(field);
  if (own) return own;
  for (const e of info.embedded) {
    const found = lookupField(model, e, field, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** The struct (this one or an embedded one) that holds mutex field `name`, e.g. `Mutex` for an embedded sync.Mutex. */
export function mutexOwner(model: PackageModel, typeName: string, name: string, depth = 0): StructInfo | undefined {
  const info = model.structs.get(typeName);
  if (!info || depth > 5) return undefined;
  if (info.mutexes.includes(name)) return info;
  for (const e of info.embedded) {
    const found = mutexOwner(model, e, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A method of a type, promoted ones through embedded structs included. */
export function lookupMethod(model: PackageModel, typeName: string, method: string, depth = 0): FuncInfo | undefined {
  const own = model.methods.get(method)?.find((m) => m.receiverType === typeName);
  if (own || depth > 5) return own;
  for (const e of model.structs.get(typeName)?.embedded ?? []) {
    const found = lookupMethod(model, e, method, depth + 1);
    if (found) return found;
  }
  return undefined;
}
