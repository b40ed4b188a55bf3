// `--format json`: one array, one object per finding, exactly the SPEC §1 shape (0-based, UTF-16).
import type { Finding, Range } from '../analysis/index';

const range = (r: Range) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});

export function formatJson(findings: readonly Finding[]): string {
  const out = findings.map((f) => ({
    file: f.file,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: range(f.range),
    related: f.related.map((r) => ({ file: r.file, range: range(r.range), message: r.message })),
    // A disabled fix (shown with its reason in editors) is no fix a script could apply.
    fixes: f.fixes.filter((x) => !x.disabled).map((x) => ({ title: x.title, preferred: x.preferred })),
  }));
  return JSON.stringify(out, null, 2) + '\n';
}
