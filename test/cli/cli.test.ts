// The maprace CLI end to end: the built bundle run as a child process, per SPEC §1.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, ruleDocsUrl } from '../../server/src/analysis/rules/catalog';
import { maprace, mapraceJson, tempTree, ROOT, type JsonFinding } from './run';
import { RACE_FREE, RACY } from './gosrc';

const FINDING_KEYS = ['file', 'fixes', 'message', 'range', 'related', 'rule', 'severity'];

function assertRange(r: JsonFinding['range'], where: string) {
  for (const p of [r.start, r.end]) {
    assert.deepEqual(Object.keys(p).sort(), ['character', 'line'], where);
    assert.ok(Number.isInteger(p.line) && p.line >= 0, where);
    assert.ok(Number.isInteger(p.character) && p.character >= 0, where);
  }
  assert.deepEqual(Object.keys(r).sort(), ['end', 'start'], where);
}

function assertShape(f: JsonFinding) {
  const where = JSON.stringify(f);
  assert.deepEqual(Object.keys(f).sort(), FINDING_KEYS, where);
  assert.ok(RULES.some((r) => r.id === f.rule), where);
  assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), where);
  assert.equal(typeof f.message, 'string');
  assert.ok(f.message.length > 0);
  assertRange(f.range, where);
  for (const r of f.related) {
    assert.deepEqual(Object.keys(r).sort(), ['file', 'message', 'range'], where);
    assertRange(r.range, where);
  }
  for (const x of f.fixes) {
    assert.deepEqual(Object.keys(x).sort(), ['preferred', 'title'], where);
    assert.equal(typeof x.preferred, 'boolean');
  }
}

test('json on examples/: one array of findings in the SPEC shape, exit 1', () => {
  const { run, findings } = mapraceJson(['examples/']);
  assert.equal(run.status, 1, run.stderr);
  assert.ok(findings.length > 0, 'examples/ has races');
  for (const f of findings) {
    assertShape(f);
    assert.ok(f.file.startsWith('examples/') && f.file.endsWith('.go'), `relative path as given: ${f.file}`);
    const lines = fs.readFileSync(path.join(ROOT, f.file), 'utf8').split('\n');
    assert.ok(f.range.start.line < lines.length, 'line inside the file');
  }
  assert.ok(findings.some((f) => f.rule === 'concurrent-map-access' && f.severity === 'error'));
});

test('a race-free package exits 0 with an empty array', () => {
  const dir = tempTree({ 'go.mod': 'module example.com/clean\n\ngo 1.19\n', 'clean.go': RACE_FREE });
  const { run, findings } = mapraceJson([dir]);
  assert.deepEqual(findings, []);
  assert.equal(run.status, 0, run.stderr);
});

test('a racy package exits 1 and names the racing write', () => {
  const dir = tempTree({ 'racy.go': RACY });
  const { run, findings } = mapraceJson([dir]);
  assert.equal(run.status, 1, run.stderr);
  const line = RACY.split('\n').findIndex((l) => l.includes('hits[k]++'));
  assert.ok(findings.some((f) => f.range.start.line === line), JSON.stringify(findings));
  assert.ok(findings.every((f) => f.file === path.join(dir, 'racy.go')));
});

test('bad usage exits 2 with a message on stderr', () => {
  const cases: [string[], RegExp][] = [
    [['--bogus', 'examples/'], /unknown option --bogus/],
    [['--format', 'xml', 'examples/'], /unknown format "xml"/],
    [['--format'], /--format needs a value/],
    [['--rule', 'no-such-rule=off', 'examples/'], /unknown rule "no-such-rule"/],
    [['--rule', 'concurrent-map-access=loud', 'examples/'], /unknown level "loud"/],
    [['--rule', 'concurrent-map-access', 'examples/'], /--rule expects ID=LEVEL/],
    [[], /no PATH given/],
    [['does/not/exist'], /does\/not\/exist: no such file or directory/],
  ];
  const notGo = tempTree({ 'notes.txt': 'package p\n' });
  cases.push([[`${notGo}/notes.txt`], /notes\.txt: not a Go file/]);
  for (const [args, message] of cases) {
    const run = maprace(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '', 'nothing on stdout');
  }
});

