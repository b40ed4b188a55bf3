// Every rule is about a map the package itself declares: a `map[...]` type or a `sync.Map`. A package
// whose text has neither cannot have a finding, so a scan skips parsing it.

const MAP_TYPE = /\bmap\s*\[/;
const SYNC_MAP = /\bMap\b/;

export function mayHaveFindings(texts: readonly string[]): boolean {
  return texts.some((t) => MAP_TYPE.test(t) || SYNC_MAP.test(t));
}
