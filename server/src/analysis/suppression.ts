// Honors `//maprace:ignore <rule>[,<rule>...] <reason>`, `//nolint:maprace` and `//lint:ignore maprace <reason>`
// on the finding's line or the line above.
import type { SourceFile } from './syntax';
import type { Finding } from './types';

const DIRECTIVE = /\/\/\s*(?:maprace:ignore\s+([\w,-]+)|nolint:([\w,-]+)|lint:ignore\s+([\w,-]+))/g;

export interface Directive {
  kind: 'maprace:ignore' | 'nolint' | 'lint:ignore';
  rules: string[];
  /** UTF-16 column of the `//` that starts the directive. */
  start: number;
  /** UTF-16 column just after the rule list: where another rule is appended. */
  rulesEnd: number;
}

/** The suppression directives on a line, left to right (`//nolint:errcheck //maprace:ignore ...` has two). */
export function parseDirectives(line: string): Directive[] {
  const out: Directive[] = [];
  for (const m of line.matchAll(DIRECTIVE)) {
    const list = m[1] ?? m[2] ?? m[3];
    const kind = m[1] ? 'maprace:ignore' : m[2] ? 'nolint' : 'lint:ignore';
    out.push({ kind, rules: list.split(','), start: m.index!, rulesEnd: m.index! + m[0].length });
  }
  return out;
}

/** Does a directive on `line` silence `rule` (on this line and the next)? */
export function suppresses(line: string | undefined, rule: string): boolean {
  if (line === undefined) return false;
  return parseDirectives(line).some((d) => d.rules.some((r) => r === 'maprace' || r === rule || r === 'all'));
}

export function applySuppressions(findings: Finding[], files: readonly SourceFile[]): Finding[] {
  // Split only the files with findings: most have none, and splitting them all cost every analysis.
  const byPath = new Map(files.map((f) => [f.path, f]));
  const lines = new Map<string, string[]>();
  const linesOf = (path: string): string[] | undefined => {
    let split = lines.get(path);
    const file = byPath.get(path);
    if (!split && file) lines.set(path, (split = file.text.split(/\r\n|\r|\n/)));
    return split;
  };
  return findings.filter((f) => {
    const fileLines = linesOf(f.file);
    if (!fileLines) return true;
    const line = f.range.start.line;
    return !suppresses(fileLines[line], f.rule) && !suppresses(fileLines[line - 1], f.rule);
  });
}