test('--help and --version exit 0', () => {
  const help = maprace(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: maprace \[--format text\|json\|sarif\]/);
  const version = maprace(['--version']);
  assert.equal(version.status, 0);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  assert.equal(version.stdout, `maprace ${pkg.version}\n`);
});

test('sarif: 2.1.0 log with every rule and 1-based locations matching the json output', () => {
  const { findings } = mapraceJson(['examples/']);
  const run = maprace(['--format', 'sarif', 'examples/']);
  assert.equal(run.status, 1, run.stderr);
  const log = JSON.parse(run.stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const sarifRun = log.runs[0];
  assert.equal(sarifRun.tool.driver.name, 'maprace');
  assert.match(sarifRun.tool.driver.informationUri, /^https:\/\//);
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
  assert.match(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  const rules = sarifRun.tool.driver.rules;
  assert.deepEqual(rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
  for (const r of rules) {
    assert.ok(r.shortDescription.text && r.fullDescription.text && r.help.text);
    assert.equal(r.helpUri, ruleDocsUrl(r.id));
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level));
  }
  assert.equal(sarifRun.results.length, findings.length);
  sarifRun.results.forEach((res: any, i: number) => {
    const f = findings[i];
    assert.equal(res.ruleId, f.rule);
    assert.equal(rules[res.ruleIndex].id, f.rule);
    assert.equal(res.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[f.severity]);
    assert.equal(res.message.text, f.message);
    const loc = res.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(loc.artifactLocation.uri, f.file);
    assert.equal(loc.region.startLine, f.range.start.line + 1);
    assert.equal(loc.region.startColumn, f.range.start.character + 1);
    assert.equal(loc.region.endLine, f.range.end.line + 1);
    assert.equal(loc.region.endColumn, f.range.end.character + 1);
    assert.equal(res.relatedLocations.length, f.related.length);
    res.relatedLocations.forEach((rel: any, j: number) => {
      assert.equal(rel.physicalLocation.region.startLine, f.related[j].range.start.line + 1);
      assert.equal(rel.message.text, f.related[j].message);
    });
  });
});

test('text: file:line:col: severity: message [rule], related lines indented, summary on stderr', () => {
  const { findings } = mapraceJson(['examples/']);
  const run = maprace(['examples/']);
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  const heads = lines.filter((l) => !l.startsWith(' '));
  assert.equal(heads.length, findings.length);
  heads.forEach((l, i) => {
    const f = findings[i];
    assert.equal(l, `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.rule}]`);
  });
  const related = findings.reduce((n, f) => n + f.related.length, 0);
  assert.equal(lines.length - heads.length, related);
  for (const l of lines.filter((x) => x.startsWith(' '))) assert.match(l, /^ {4}examples\/\S+\.go:\d+:\d+: \S/);
  const errors = findings.filter((f) => f.severity === 'error').length;
  assert.match(run.stderr, new RegExp(`^maprace: ${findings.length} problems? \\(${errors} errors?.*\\) in \\d+ files?\\n$`));
});

test('--rule changes severities: off silences (exit 0), info does not fail the run, warning does', () => {
  const off = mapraceJson(['--rule', 'concurrent-map-access=off', 'examples/']);
  assert.equal(off.run.status, 0, off.run.stderr);
  assert.deepEqual(off.findings, []);
  const info = mapraceJson(['--rule', 'concurrent-map-access=info', 'examples/']);
  assert.equal(info.run.status, 0, info.run.stderr);
  assert.ok(info.findings.length > 0);
  assert.ok(info.findings.every((f) => f.severity === 'information'));
  const warn = mapraceJson(['--rule=concurrent-map-access=warning', 'examples/']);
  assert.equal(warn.run.status, 1);
  assert.ok(warn.findings.length > 0 && warn.findings.every((f) => f.severity === 'warning'));
});
