// `--format sarif`: SARIF 2.1.0 for code-scanning services. Lines and columns are 1-based; columns count
// UTF-16 code units (run.columnKind), the same unit as the JSON output and LSP.
import * as path from 'node:path';
import type { ArtifactLocation, Fix as SarifFix, Log, PhysicalLocation, Region, ReportingDescriptor, Result } from 'sarif';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocsUrl } from '../analysis/rules/catalog';
import type { Finding, Range, Severity } from '../analysis/index';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/maprace/maprace';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** Files under `cwd` become relative URIs against %SRCROOT% (portable logs); others absolute file: URIs. */
function artifactLocation(file: string, cwd: string): ArtifactLocation {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions are 1-based and endColumn points just past the last character. */
function region(r: Range): Region {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function physicalLocation(file: string, r: Range, cwd: string): PhysicalLocation {
  return { artifactLocation: artifactLocation(file, cwd), region: region(r) };
}

function firstSentence(text: string): string {
  const m = /^(.+?)[.;](\s|$)/.exec(text);
  return m ? m[1] : text;
}

function rules(): ReportingDescriptor[] {
  return RULES.map((r) => ({
    id: r.id,
    shortDescription: { text: firstSentence(r.summary) },
    fullDescription: { text: r.summary },
    help: { text: `${r.summary}\nDocumentation: ${ruleDocsUrl(r.id)}`, markdown: `${r.summary}\n\n[Documentation](${ruleDocsUrl(r.id)})` },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { tags: ['go', 'concurrency', 'reliability'] },
  }));
}

function result(f: Finding, cwd: string): Result {
  const ruleIndex = RULES.findIndex((r) => r.id === f.rule);
  return {
    ruleId: f.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: physicalLocation(f.file, f.range, cwd) }],
    relatedLocations: f.related.map((r, id) => ({
      id,
      physicalLocation: physicalLocation(r.file, r.range, cwd),
      message: { text: r.message },
    })),
    fixes: f.fixes.filter((x) => !x.disabled).map((x): SarifFix => {
      const byFile = new Map<string, typeof x.edits>();
      for (const e of x.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      return {
        description: { text: x.title },
        artifactChanges: [...byFile].map(([file, edits]) => ({
          artifactLocation: artifactLocation(file, cwd),
          replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        })),
      };
    }),
  };
}

export function formatSarif(findings: readonly Finding[], version: string, cwd: string): string {
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'maprace', version, semanticVersion: version, informationUri: INFORMATION_URI, rules: rules() },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results: findings.map((f) => result(f, cwd)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
