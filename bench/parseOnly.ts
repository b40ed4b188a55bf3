// The floor for a cold scan: list the same files the CLI would, parse each once on one thread, no analysis.
// Prints one JSON line: {files, lines, bytes, parseMs, errorFiles}.
import * as fs from 'node:fs';
import { createGoParser, parseGo } from '../server/src/parsing/goParser';
import { listGoFiles } from '../server/src/project/goFiles';

async function main(roots: string[]) {
  const parser = await createGoParser();
  const files = roots.flatMap((r) => (fs.statSync(r).isDirectory() ? listGoFiles(r) : [r]));
  let lines = 0;
  let bytes = 0;
  let errorFiles = 0;
  const t0 = performance.now();
  for (const f of files) {
    const buf = fs.readFileSync(f);
    bytes += buf.length;
    const text = new TextDecoder('utf-8').decode(buf);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
    const tree = parseGo(parser, text);
    if (tree.rootNode.hasError) errorFiles++;
    tree.delete();
  }
  const parseMs = performance.now() - t0;
  parser.delete();
  process.stdout.write(JSON.stringify({ files: files.length, lines, bytes, parseMs, errorFiles }) + '\n');
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(2);
});
