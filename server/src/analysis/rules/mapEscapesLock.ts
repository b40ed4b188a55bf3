// map-escapes-lock: a reference to a guarded map is taken inside the critical section (an alias, or
// the result of a locked getter) and used after the lock is released, while others write the map
// under that lock: the lock protected the lookup of the map, not its use.
import { withLazyFixes } from '../lazyFixes';
import type { Finding } from '../types';
import type { Access, Lock } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import { accessKey, type RaceFacts } from '../model/races';
import { mapExpressionText, runtimeError } from './concurrentMapAccess';
import { nodeRange, where } from '../positions';
import { copyUnderLock } from '../fixes/copyUnderLock';

export const RULE_ID = 'map-escapes-lock';

const VERB = { read: 'read', write: 'written', iterate: 'ranged over' } as const;

function heldIn(a: Access, lock: Lock): boolean {
  return a.locks.some((l) => l.key === lock.key);
}

export function mapEscapesLock(facts: RaceFacts, goVersion?: string): Finding[] {
  const out = new Map<string, Finding>();
  // Few accesses use a reference that escaped: only the maps they use are grouped, in access order.
  const byMap = new Map<VarDecl, Access[]>();
  for (const a of facts.accesses) if (a.escape) byMap.set(a.v, []);
  if (!byMap.size) return [];
  for (const x of facts.accesses) byMap.get(x.v)?.push(x);
  for (const a of facts.accesses) {
    const escape = a.escape;
    if (!escape) continue;
    const key = accessKey(a);
    if (out.has(key)) continue;
    const released = escape.locks.filter((l) => !heldIn(a, l));
    // The other side: an access under that lock that conflicts with this one.
    let lock: Lock | undefined;
    const other = byMap.get(a.v)!.find((o) => {
      if (o.node === a.node || (o.kind !== 'write' && a.kind !== 'write')) return false;
      lock = released.find((l) => o.locks.some((h) => h.key === l.key && (!h.read || a.kind === 'write')));
      return !!lock;
    });
    if (!other || !lock) continue;
    const name = lock.text ?? 'the lock';
    out.set(key, withLazyFixes({
      file: a.file.path,
      rule: RULE_ID,
      severity: 'warning',
      message:
        `map \`${mapExpressionText(a)}\` escapes the lock ${name}: it was ${escape.via} (${where(escape.file.path, escape.node)}) ` +
        `and is ${VERB[a.kind]} here after ${name} is released, while \`${mapExpressionText(other)}\` is ${VERB[other.kind]} ` +
        `under ${name} at ${where(other.file.path, other.node)}: fatal error: ${runtimeError(a, other)}`,
      range: nodeRange(a.node),
      related: [
        { file: escape.file.path, range: nodeRange(escape.node), message: `${escape.here} while ${name} is held` },
        { file: other.file.path, range: nodeRange(other.node), message: `${VERB[other.kind]} under ${name} here` },
      ],
    }, () => {
      const fix = copyUnderLock(a, facts.accesses, goVersion);
      return fix ? [fix] : [];
    }));
  }
  return [...out.values()];
}
