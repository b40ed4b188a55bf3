// Which race fixtures get a preferred fix, and why some do not: shared by the golden fix test (which
// checks the fix is, or is not, offered) and `maprace --fix` over the corpus (which must leave the
// unfixed cases byte-identical).

/** concurrent-map-access cases where locking around the accesses would deadlock or skip an unlock, or needs issue-4 work. */
export const GUARD_NOT_OFFERED: Readonly<Record<string, string>> = {
  range_vs_delete: 'the ranging loop sends on a channel its consumer reads after the delete: a lock would deadlock',
  locked_helper: 'setLocked also runs under mu from start(): locking inside it would deadlock (the lock belongs at the call site)',
  janitor: 'the map is a struct field: the guard must add a mutex field to Cache and spell `c.mu` at each site (issue 4)',
  embedded_map: 'the map is a field of an embedded struct: the guard must add a mutex field (issue 4)',
  fanout_results: 'the map is a struct field: the guard must add a mutex field to Resolver (issue 4)',
  nested_map: 'the racy map is an inner map of a map of maps: its guard needs a name of its own (issue 4)',
  crawler_seen: 'the check `if seen[page] { return }` and the set belong under one lock; wrapping each alone would skip the unlock on return (issue 4)',
};

/** Rules whose racy fixtures get a preferred fix, with the cases that do not. Rules not listed get none yet. */
export const FIXED_RULES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'concurrent-map-access': GUARD_NOT_OFFERED,
  'map-write-under-rlock': {},
  'map-escapes-lock': {},
  'unguarded-map-access': {},
  'unchecked-map-lookup': {},
};

/** Why a racy case of `rule` gets no preferred fix, or undefined when it must get one. */
export function noFixReason(rule: string, name: string): string | undefined {
  const exceptions = FIXED_RULES[rule];
  if (!exceptions) return `no fix for ${rule} yet`;
  return exceptions[name];
}
