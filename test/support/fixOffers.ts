// Which race fixtures get a preferred fix, and why some do not: shared by the golden fix test (which
// checks the fix is, or is not, offered) and `maprace --fix` over the corpus (which must leave the
// unfixed cases byte-identical).

/** concurrent-map-access cases where locking around the accesses would deadlock. */
export const GUARD_NOT_OFFERED: Readonly<Record<string, string>> = {
  range_vs_delete: 'the ranging loop sends on a channel its consumer reads after the delete: a lock would deadlock',
  locked_helper: 'setLocked also runs under mu from start(): locking inside it would deadlock (the lock belongs at the call site)',
};

/** What the disabled "Guard with a mutex" fix of such a case tells the user. */
export const GUARD_DISABLED_REASON: Readonly<Record<string, RegExp>> = {
  range_vs_delete: /^`for k := range cache .*\(range_vs_delete\.go:8\) sends on a channel; holding the lock while it blocks would deadlock/,
  locked_helper: /^setLocked already runs with mu held when it is called at locked_helper\.go:19, so locking mu inside it would deadlock/,
};

/** Rules whose racy fixtures get a preferred fix, with the cases that do not. Rules not listed get none yet. */
export const FIXED_RULES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'concurrent-map-access': GUARD_NOT_OFFERED,
  'unsynchronized-map-field': {},
  'map-write-under-rlock': {},
  'map-escapes-lock': {},
  'unguarded-map-access': {},
  'syncmap-check-then-act': {
    claim_job: 'the OnClaim hook runs between the Load and the Delete: deleting at the Load would change what it sees',
    advance_version: 'CompareAndSwap needs Go 1.20 (the fixtures are analysed with no go version), and a hook runs before the Store',
  },
  'syncmap-redundant-delete': {},
  'unchecked-map-lookup': {},
};

/** Why a racy case of `rule` gets no preferred fix, or undefined when it must get one. */
export function noFixReason(rule: string, name: string): string | undefined {
  const exceptions = FIXED_RULES[rule];
  if (!exceptions) return `no fix for ${rule} yet`;
  return exceptions[name];
}
