// map-write-under-rlock: a map write while only RLock of an RWMutex is held. Readers run together,
// so two of them writing crash with "concurrent map writes".
import { withLazyFixes } from '../lazyFixes';
import type { Finding } from '../types';
import type { Access, Lock } from '../model/timeline';
import { accessKey, type RaceFacts } from '../model/races';
import { mapExpressionText } from './concurrentMapAccess';
import { nodeRange } from '../positions';
import { rlockToLock } from '../fixes/rlockToLock';

export const RULE_ID = 'map-write-under-rlock';

/** The read lock a write holds with no write lock on the same mutex. */
function onlyReadLock(a: Access): Lock | undefined {
  // A map made by this call (a copy being filled) is private, whatever lock is held.
  if (a.kind !== 'write' || !a.v.global) return undefined;
  // Any mutex held exclusively (the map's own, say) already keeps writers apart.
  if (a.locks.some((l) => !l.read)) return undefined;
  return a.locks.find((l) => l.read);
}

export function mapWriteUnderRlock(facts: RaceFacts): Finding[] {
  const out = new Map<string, Finding>();
  for (const a of facts.accesses) {
    const lock = onlyReadLock(a);
    if (!lock) continue;
    const key = accessKey(a);
    if (out.has(key)) continue;
    const mutex = lock.text ?? 'the mutex';
    out.set(key, withLazyFixes({
      file: a.file.path,
      rule: RULE_ID,
      severity: 'error',
      message:
        `map \`${mapExpressionText(a)}\` is written here while only ${mutex}.RLock() is held: ` +
        `readers run together, so their writes race: fatal error: concurrent map writes`,
      range: nodeRange(a.node),
      related: lock.at ? [{ file: lock.at.file.path, range: nodeRange(lock.at.node), message: `${mutex}.RLock() is taken here; a write needs ${mutex}.Lock()` }] : [],
    }, () => {
      const fix = rlockToLock(lock, facts.accesses);
      return fix ? [fix] : [];
    }));
  }
  return [...out.values()];
}
