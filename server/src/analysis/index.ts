// Entry point of the pure analysis: the files of one Go package in, findings out.
import type { SourceFile } from './syntax';
import type { Finding, Severity } from './types';
import { buildPackageModel, type PackageModel } from './model/packageModel';
import { findRaces, type RaceFacts } from './model/races';
import type { Access } from './model/timeline';
import { concurrentMapAccess } from './rules/concurrentMapAccess';
import { lazyMapFixes } from './fixes/mapFixes';
import { withChanges } from './lazyFixes';
import { mapEscapesLock } from './rules/mapEscapesLock';
import { mapWriteUnderRlock } from './rules/mapWriteUnderRlock';
import { guardsOf, unguardedMapAccess } from './rules/unguardedMapAccess';
import { unsynchronizedMapField } from './rules/unsynchronizedMapField';
import { syncmapCheckThenAct } from './rules/syncmapCheckThenAct';
import { syncmapRedundantDelete } from './rules/syncmapRedundantDelete';
import { StoreReach } from './rules/syncmapSteps';
import { SyncMaps, type SyncMapCall } from './model/syncMaps';
import { uncheckedMapLookup } from './rules/uncheckedMapLookup';
import { applySuppressions } from './suppression';
import { splitByPackageClause } from './packageClause';

export type { SourceFile, SyntaxNode } from './syntax';
export type { Finding, Fix, TextEdit, Range, Position, Severity, RelatedInfo } from './types';
export { applicable } from './types';
export { RULES, ruleInfo, ruleDocsUrl } from './rules/catalog';
export { describeMapAt, type MapDescription } from './mapHover';

export type SeverityOverride = Severity | 'off';

export interface AnalysisOptions {
  /** Per-rule severity, or 'off' to disable the rule. */
  severities?: Record<string, SeverityOverride>;
  /** The module's `go` version from go.mod (`1.21`): fixes use only what it has. Unknown means old. */
  goVersion?: string;
}

/**
 * Analyses one Go package. `files` must all belong to the same directory/package; files with another
 * `package` clause (e.g. `foo_test` external tests) are analysed as their own package.
 */
export function analyzePackage(files: readonly SourceFile[], options: AnalysisOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const group of splitByPackageClause(files)) {
    const model = buildPackageModel(group);
    findings.push(...runRules(model, findRaces(model), () => new SyncMaps(model).calls(), options));
  }
  return finalize(applySuppressions(findings, files), options);
}

/** The rules over one package's facts, before suppressions and severity overrides (see finalize). */
export function runRules(model: PackageModel, facts: RaceFacts, syncMapCalls: () => SyncMapCall[], options: AnalysisOptions): Finding[] {
  // One finding per access: the most specific rule that explains it wins.
  const underRlock = mapWriteUnderRlock(facts);
  const escapes = mapEscapesLock(facts, options.goVersion);
  const guards = guardsOf(facts, model);
  const byPlace = (f: Finding) => placeKey(f.file, f.range.start.line, f.range.start.character);
  const specific = new Set([...underRlock, ...escapes].map(byPlace));
  const unguarded = unguardedMapAccess(facts, model, guards).filter((f) => !specific.has(byPlace(f)));
  const claimed = new Set([...specific, ...unguarded.map(byPlace)]);
  const isClaimed = (a: Access) => claimed.has(placeKey(a.file.path, a.node.startPoint.row, a.node.startPoint.column));
  const fixes = lazyMapFixes(facts, model, options.goVersion);
  const races = concurrentMapAccess(facts, fixes, (race) => {
    const a = race.here.access;
    if (isClaimed(a)) return true;
    // The side that holds the map's guard is right; the other side is reported as unguarded.
    const guard = guards.get(a.v.field ?? a.v);
    return !!guard && a.locks.some((l) => l.key === guard.key) && isClaimed(race.other.access);
  });
  const findings = [...underRlock, ...escapes, ...unguarded, ...races, ...unsynchronizedMapField(facts, model, fixes), ...uncheckedMapLookup(facts, model)];
  const syncCalls = syncMapCalls();
  if (syncCalls.length) {
    findings.push(...syncmapCheckThenAct(syncCalls, options.goVersion), ...syncmapRedundantDelete(syncCalls, () => new StoreReach(model, syncCalls)));
  }
  return findings;
}

function placeKey(file: string, line: number, character: number): string {
  return `${file}:${line}:${character}`;
}

/** Severity overrides (dropping rules turned off), in file and position order. */
export function finalize(findings: Finding[], options: AnalysisOptions): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const override = options.severities?.[f.rule];
    if (override === 'off') continue;
    out.push(override ? withChanges(f, { severity: override }) : f);
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}
