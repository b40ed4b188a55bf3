// After an edit outside function bodies (a struct gains a field, a constant changes, a declaration breaks
// while it is typed), most of the package model is what it was but for the nodes it points to. The new
// model keeps the previous objects (whose identities summaries and caches hold) for every entry whose
// facts are unchanged, moved to the new nodes, and says which entries changed: the summaries that read
// one of those are made again (see SummaryRecords), the others are kept.
import { changedSince, type SyntaxNode } from '../syntax';
import { ALL_PARTS, type FieldInfo, type FuncInfo, type ModelPart, type PackageModel, type StructInfo } from './packageModel';
import type { VarDecl } from './variables';

/** Keys of model entries, as the Summarizer's reads are recorded (see modelView). */
export const KEY = {
  global: (name: string) => `g:${name}`,
  func: (name: string) => `f:${name}`,
  methods: (name: string) => `m:${name}`,
  struct: (name: string) => `s:${name}`,
  falseConst: (name: string) => `c:${name}`,
  mapType: (name: string) => `t:${name}`,
};

/** The facts of a declared variable the analysis reads (not what summaries add to it later). */
export function varFacts(v: VarDecl): string {
  return `${v.name}|${v.isMap}|${v.global}|${!!v.elemMap}|${!!v.foreign}|${!!v.pool}|${v.typeName ?? ''}|${v.paramIndex ?? ''}|${!!v.fresh}`;
}

function funcFacts(f: FuncInfo): string {
  return `${f.name}|${f.receiverType ?? ''}|${f.resultType ?? ''}|${(f.variants ?? []).map((v) => `${v.name}|${v.receiverType ?? ''}|${v.resultType ?? ''}`).join(';')}`;
}

function fieldFacts(f: FieldInfo): string {
  return `${f.name}|${f.typeName ?? ''}|${f.foreign}|${f.byValue}|${f.embedded}|${f.pool}|${varFacts(f.decl)}`;
}

export function structFacts(s: StructInfo): string {
  return `${s.name}|${s.variants.length}|${s.embedded.join(',')}|${s.mutexes.join(',')}|${[...s.fields.values()].map(fieldFacts).join(';')}`;
}

export function moveVar(kept: VarDecl, now: VarDecl): VarDecl {
  kept.node = now.node;
  kept.file = now.file;
  return kept;
}

function moveFunc(kept: FuncInfo, now: FuncInfo): FuncInfo {
  kept.node = now.node;
  kept.file = now.file;
  (kept.variants ?? []).forEach((v, i) => moveFunc(v, now.variants![i]));
  return kept;
}

export function moveStruct(kept: StructInfo, now: StructInfo): StructInfo {
  kept.node = now.node;
  kept.file = now.file;
  kept.variants.forEach((v, i) => Object.assign(v, now.variants[i]));
  const fields = [...now.fields.values()];
  [...kept.fields.values()].forEach((f, i) => moveVar(f.decl, fields[i].decl));
  return kept;
}

/** The declarations a function (with its other builds) was built from. */
const funcNodes = (f: FuncInfo) => [f.node, ...(f.variants ?? []).map((v) => v.node)];

/**
 * Entries of `now`, each the previous object when its facts are the same; keys of the others into
 * `changed`. `nodes`: the declarations an entry is built from, when the same ones (not renewed `since`,
 * and the same map types) certainly build the same entry. Not for variables: their node is only the name, which an edit of the
 * type or value leaves in place.
 */
function merge<V>(before: ReadonlyMap<string, V>, now: ReadonlyMap<string, V>, facts: (v: V) => string, move: (kept: V, now: V) => V, key: (name: string) => string, changed: Set<string>, sameMapTypes: boolean, since: number, nodes?: (v: V) => SyntaxNode[]): Map<string, V> {
  const sameNodes = (a: V, b: V) => {
    if (!nodes || !sameMapTypes) return false;
    const [x, y] = [nodes(a), nodes(b)];
    return x.length === y.length && x.every((n, i) => n === y[i] && !changedSince(n, since));
  };
  const out = new Map<string, V>();
  for (const [name, v] of now) {
    const kept = before.get(name);
    if (kept !== undefined && sameNodes(kept, v)) out.set(name, kept);
    else if (kept !== undefined && facts(kept) === facts(v)) out.set(name, move(kept, v));
    else {
      out.set(name, v);
      changed.add(key(name));
    }
  }
  for (const name of before.keys()) if (!now.has(name)) changed.add(key(name));
  return out;
}

function setChanges(before: ReadonlySet<string>, now: ReadonlySet<string>, key: (name: string) => string, changed: Set<string>): void {
  for (const name of now) if (!before.has(name)) changed.add(key(name));
  for (const name of before) if (!now.has(name)) changed.add(key(name));
}

/**
 * `now`, built from the edited files, made of `before`'s objects wherever their facts are unchanged
 * (moved to `now`'s nodes in place), with the keys (KEY) of the entries that changed.
 */
export function diffModel(before: PackageModel, now: PackageModel, since: number, parts: ReadonlySet<ModelPart> = ALL_PARTS): { model: PackageModel; changed: Set<string> } {
  const changed = new Set<string>();
  // A part not made again is `before`'s (buildPackageModel with parts): nothing in it changed.
  if (parts.has('types')) setChanges(before.mapTypes, now.mapTypes, KEY.mapType, changed);
  const sameMapTypes = changed.size === 0;
  if (parts.has('consts')) setChanges(before.falseConsts, now.falseConsts, KEY.falseConst, changed);
  const model: PackageModel = {
    files: now.files,
    mapTypes: parts.has('types') ? now.mapTypes : before.mapTypes,
    falseConsts: parts.has('consts') ? now.falseConsts : before.falseConsts,
    globals: parts.has('globals') ? merge(before.globals, now.globals, varFacts, moveVar, KEY.global, changed, sameMapTypes, since) : before.globals,
    structs: parts.has('types') ? merge(before.structs, now.structs, structFacts, moveStruct, KEY.struct, changed, sameMapTypes, since, (s) => [s.node, ...s.variants.map((v) => v.node)]) : before.structs,
    funcs: parts.has('funcs') ? merge(before.funcs, now.funcs, funcFacts, moveFunc, KEY.func, changed, sameMapTypes, since, funcNodes) : before.funcs,
    methods: !parts.has('funcs') ? before.methods : merge(
      before.methods,
      now.methods,
      (list) => list.map(funcFacts).join('\n'),
      (kept, list) => {
        kept.forEach((m, i) => {
          // A method listed again as another's variant moves once, with that one.
          m.node = list[i].node;
          m.file = list[i].file;
        });
        return kept;
      },
      KEY.methods,
      changed,
      sameMapTypes,
      since,
      (list) => list.flatMap(funcNodes),
    ),
  };
  return { model, changed };
}
