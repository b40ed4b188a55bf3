// unguarded-map-access: a shared map that is accessed under one mutex everywhere else (or at every
// write) is accessed here without it: the getter that forgot the lock its setter takes.
import { withLazyFixes } from '../lazyFixes';
import type { Finding } from '../types';
import type { Access, Lock } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import type { PackageModel } from '../model/packageModel';
import { accessKey, type RaceFacts } from '../model/races';
import { mapExpressionText } from './concurrentMapAccess';
import { nodeRange } from '../positions';
import { lockAroundAccess } from '../fixes/guardWithMutex';

export const RULE_ID = 'unguarded-map-access';

const VERB = { read: 'read', write: 'written', iterate: 'ranged over' } as const;

export interface Guard {
  key: string;
  text: string;
}

/**
 * Fields of a struct type that holds a mutex: the type declares the discipline. Package-level maps
 * are left to concurrent-map-access, which needs proof of concurrency rather than a convention.
 */
function shared(v: VarDecl, model: PackageModel): boolean {
  const dot = v.name.indexOf('.');
  const owner = v.global && dot > 0 ? model.structs.get(v.name.slice(0, dot)) : undefined;
  return !!owner && owner.mutexes.length > 0;
}

/** The field of its type that an access of one instance's map field counts for. */
function fieldOf(v: VarDecl): VarDecl {
  return v.field ?? v;
}

/** The mutex that guards a map: held (in write mode) at most of its accesses from entry points. */
export function guardsOf(facts: RaceFacts, model: PackageModel): Map<VarDecl, Guard> {
  const byVar = new Map<VarDecl, Access[]>();
  for (const a of facts.entryAccesses) {
    const v = fieldOf(a.v);
    if (!shared(v, model)) continue;
    const list = byVar.get(v) ?? [];
    list.push(a);
    byVar.set(v, list);
  }
  const guards = new Map<VarDecl, Guard>();
  for (const [v, list] of byVar) {
    const guard = mostHeldLock(list);
    if (guard) guards.set(v, guard);
  }
  return guards;
}

/** The mutex held in write mode at most of these accesses, if it has a name to show. */
export function mostHeldLock(list: readonly Access[]): Guard | undefined {
  const counts = new Map<string, { n: number; lock: Lock }>();
  for (const a of list) for (const l of a.locks) if (!l.read) counts.set(l.key, { n: (counts.get(l.key)?.n ?? 0) + 1, lock: l });
  const best = [...counts.values()].sort((x, y) => y.n - x.n)[0];
  return best && best.lock.text ? { key: best.lock.key, text: best.lock.text } : undefined;
}

export function holds(a: Access, key: string): boolean {
  return a.locks.some((l) => l.key === key);
}

/** Accesses grouped by source place: one place is reached in as many calling contexts as call it. */
export function byPlace(list: readonly Access[]): Map<string, Access[]> {
  const places = new Map<string, Access[]>();
  for (const a of list) {
    const key = accessKey(a);
    const seen = places.get(key);
    if (seen) seen.push(a);
    else places.set(key, [a]);
  }
  return places;
}

/** A place is guarded when every calling context of it holds the lock. */
export function guardedPlaces(places: ReadonlyMap<string, Access[]>, key: string): Access[][] {
  return [...places.values()].filter((list) => list.every((a) => holds(a, key)));
}

export function unguardedMapAccess(facts: RaceFacts, model: PackageModel, guards: Map<VarDecl, Guard>): Finding[] {
  const out = new Map<string, Finding>();
  // The entry accesses of each guarded field (its instances' included), in order, made when first needed.
  let byField: Map<VarDecl, Access[]> | undefined;
  const accessesOf = (v: VarDecl): Access[] => {
    if (!byField) {
      byField = new Map();
      for (const o of facts.entryAccesses) {
        const f = fieldOf(o.v);
        if (!guards.has(f)) continue;
        const list = byField.get(f);
        if (list) list.push(o);
        else byField.set(f, [o]);
      }
    }
    return byField.get(v) ?? [];
  };
  for (const a of facts.entryAccesses) {
    const guard = guards.get(a.v);
    // A reference taken under the lock is map-escapes-lock's to judge (copy-on-write maps are fine).
    // Only the type's field is reported: an instance a function made for itself needs no lock, but its
    // locked accesses still show the discipline of the field.
    if (!guard || holds(a, guard.key) || a.escape) continue;
    const key = accessKey(a);
    if (out.has(key)) continue;
    const others = accessesOf(a.v).filter((o) => o.node !== a.node);
    const guarded = others.filter((o) => holds(o, guard.key));
    const writes = others.filter((o) => o.kind === 'write');
    const everywhereElse = others.length >= 2 && guarded.length === others.length;
    const everyWrite = writes.length >= 1 && writes.every((o) => holds(o, guard.key));
    if (!everywhereElse && !everyWrite) continue;
    const places = byPlace(others);
    const guardedAt = guardedPlaces(places, guard.key).map((list) => list[0]);
    const mutex = mutexSpelling(a, guard);
    out.set(key, withLazyFixes({
      file: a.file.path,
      rule: RULE_ID,
      severity: 'warning',
      message: `map \`${mapExpressionText(a)}\` is ${VERB[a.kind]} here without ${guard.text}, which guards it at ${guardedAt.length} of ${places.size} other places`,
      range: nodeRange(a.node),
      related: guardedAt.slice(0, 3).map((o) => ({ file: o.file.path, range: nodeRange(o.node), message: `accessed under ${guard.text} here` })),
    }, () => {
      const fix = mutex ? lockAroundAccess(a, mutex, guard.key, facts.accesses) : undefined;
      return fix ? [fix] : [];
    }));
  }
  return [...out.values()];
}

/** The guard as the access can name it: `c.mu` for `c.data[k]` guarded by T.mu, `c` for an embedded mutex. */
function mutexSpelling(a: Access, guard: Guard): string | undefined {
  const map = mapExpressionText(a);
  const dot = map.lastIndexOf('.');
  const operand = dot > 0 ? map.slice(0, dot) : '';
  // A key without a field is a variable's (`v12`, an id, not a name): it cannot be spelled from the map.
  if (!guard.key.includes('.')) return undefined;
  const field = guard.key.slice(guard.key.lastIndexOf('.') + 1);
  if (!/^[A-Za-z_][\w.]*$/.test(operand) || !/^\w+$/.test(field)) return undefined;
  return field === 'Mutex' || field === 'RWMutex' ? operand : `${operand}.${field}`;
}
