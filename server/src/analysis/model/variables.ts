// Variables and lexical scopes: which identifier is which variable, and whether it holds a map.
import { childByField, firstNamed, nodeText, unparen, type SourceFile, type SyntaxNode } from '../syntax';

let nextId = 1;

export interface VarDecl {
  id: number;
  name: string;
  /** The identifier that declares it. */
  node: SyntaxNode;
  file: SourceFile;
  isMap: boolean;
  global: boolean;
  /** Index among its function's parameters, when it is one. */
  paramIndex?: number;
  /** A struct type of the package it holds (`T` or `*T`). */
  typeName?: string;
  /** Declared with an imported type (`var once sync.Once`): its methods are not the package's. */
  foreign?: boolean;
  /** A sync.Pool: what Get returns belongs to the caller until it is Put back. */
  pool?: boolean;
  /** Declared as an io.Reader (or the reading end of an io.Pipe): reading it lets a pipe's writer go on. */
  reader?: boolean;
  /** Made here (`&T{}`, `T{}`, `new(T)`): its fields are its own until it is shared. */
  fresh?: boolean;
  /** Map fields of a fresh instance, one identity each. */
  instanceFields?: Map<string, VarDecl>;
  /** For a map field of one instance: the field of its type (`T.f`), whose mutex discipline it shares. */
  field?: VarDecl;
  /**
   * Structs a fresh instance holds, each part of it: those held by value, and those it points to that
   * were made for it when it was built (`&W{st: pool.Get().(*S)}`).
   */
  instanceParts?: Map<string, VarDecl>;
  /** `f := func(...) {...}`: the literal, run where `f` is called, with the scope it closes over. */
  closure?: { lit: SyntaxNode; scope: Scope };
}

export function newVar(
  name: string,
  node: SyntaxNode,
  file: SourceFile,
  opts: { isMap: boolean; global?: boolean; paramIndex?: number; typeName?: string; fresh?: boolean; foreign?: boolean },
): VarDecl {
  return { id: nextId++, name, node, file, isMap: opts.isMap, global: !!opts.global, paramIndex: opts.paramIndex, typeName: opts.typeName, fresh: opts.fresh, foreign: opts.foreign };
}

export class Scope {
  private readonly vars = new Map<string, VarDecl>();
  /** The exclusive locks held where each alias was taken. */
  private readonly aliasLocks = new Map<string, string[]>();
  constructor(readonly parent: Scope | undefined) {}

  declare(v: VarDecl): void {
    this.vars.set(v.name, v);
    this.aliasLocks.delete(v.name);
  }

  /** Binds a name to an existing variable: `m2 := m` aliases the same map. */
  alias(name: string, v: VarDecl, lockKeys: string[] = []): void {
    this.vars.set(name, v);
    this.aliasLocks.set(name, lockKeys);
  }

  /**
   * `m := t.f` and then `t.f = nil` (or a new map), both under one lock: `m` holds the old map, which no
   * one else can reach any more, so it becomes a variable of its own (made by `own`).
   */
  detach(v: VarDecl, heldKeys: readonly string[], own: (name: string) => VarDecl): void {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      for (const [name, x] of s.vars) {
        if (x === v && s.aliasLocks.get(name)?.some((k) => heldKeys.includes(k))) s.declare(own(name));
      }
    }
  }

  hasOwn(name: string): boolean {
    return this.vars.has(name);
  }

  lookup(name: string): VarDecl | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v) return v;
    }
    return undefined;
  }
}

/** `map[K]V`, or a named type of the package whose underlying type is a map. */
export function isMapTypeNode(file: SourceFile, type: SyntaxNode, mapTypes: ReadonlySet<string>): boolean {
  const t = unparen(type);
  if (t.type === 'map_type') return true;
  if (t.type === 'type_identifier') return mapTypes.has(nodeText(file, t));
  if (t.type === 'generic_type') {
    const base = childByField(t, 'type');
    return !!base && base.type === 'type_identifier' && mapTypes.has(nodeText(file, base));
  }
  return false;
}

/** A value expression that certainly makes a map: `make(map[...]...)`, `map[K]V{...}`, `Set{}`. */
export function isMapValue(file: SourceFile, value: SyntaxNode, mapTypes: ReadonlySet<string>): boolean {
  const v = unparen(value);
  if (v.type === 'composite_literal') {
    const type = childByField(v, 'type');
    return !!type && isMapTypeNode(file, type, mapTypes);
  }
  if (v.type === 'call_expression') {
    const fn = childByField(v, 'function');
    const args = childByField(v, 'arguments');
    if (fn && fn.type === 'identifier' && nodeText(file, fn) === 'make' && args) {
      const first = firstNamed(args);
      return !!first && isMapTypeNode(file, first, mapTypes);
    }
  }
  return false;
}
