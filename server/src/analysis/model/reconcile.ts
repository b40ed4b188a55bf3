// After an edit of declarations outside function bodies (a comment in a struct, a constant's value), the
// package model is often the same but for the nodes it points to. Then the previous model's objects
// (whose identities summaries and caches hold) take the new nodes, and nothing else changes.
import type { FieldInfo, FuncInfo, PackageModel, StructInfo } from './packageModel';
import type { VarDecl } from './variables';

/** The facts of a declared variable the analysis reads (not what summaries add to it later). */
function varFacts(v: VarDecl): string {
  return `${v.name}|${v.isMap}|${v.global}|${!!v.elemMap}|${!!v.foreign}|${!!v.pool}|${v.typeName ?? ''}|${v.paramIndex ?? ''}|${!!v.fresh}`;
}

function funcFacts(f: FuncInfo): string {
  return `${f.name}|${f.receiverType ?? ''}|${f.resultType ?? ''}|${f.variants?.length ?? 0}`;
}

function fieldFacts(f: FieldInfo): string {
  return `${f.name}|${f.typeName ?? ''}|${f.foreign}|${f.byValue}|${f.embedded}|${f.pool}|${varFacts(f.decl)}`;
}

function structFacts(s: StructInfo): string {
  return `${s.name}|${s.variants.length}|${s.embedded.join(',')}|${s.mutexes.join(',')}|${[...s.fields.values()].map(fieldFacts).join(';')}`;
}

function sameKeys<K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>, same: (x: V, y: V) => boolean): boolean {
  if (a.size !== b.size) return false;
  const bs = [...b];
  let i = 0;
  for (const [k, v] of a) {
    const [k2, v2] = bs[i++];
    if (k !== k2 || !same(v, v2)) return false;
  }
  return true;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  const bs = [...b];
  return a.size === b.size && [...a].every((x, i) => x === bs[i]);
}

/**
 * Is `now` (built from the edited files) the same model as `before` but for its nodes? Then `before`'s
 * objects take `now`'s nodes and files, in place, and the result is a model made of `before`'s objects.
 */
export function reconcileModel(before: PackageModel, now: PackageModel): PackageModel | undefined {
  const funcsOf = (m: PackageModel) => [...m.funcs.values()].flatMap((f) => [f, ...(f.variants ?? [])]);
  const same =
    sameSet(before.mapTypes, now.mapTypes) &&
    sameSet(before.falseConsts, now.falseConsts) &&
    sameKeys(before.globals, now.globals, (a, b) => varFacts(a) === varFacts(b)) &&
    sameKeys(before.structs, now.structs, (a, b) => structFacts(a) === structFacts(b)) &&
    sameKeys(before.funcs, now.funcs, (a, b) => funcFacts(a) === funcFacts(b) && (a.variants ?? []).every((v, i) => funcFacts(v) === funcFacts(b.variants![i]))) &&
    sameKeys(before.methods, now.methods, (a, b) => a.length === b.length && a.every((m, i) => funcFacts(m) === funcFacts(b[i])));
  if (!same) return undefined;
  const moveVar = (a: VarDecl, b: VarDecl) => {
    a.node = b.node;
    a.file = b.file;
  };
  const moveFunc = (a: FuncInfo, b: FuncInfo) => {
    a.node = b.node;
    a.file = b.file;
  };
  const nowGlobals = [...now.globals.values()];
  [...before.globals.values()].forEach((v, i) => moveVar(v, nowGlobals[i]));
  const nowStructs = [...now.structs.values()];
  [...before.structs.values()].forEach((s, i) => {
    const t = nowStructs[i];
    s.node = t.node;
    s.file = t.file;
    s.variants.forEach((v, k) => Object.assign(v, t.variants[k]));
    const nowFields = [...t.fields.values()];
    [...s.fields.values()].forEach((f, k) => moveVar(f.decl, nowFields[k].decl));
  });
  const nowFuncs = funcsOf(now);
  funcsOf(before).forEach((f, i) => moveFunc(f, nowFuncs[i]));
  const nowMethods = [...now.methods.values()].flat();
  [...before.methods.values()].flat().forEach((m, i) => moveFunc(m, nowMethods[i]));
  return { ...before, files: now.files };
}
