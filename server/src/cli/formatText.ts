// `--format text`: `file:line:col: severity: message [rule]` (1-based line, 1-based UTF-16 column).
import type { Finding, Severity } from '../analysis/index';

export function formatText(findings: readonly Finding[]): string {
  let out = '';
  for (const f of findings) {
    out += `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.rule}]\n`;
    for (const r of f.related) {
      out += `    ${r.file}:${r.range.start.line + 1}:${r.range.start.character + 1}: ${r.message}\n`;
    }
  }
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The stderr summary line, e.g. `maprace: 3 problems (2 errors, 1 warning) in 12 files`. */
export function summary(findings: readonly Finding[], files: number): string {
  if (findings.length === 0) return `maprace: no problems in ${plural(files, 'file')}\n`;
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const parts = (['error', 'warning', 'information', 'hint'] as const)
    .filter((s) => counts.has(s))
    .map((s) => plural(counts.get(s)!, s === 'information' ? 'info' : s).replace(/^(\d+) infos$/, '$1 info'));
  return `maprace: ${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(files, 'file')}\n`;
}

/** The stderr line after `--fix`, e.g. `maprace: applied 3 fixes to 2 files`. */
export function fixSummary(fixes: number, files: number): string {
  return `maprace: applied ${fixes} ${fixes === 1 ? 'fix' : 'fixes'} to ${plural(files, 'file')}\n`;
}
