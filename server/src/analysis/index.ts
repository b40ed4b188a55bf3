// Entry point of the pure analysis: the files of one Go package in, findings out.
import type { SourceFile } from './syntax';
import type { Finding, Severity } from './types';
import { buildPackageModel } from './model/packageModel';
import { findRaces } from './model/races';
import type { Access } from './model/timeline';
import { concurrentMapAccess } from './rules/concurrentMapAccess';
import { mapWriteUnderRlock } from './rules/mapWriteUnderRlock';
import { guardsOf, unguardedMapAccess } from './rules/unguardedMapAccess';
import { unsynchronizedMapField } from './rules/unsynchronizedMapField';
import { applySuppressions } from './suppression';

export type { SourceFile, SyntaxNode } from './syntax';
export type { Finding, Fix, TextEdit, Range, Position, Severity, RelatedInfo } from './types';
export { RULES, ruleInfo, ruleDocsUrl } from './rules/catalog';

export type SeverityOverride = Severity | 'off';

export interface AnalysisOptions {
  /** Per-rule severity, or 'off' to disable the rule. */
  severities?: Record<string, SeverityOverride>;
}

/**
 * Analyses one Go package. `files` must all belong to the same directory/package; files with another
 * `package` clause (e.g. `foo_test` external tests) are analysed as their own package.
 */
export function analyzePackage(files: readonly SourceFile[], options: AnalysisOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const group of splitByPackageClause(files)) {
    const model = buildPackageModel(group);
    const facts = findRaces(model);
    // One finding per access: the most specific rule that explains it wins.
    const underRlock = mapWriteUnderRlock(facts);
    const guards = guardsOf(facts, model);
    const unguarded = unguardedMapAccess(facts, model, guards);
    const claimed = new Set([...underRlock, ...unguarded].map((f) => placeKey(f.file, f.range.start.line, f.range.start.character)));
    const isClaimed = (a: Access) => claimed.has(placeKey(a.file.path, a.node.startPoint.row, a.node.startPoint.column));
    const races = concurrentMapAccess(facts, (race) => {
      const a = race.here.access;
      if (isClaimed(a)) return true;
      // The side that holds the map's guard is right; the other side is reported as unguarded.
      const guard = guards.get(a.v.field ?? a.v);
      return !!guard && a.locks.some((l) => l.key === guard.key) && isClaimed(race.other.access);
    });
    findings.push(...underRlock, ...unguarded, ...races, ...unsynchronizedMapField(facts, model));
  }
  return finalize(applySuppressions(findings, files), options);
}

function placeKey(file: string, line: number, character: number): string {
  return `${file}:${line}:${character}`;
}

function splitByPackageClause(files: readonly SourceFile[]): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const f of files) {
    const clause = f.root.children.find((c) => c.type === 'package_clause');
    const name = clause ? f.text.slice(clause.start, clause.end).replace(/^package\s+/, '').trim() : '';
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(f);
  }
  return [...groups.values()];
}

function finalize(findings: Finding[], options: AnalysisOptions): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const override = options.severities?.[f.rule];
    if (override === 'off') continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character,
  );
}
