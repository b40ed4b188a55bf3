// Fixture cases whose rule is not implemented yet: their want checks run as `todo` (reported, not
// failing) while go vet and `go test -race` still hold them to the corpus rules. Remove an entry as
// soon as its rule lands; a pending case that already agrees with its wants says so in a diagnostic.

/** Key: a rule directory (`map-escapes-lock`) or one case (`concurrent-map-access/janitor`); a race-free twin is never pending. */
export const PENDING: Readonly<Record<string, string>> = {
};

/** Why a case is pending, or undefined when its want check must pass. */
export function pendingReason(rule: string, name: string): string | undefined {
  return PENDING[`${rule}/${name}`] ?? PENDING[rule];
}
