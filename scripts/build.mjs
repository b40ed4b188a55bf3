// Build: copy the Go grammar into grammars/ (with provenance), bundle client, server, CLI and tests.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withTests = !process.argv.includes('--no-tests');

function copyGrammars() {
  const grammarsDir = join(root, 'grammars');
  mkdirSync(grammarsDir, { recursive: true });
  const sources = [
    ['tree-sitter-wasms', 'out/tree-sitter-go.wasm', 'tree-sitter-go.wasm'],
    ['web-tree-sitter', 'tree-sitter.wasm', 'tree-sitter.wasm'],
  ];
  const lines = [
    '# grammars/',
    '',
    'Copied by `npm run build` (scripts/build.mjs); the server loads these bytes and nothing else.',
    '',
    '| file | package | version | sha256 |',
    '|---|---|---|---|',
  ];
  for (const [pkg, from, to] of sources) {
    const pkgDir = join(root, 'node_modules', pkg);
    const version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
    copyFileSync(join(pkgDir, from), join(grammarsDir, to));
    const sha = createHash('sha256').update(readFileSync(join(grammarsDir, to))).digest('hex');
    lines.push(`| ${to} | ${pkg} (${from}) | ${version} | ${sha} |`);
  }
  writeFileSync(join(grammarsDir, 'PROVENANCE.md'), lines.join('\n') + '\n');
}

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') continue;
    if (statSync(full).isDirectory()) out.push(...testEntries(full));
    else if (name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // The ESM build reads import.meta.url, which a CJS bundle lacks.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
};

copyGrammars();
await Promise.all([
  esbuild.build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  esbuild.build({
    ...common,
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts' },
    outdir: 'dist',
  }),
  withTests &&
    esbuild.build({
      ...common,
      entryPoints: testEntries(join(root, 'test')).map((f) => relative(root, f)),
      outdir: 'out',
      outbase: '.',
      external: ['vscode', 'playwright-core', '@vscode/test-electron'],
    }),
]);
