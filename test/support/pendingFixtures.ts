// Fixture cases whose rule is not implemented yet: their want checks run as `todo` (reported, not
// failing) while go vet and `go test -race` still hold them to the corpus rules. Remove an entry as
// soon as its rule lands; a pending case that already agrees with its wants says so in a diagnostic.

/** Key: a rule directory (`map-escapes-lock`) or one case (`concurrent-map-access/janitor`, which covers its `_ok` twin). */
export const PENDING: Readonly<Record<string, string>> = {
  'concurrent-map-access/handler_global': 'issue 3: HTTP handlers as concurrent contexts',
  'concurrent-map-access/janitor': 'issue 3: struct fields, `go c.method()`',
  'concurrent-map-access/fanout_results': 'issue 3: struct fields written from fan-out goroutines',
  'concurrent-map-access/after_func': 'issue 3: time.AfterFunc callbacks as concurrent contexts',
  'concurrent-map-access/crawler_seen': 'issue 3: recursive goroutines sharing a map parameter',
  'concurrent-map-access/embedded_map': 'issue 3: map fields reached through embedded structs',
  'concurrent-map-access/safe_handler_readonly': 'issue 3: HTTP handlers as concurrent contexts (must stay silent)',
  'concurrent-map-access/safe_own_instance': 'issue 3: one struct instance per goroutine (must stay silent)',
  'map-write-under-rlock': 'issue 3: rule map-write-under-rlock',
  'unguarded-map-access': 'issue 3: rule unguarded-map-access',
  'map-escapes-lock': 'issue 3: rule map-escapes-lock',
  'unsynchronized-map-field': 'issue 3: rule unsynchronized-map-field',
};

/** Why a case is pending, or undefined when its want check must pass. */
export function pendingReason(rule: string, name: string): string | undefined {
  return PENDING[`${rule}/${name}`] ?? PENDING[`${rule}/${name.replace(/_ok$/, '')}`] ?? PENDING[rule];
}
