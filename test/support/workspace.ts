// A throwaway workspace folder for the server tests: files by relative path, written under a new temp dir.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function workspace(files: Record<string, string>, prefix = 'maprace-ws-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}
