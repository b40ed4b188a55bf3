import { test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspSession } from './lspSession';

test('repro', async () => {
  const root = '/tmp/e2ews';
  const s = await LspSession.start(root, { pull: true, documentChanges: true });
  const main = await s.open(path.join(root, 'main.go'), fs.readFileSync(path.join(root, 'main.go'), 'utf8'));
  await s.items(main);
  const uri = await s.open(path.join(root, 'tally.go'), fs.readFileSync(path.join(root, 'tally.go'), 'utf8'));
  const ds = await s.items(uri);
  const d = ds[0];
  console.log(JSON.stringify(d.range));
  for (const r of [{ start: d.range.end, end: d.range.end }, { start: d.range.start, end: d.range.start }]) {
    const a = (await s.codeActions({ textDocument: { uri }, range: r, context: { diagnostics: [d], only: ['quickfix'], triggerKind: 1 } as any })) as CodeAction[];
    console.log(a.map((x) => x.title));
  }
  await s.stop();
});
