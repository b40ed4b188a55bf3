// Entry point of the pure analysis: the files of one Go package in, findings out.
import type { SourceFile } from './syntax';
import type { Finding, Severity } from './types';
import { buildPackageModel } from './model/packageModel';
import { concurrentMapAccess } from './rules/concurrentMapAccess';
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
    findings.push(...concurrentMapAccess(model));
  }
  return finalize(applySuppressions(findings, files), options);
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
