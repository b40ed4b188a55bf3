// Fixture cases whose rule is not implemented yet: their want checks run as `todo` (reported, not
// failing) while go vet and `go test -race` still hold them to the corpus rules. Remove an entry as
// soon as its rule lands; a pending case that already agrees with its wants says so in a diagnostic.

/** Key: a rule directory (`map-escapes-lock`) or one case (`concurrent-map-access/janitor`); a race-free twin is never pending. */
export const PENDING: Readonly<Record<string, string>> = {
  'concurrent-map-access/crawler_seen': 'issue 3: recursive goroutines sharing a map parameter (a recursive summary is cut off)',
  'concurrent-map-access/embedded_map': 'issue 3: unsynchronized-map-field through an embedded struct',
  'concurrent-map-access/fanout_results': 'issue 3: unsynchronized-map-field for closures inside a method (debatable)',
  'concurrent-map-access/go_helper':
    'a helper that starts its func parameter (`go func() { defer wg.Done(); f() }()`) does not run the closures passed to it in a goroutine: no finding',
  'concurrent-map-access/janitor': 'issue 3: a goroutine started in a constructor against later calls of exported methods',
  'concurrent-map-access/safe_nested_prebuilt':
    'the inner maps of a map of maps are one identity, so per-goroutine inner maps taken before the `go` look shared (false positive; precision question open)',
  'unsynchronized-map-field/limiter': 'issue 3: ServeHTTP middleware field',
  'unsynchronized-map-field/stats_counter': 'issue 3: methods called from goroutines in the test only',
};

/** Why a case is pending, or undefined when its want check must pass. */
export function pendingReason(rule: string, name: string): string | undefined {
  return PENDING[`${rule}/${name}`] ?? PENDING[rule];
}
