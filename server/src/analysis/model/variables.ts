// Variables and lexical scopes: which identifier is which variable, and whether it holds a map.
import { childByField, firstNamed, nodeText, unparen, type SourceFile, type SyntaxNode } from '../syntax';
import type { Lock } from './timeline';

let nextId = 1;

/**
 * Where newVar takes ids from while a session's Summarizer remakes a summary (SummaryRecords.idFor): the
 * variables of an edited body keep the ids they had, so keys that name them (`v12.mu`) stay the same.
 */
let idSource: ((node: SyntaxNode, name: string) => number) | undefined;

/** Sets the id source (undefined: ids are new); returns the previous one, to be set back. */
export function setIdSource(source: typeof idSource): typeof idSource {
  const previous = idSource;
  idSource = source;
  return previous;
}

/** An id no variable had. */
export function freshId(): number {
  return nextId++;
}

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
  /** A fresh instance its function returns: once a goroutine gets it, it is every caller's instance. */
  returned?: boolean;
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
  /** A map whose values are maps (`map[K]map[K2]V`): `m[a][b] = v` writes the inner map. */
  elemMap?: boolean;
  /** The inner maps of such a map, as one identity. */
  elem?: VarDecl;
}

/** Where a map reference was taken while locks were held (`m := c.m` under c.mu, or a locked getter's result). */
export interface Escape {
  locks: Lock[];
  node: SyntaxNode;
  file: SourceFile;
  /** How it was taken, for messages: `returned by Inventory.Stock while it holds the lock`. */
  via: string;
  /** For related information at `node`: `returned here`, `taken here`. */
  here: string;
}

export function newVar(
  name: string,
  node: SyntaxNode,
  file: SourceFile,
  opts: { isMap: boolean; global?: boolean; paramIndex?: number; typeName?: string; fresh?: boolean; elemMap?: boolean; foreign?: boolean },
): VarDecl {
  return {
    id: idSource ? idSource(node, name) : nextId++,
    name,
    node,
    file,
    isMap: opts.isMap,
    global: !!opts.global,
    paramIndex: opts.paramIndex,
    typeName: opts.typeName,
    fresh: opts.fresh,
    elemMap: opts.elemMap || undefined,
    foreign: opts.foreign,
  };
}

/** The inner maps of a map of maps: one identity for all of them, shared when the outer map is. */
export function elemOf(v: VarDecl): VarDecl {
  v.elem ??= newVar(`${v.name}[…]`, v.node, v.file, { isMap: true, global: v.global });
  return v.elem;
}

export class Scope {
  private readonly vars = new Map<string, VarDecl>();
  private escapes?: Map<string, Escape>;
  constructor(readonly parent: Scope | undefined) {}

  declare(v: VarDecl): void {
    this.vars.set(v.name, v);
  }

  /** Binds a name to an existing variable: `m2 := m` aliases the same map. */
  alias(name: string, v: VarDecl, escape?: Escape): void {
    this.vars.set(name, v);
    if (escape) (this.escapes ??= new Map()).set(name, escape);
    else this.escapes?.delete(name);
  }

  /** Rebinds `name` where it is declared: `out = c.m` makes the outer `out` another name of c.m. */
  rebind(name: string, v: VarDecl, escape?: Escape): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) {
        s.alias(name, v, escape);
        return true;
      }
    }
    return false;
  }

  /**
   * `m := c.m; c.m = make(...)`: the names that aliased v now hold a detached map, private to
   * whoever took it, so accesses through them are no longer accesses to v.
   */
  detach(v: VarDecl): void {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      for (const [name, bound] of s.vars) {
        if (bound !== v || name === v.name) continue;
        s.vars.set(name, newVar(name, bound.node, bound.file, { isMap: true, elemMap: bound.elemMap }));
        s.escapes?.delete(name);
      }
    }
  }

  /** The escape recorded with the alias `name` resolves to, if it was taken under a lock. */
  escapeOf(name: string): Escape | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      if (s.vars.has(name)) return s.escapes?.get(name);
    }
    return undefined;
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

/** A map type (or a value that makes one) whose values are maps themselves. */
export function hasMapValues(file: SourceFile, typeOrValue: SyntaxNode, mapTypes: ReadonlySet<string>): boolean {
  let t = unparen(typeOrValue);
  if (t.type === 'composite_literal') t = childByField(t, 'type') ?? t;
  else if (t.type === 'call_expression' && nodeText(file, childByField(t, 'function') ?? t) === 'make') {
    const args = childByField(t, 'arguments');
    t = (args && firstNamed(args)) ?? t;
  }
  const value = t.type === 'map_type' ? childByField(t, 'value') : undefined;
  return !!value && isMapTypeNode(file, value, mapTypes);
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
