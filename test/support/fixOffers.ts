// Which race fixtures get no "Guard with a mutex" fix, and why: shared by the fix test (which checks the
// fix is not offered) and `maprace --fix` over the corpus (which must leave these cases byte-identical).

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
