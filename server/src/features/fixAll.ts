// Which fixes "fix all" applies: every preferred fix of a file (a quick fix the user picks), or only
// those marked safe (source.fixAll.maprace, which editors run on save without asking).
import { applicable, type Finding, type Fix } from '../analysis/index';
import { combineFixes } from '../analysis/fixes/combine';

export interface Combined {
  fixes: Fix[];
  edits: Fix['edits'];
}

/** Preferred fixes, each once: two findings of one race carry the same fix. */
function distinctPreferred(findings: readonly Finding[], keep: (fix: Fix) => boolean): Fix[] {
  const seen = new Set<string>();
  const out: Fix[] = [];
  for (const fix of findings.flatMap((f) => f.fixes)) {
    if (!fix.preferred || !applicable(fix) || !keep(fix)) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fix);
  }
  return out;
}

/** The file's preferred fixes together, when there is more than one (one is its own quick fix already). */
export function fixAllInFile(findings: readonly Finding[]): Combined | undefined {
  const combined = combineFixes(distinctPreferred(findings, () => true));
  return combined.fixes.length > 1 ? combined : undefined;
}

/** The safe preferred fixes together, for source.fixAll.maprace. */
export function fixAllSafe(findings: readonly Finding[]): Combined | undefined {
  const combined = combineFixes(distinctPreferred(findings, (fix) => fix.safe === true));
  return combined.fixes.length > 0 ? combined : undefined;
}
