// Which fixes "fix all in this file" and source.fixAll.maprace combine: never a disabled one, even if a
// producer marked it preferred and safe and left edits in it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding, Fix } from '../../server/src/analysis/index';
import { fixAllInFile, fixAllSafe } from '../../server/src/features/fixAll';

function finding(line: number, fix: Fix): Finding {
  const at = { line, character: 0 };
  return { file: '/x/main.go', rule: 'concurrent-map-access', severity: 'error', message: `race ${line}`, range: { start: at, end: at }, related: [], fixes: [fix] };
}

function insertAt(line: number, title: string, extra: Partial<Fix> = {}): Fix {
  const at = { line, character: 0 };
  return { title, preferred: true, safe: true, edits: [{ file: '/x/main.go', range: { start: at, end: at }, newText: `// ${title}\n` }], ...extra };
}

test('fix all skips disabled fixes', () => {
  const findings = [
    finding(1, insertAt(1, 'one')),
    finding(2, insertAt(2, 'disabled', { disabled: 'locking would deadlock' })),
    finding(3, insertAt(3, 'three')),
  ];
  assert.deepEqual(fixAllInFile(findings)?.fixes.map((f) => f.title), ['one', 'three']);
  assert.deepEqual(fixAllSafe(findings)?.fixes.map((f) => f.title), ['one', 'three']);
  assert.ok(!fixAllSafe(findings)!.edits.some((e) => e.newText.includes('disabled')));
});

test('with only disabled fixes there is nothing to fix all', () => {
  const findings = [finding(1, insertAt(1, 'a', { disabled: 'no' })), finding(2, insertAt(2, 'b', { disabled: 'no' }))];
  assert.equal(fixAllInFile(findings), undefined);
  assert.equal(fixAllSafe(findings), undefined);
});
