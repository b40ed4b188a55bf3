// The module's `go` version (from go.mod) decides which library calls a fix may write.

/** `1.21`, `1.21.3`, `1.22rc1`, `go1.21` → [1, 21]; anything else → undefined. */
function parse(version: string): [number, number] | undefined {
  const m = /^(?:go)?(\d+)\.(\d+)/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Is the module's `go` version at least `min`? An unknown version counts as old, so fixes stay portable. */
export function goAtLeast(version: string | undefined, min: string): boolean {
  const have = version ? parse(version) : undefined;
  const want = parse(min);
  if (!have || !want) return false;
  return have[0] !== want[0] ? have[0] > want[0] : have[1] >= want[1];
}
