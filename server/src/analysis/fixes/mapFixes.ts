// The fixes of a racy map, shared by every finding about it (its races and its field's finding): the
// mutex guard and the sync.Map conversion, at most one of them preferred.
import type { Fix } from '../types';
import type { VarDecl } from '../model/variables';
import type { PackageModel } from '../model/packageModel';
import type { RaceFacts } from '../model/races';
import { guardFixes, guardedMap } from './guardWithMutex';
import { convertToSyncMap } from './convertToSyncMap';

/** The fixes of one racy map (by guardedMap), every map's planned together on the first call. */
export type MapFixes = (v: VarDecl) => Fix[];

export function lazyMapFixes(facts: RaceFacts, model: PackageModel, goVersion: string | undefined): MapFixes {
  let all: Map<VarDecl, Fix[]> | undefined;
  return (v) => (all ??= mapFixes(facts, model, goVersion)).get(v) ?? [];
}

/** Keyed by guardedMap: a struct field's instances share one declaration to rewrite. */
export function mapFixes(facts: RaceFacts, model: PackageModel, goVersion: string | undefined): Map<VarDecl, Fix[]> {
  const out = new Map<VarDecl, Fix[]>();
  for (const [v, guard] of guardFixes(facts, model)) {
    const uses = facts.accesses.filter((a) => guardedMap(a.v) === v);
    const convert = convertToSyncMap(v, model, uses, { goVersion });
    // The guard is the default; the conversion leads only where its uses fit (convertToSyncMap decides).
    if (convert?.preferred) out.set(v, [convert, ...(guard ? [{ ...guard, preferred: false }] : [])]);
    else out.set(v, [...(guard ? [guard] : []), ...(convert ? [convert] : [])]);
  }
  return out;
}
