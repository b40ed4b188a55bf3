// Honors `//maprace:ignore <rule> <reason>`, `//nolint:maprace` and `//lint:ignore maprace <reason>`
// on the finding's line or the line above.
import type { SourceFile } from './syntax';
import type { Finding } from './types';

const DIRECTIVE = /\/\/\s*(?:maprace:ignore\s+([\w-]+)|nolint:([\w,-]+)|lint:ignore\s+([\w,-]+))/;

function directiveRules(line: string): string[] | undefined {
  const m = DIRECTIVE.exec(line);
  if (!m) return undefined;
  if (m[1]) return [m[1]];
  return (m[2] ?? m[3]).split(',');
}

function suppresses(line: string | undefined, rule: string): boolean {
  if (line === undefined) return false;
  const rules = directiveRules(line);
  return !!rules && rules.some((r) => r === 'maprace' || r === rule || r === 'all');
}

export function applySuppressions(findings: Finding[], files: readonly SourceFile[]): Finding[] {
  const lines = new Map<string, string[]>();
  for (const f of files) lines.set(f.path, f.text.split(/\r\n|\r|\n/));
  return findings.filter((f) => {
    const fileLines = lines.get(f.file);
    if (!fileLines) return true;
    const line = f.range.start.line;
    return !suppresses(fileLines[line], f.rule) && !suppresses(fileLines[line - 1], f.rule);
  });
}
