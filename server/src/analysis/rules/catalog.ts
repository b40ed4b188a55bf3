// The rules maprace knows: id, default severity, one-line help and documentation link.
import type { Severity } from '../types';

export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
}

export const DOCS_BASE = 'https://github.com/maprace/maprace/blob/main/docs/rules/';

export const RULES: readonly RuleInfo[] = [
  {
    id: 'concurrent-map-access',
    severity: 'error',
    summary:
      'Two accesses to the same Go map, at least one a write, can run at the same time with no common lock ' +
      'and no happens-before order; the runtime aborts with "fatal error: concurrent map writes" or ' +
      '"concurrent map read and map write".',
  },
  {
    id: 'unguarded-map-access',
    severity: 'warning',
    summary: 'A map that is accessed under a mutex everywhere else (or at every write) is accessed here without it.',
  },
  {
    id: 'map-write-under-rlock',
    severity: 'error',
    summary: 'A map write while only RLock of an RWMutex is held: readers run together, so their writes race.',
  },
  {
    id: 'map-escapes-lock',
    severity: 'warning',
    summary:
      'A guarded map leaves its critical section (returned from a locked method, stored outside, or captured) ' +
      'and is then read or ranged after Unlock, racing with the writers that hold the lock.',
  },
  {
    id: 'unsynchronized-map-field',
    severity: 'warning',
    summary: 'A struct field of map type used by methods that run concurrently, in a struct with no mutex protecting it.',
  },
  {
    id: 'syncmap-check-then-act',
    severity: 'warning',
    summary:
      'A sync.Map used in two steps where one atomic call exists: Load then Store on the same key (LoadOrStore), ' +
      'Load then Delete (LoadAndDelete), Load, compare, Store (CompareAndSwap); another goroutine can act between the steps.',
  },
  {
    id: 'syncmap-redundant-delete',
    severity: 'information',
    summary: 'Delete(k) after LoadAndDelete(k) on the same sync.Map and key: the key is already gone.',
  },
  {
    id: 'unchecked-map-lookup',
    severity: 'warning',
    summary:
      'A lookup in a map of pointers or interfaces whose missing-key case is not handled: `m[k].f` or `m[k].M()` ' +
      'panics with a nil pointer dereference when k is not in the map (warning); `v := m[k]` followed by `v.f` ' +
      'does the same one step later (information).',
  },
];

export function ruleInfo(id: string): RuleInfo | undefined {
  return RULES.find((r) => r.id === id);
}

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}
