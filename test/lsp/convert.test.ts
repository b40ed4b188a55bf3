// Findings to LSP: diagnostic fields, workspace edits in both shapes, and which fixes "fix all" can combine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding, Fix, TextEdit } from '../../server/src/analysis/types';
import { ruleDocsUrl } from '../../server/src/analysis/rules/catalog';
import { combineFixes, editsOverlap } from '../../server/src/analysis/fixes/combine';
import { applyEdits } from '../../server/src/analysis/textEdits';
import { toDiagnostic, toWorkspaceEdit } from '../../server/src/features/convert';

const at = (line: number, c1: number, c2 = c1) => ({ start: { line, character: c1 }, end: { line, character: c2 } });
const edit = (file: string, line: number, c1: number, c2: number, newText: string): TextEdit => ({ file, range: at(line, c1, c2), newText });
const uriOf = (f: string) => `file://${f}`;

test('a finding becomes a diagnostic with rule, docs link, severity, related locations and its fixes', () => {
  const fix: Fix = { title: 'Guard `m` with a new sync.Mutex', preferred: true, edits: [edit('/w/a.go', 1, 0, 0, 'x')] };
  const finding: Finding = {
    file: '/w/a.go',
    rule: 'concurrent-map-access',
    severity: 'warning',
    message: 'msg',
    range: at(3, 4, 10),
    related: [{ file: '/w/b.go', range: at(7, 1, 2), message: 'the other access' }],
    fixes: [fix],
  };
  const d = toDiagnostic(finding, uriOf, 4);
  assert.deepEqual(d, {
    range: at(3, 4, 10),
    severity: 2,
    code: 'concurrent-map-access',
    codeDescription: { href: ruleDocsUrl('concurrent-map-access') },
    source: 'maprace',
    message: 'msg',
    relatedInformation: [{ location: { uri: 'file:///w/b.go', range: at(7, 1, 2) }, message: 'the other access' }],
    data: { version: 4, fixes: [fix] },
  });
});

test('workspace edits: versioned documentChanges per file, or plain changes', () => {
  const edits = [edit('/w/a.go', 1, 0, 0, 'x'), edit('/w/b.go', 2, 0, 1, 'y'), edit('/w/a.go', 5, 0, 0, 'z')];
  const versionOf = (f: string) => (f === '/w/a.go' ? 7 : null);
  assert.deepEqual(toWorkspaceEdit(edits, uriOf, versionOf, true), {
    documentChanges: [
      { textDocument: { uri: 'file:///w/a.go', version: 7 }, edits: [{ range: at(1, 0), newText: 'x' }, { range: at(5, 0), newText: 'z' }] },
      { textDocument: { uri: 'file:///w/b.go', version: null }, edits: [{ range: at(2, 0, 1), newText: 'y' }] },
    ],
  });
  assert.deepEqual(toWorkspaceEdit(edits, uriOf, versionOf, false), {
    changes: {
      'file:///w/a.go': [{ range: at(1, 0), newText: 'x' }, { range: at(5, 0), newText: 'z' }],
      'file:///w/b.go': [{ range: at(2, 0, 1), newText: 'y' }],
    },
  });
});

test('overlap: intersecting ranges and same-point inserts conflict; touching ranges and other files do not', () => {
  assert.equal(editsOverlap(edit('/a', 1, 2, 6, ''), edit('/a', 1, 5, 9, '')), true);
  assert.equal(editsOverlap(edit('/a', 1, 2, 2, 'p'), edit('/a', 1, 2, 2, 'q')), true);
  assert.equal(editsOverlap(edit('/a', 1, 2, 6, ''), edit('/a', 1, 4, 4, 'in')), true);
  assert.equal(editsOverlap(edit('/a', 1, 2, 6, ''), edit('/a', 1, 6, 8, '')), false);
  assert.equal(editsOverlap(edit('/a', 1, 2, 6, ''), edit('/b', 1, 2, 6, '')), false);
});

test('overlap: whole-line inserts at one point follow each other; mixed or partial-line inserts still conflict', () => {
  assert.equal(editsOverlap(edit('/a', 7, 1, 1, '\n\nvar aMu sync.Mutex'), edit('/a', 7, 1, 1, '\n\nvar bMu sync.Mutex')), false);
  assert.equal(editsOverlap(edit('/a', 7, 0, 0, '\tmu.Lock()\n'), edit('/a', 7, 0, 0, '\tmu2.Lock()\n')), false);
  assert.equal(editsOverlap(edit('/a', 7, 1, 1, '\nx'), edit('/a', 7, 1, 1, 'y\n')), true, 'one after, one before: order unknown');
  assert.equal(editsOverlap(edit('/a', 7, 1, 1, '\nx'), edit('/a', 7, 1, 3, '\ny')), true, 'a replacement is not an insert');
  const a = edit('/a', 2, 1, 1, '\n\nvar aMu sync.Mutex');
  const b = edit('/a', 2, 1, 1, '\n\nvar bMu sync.Mutex');
  const combined = combineFixes([{ title: 'a', preferred: true, edits: [a] }, { title: 'b', preferred: true, edits: [b] }]);
  assert.deepEqual(combined.fixes.map((f) => f.title), ['a', 'b']);
  assert.equal(applyEdits('var (\n\tx = 1\n)\n', combined.edits), 'var (\n\tx = 1\n)\n\nvar aMu sync.Mutex\n\nvar bMu sync.Mutex\n');
});

test('fix all takes fixes in order, shares identical edits, and skips a fix that conflicts', () => {
  const decl = edit('/a', 0, 12, 12, '\n\nimport "sync"');
  const one: Fix = { title: 'one', preferred: true, edits: [decl, edit('/a', 5, 0, 0, 'lock1')] };
  const two: Fix = { title: 'two', preferred: true, edits: [decl, edit('/a', 8, 0, 0, 'lock2')] };
  const clash: Fix = { title: 'clash', preferred: true, edits: [edit('/a', 5, 0, 3, 'other')] };
  const combined = combineFixes([one, clash, two]);
  assert.deepEqual(combined.fixes.map((f) => f.title), ['one', 'two']);
  assert.deepEqual(combined.edits, [decl, one.edits[1], two.edits[1]]);
});
