// The package model as the Summarizer of a session sees it: every entry a body's walk looks up is noted
// (by its modelDiff KEY) in the record of that body's summary, so an edit that changes one entry remakes
// only the summaries that read it.
import type { PackageModel } from './packageModel';
import { KEY } from './modelDiff';

/** Reads of one keyed collection, noted as they are made; any other use of it counts as reading all. */
class ReadView<K extends string, V> {
  constructor(
    private readonly of: ReadonlyMap<K, V> | ReadonlySet<K>,
    private readonly key: (name: string) => string,
    private readonly note: (key: string) => void,
  ) {}

  get(name: K): V | undefined {
    this.note(this.key(name));
    return (this.of as ReadonlyMap<K, V>).get(name);
  }

  has(name: K): boolean {
    this.note(this.key(name));
    return this.of.has(name);
  }

  get size(): number {
    this.note(this.key('*'));
    return this.of.size;
  }

  forEach(fn: (value: never, key: K) => void): void {
    this.note(this.key('*'));
    (this.of as Map<K, never>).forEach((v, k) => fn(v, k));
  }

  keys(): IterableIterator<K> {
    this.note(this.key('*'));
    return this.of.keys();
  }

  values(): IterableIterator<V | K> {
    this.note(this.key('*'));
    return this.of.values();
  }

  entries(): IterableIterator<[K, V | K]> {
    this.note(this.key('*'));
    return this.of.entries() as IterableIterator<[K, V | K]>;
  }

  [Symbol.iterator](): IterableIterator<unknown> {
    this.note(this.key('*'));
    return (this.of as Map<K, V>)[Symbol.iterator]();
  }
}

/** `model`, its lookups noted with `note` (a read of a whole collection as its `*` key). */
export function modelView(model: PackageModel, note: (key: string) => void): PackageModel {
  const view = <T>(of: ReadonlyMap<string, unknown> | ReadonlySet<string>, key: (name: string) => string) => new ReadView(of, key, note) as unknown as T;
  return {
    files: model.files,
    mapTypes: view(model.mapTypes, KEY.mapType),
    falseConsts: view(model.falseConsts, KEY.falseConst),
    globals: view(model.globals, KEY.global),
    funcs: view(model.funcs, KEY.func),
    methods: view(model.methods, KEY.methods),
    structs: view(model.structs, KEY.struct),
  };
}
