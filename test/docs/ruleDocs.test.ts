// Every rule of the catalog has its page under docs/rules/, the page the diagnostics link to, and the
// page's first Go example is a real, gofmt-clean, vet-clean Go file on which maprace reports that rule.
import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzePackage, RULES, ruleDocsUrl } from '../../server/src/analysis/index';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { findGo, runGoPath } from '../support/goTool';
import { ROOT } from '../cli/run';

const REQUIRED_SECTIONS = ['Why it matters', 'A racy example', 'What stays silent', 'How to fix it', 'Suppressing a finding'];

const pagePath = (id: string) => `docs/rules/${id}.md`;

/** The body of the first ```go fenced block, or undefined. */
function firstGoBlock(markdown: string): string | undefined {
  return /^```go\n([\s\S]*?)^```$/m.exec(markdown)?.[1];
}

// One GOPATH for every example: src/<rule id>/example.go.
const gopath = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-ruledocs-'));
after(() => fs.rmSync(gopath, { recursive: true, force: true }));

type Parser = Awaited<ReturnType<typeof createGoParser>>;
let parser: Promise<Parser> | undefined;
after(async () => (await parser)?.delete());

test('firstGoBlock takes the first go fence only', () => {
  const md = '# x\n\n```\nfatal error\n```\n\n```go\npackage a\n\nfunc f() {}\n```\n\n```go\npackage b\n```\n';
  assert.equal(firstGoBlock(md), 'package a\n\nfunc f() {}\n');
  assert.equal(firstGoBlock('```sh\nls\n```\n'), undefined);
});

test('every page under docs/rules/ belongs to a rule of the catalog', () => {
  const ids = new Set(RULES.map((r) => r.id));
  const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
  assert.deepEqual(pages.filter((f) => !ids.has(f.replace(/\.md$/, ''))), []);
});

for (const { id } of RULES) {
  test(`${id}: documentation page`, async (t) => {
    const file = path.join(ROOT, pagePath(id));
    assert.ok(fs.existsSync(file), `${pagePath(id)} is missing`);
    const md = fs.readFileSync(file, 'utf8');

    await t.test('title, sections and the diagnostics link', () => {
      assert.match(md, new RegExp(`^# \`${id}\`$`, 'm'));
      const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      assert.deepEqual(REQUIRED_SECTIONS.filter((s) => !headings.includes(s)), [], `headings: ${headings.join(' | ')}`);
      assert.ok(ruleDocsUrl(id).endsWith(`/${pagePath(id)}`), `${ruleDocsUrl(id)} does not end with /${pagePath(id)}`);
      assert.match(md, new RegExp(`//maprace:ignore ${id} \\S`), 'the suppression section shows the rule-specific comment');
    });

    const source = firstGoBlock(md);
    const dir = path.join(gopath, 'src', id);
    const goFile = path.join(dir, 'example.go');
    await t.test('the first go block is a complete Go file', () => {
      assert.ok(source, 'no ```go block');
      assert.match(source, /^package \w+$/m, 'no package clause');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(goFile, source);
    });
    if (!source) return;

    await t.test('the first go block passes gofmt -l and go vet', (st) => {
      const go = findGo();
      if ('missing' in go) return st.skip(`go not found on PATH: ${go.missing}`);
      const goroot = runGoPath(go.bin, gopath, ['env', 'GOROOT']);
      assert.equal(goroot.status, 0, goroot.output);
      const fmt = runGoPath(path.join(goroot.output.trim(), 'bin', 'gofmt'), gopath, ['-l', goFile]);
      assert.equal(fmt.status, 0, fmt.output);
      assert.equal(fmt.output, '', 'gofmt -l lists the example: it is not gofmt-clean');
      const vet = runGoPath(go.bin, gopath, ['vet', `./${id}`]);
      assert.equal(vet.status, 0, `go vet failed:\n${vet.output}`);
    });

    parser ??= createGoParser();
    const sourceFile = parseSourceFile(await parser, goFile, source);
    const findings = analyzePackage([sourceFile]);
    const reported = findings.some((f) => f.rule === id);
    await t.test(`analyzePackage reports ${id} on the first go block`, () => {
      assert.equal(sourceFile.root.hasError, false, 'the grammar must parse the example without ERROR nodes');
      assert.ok(reported, `no ${id} finding; got: ${findings.map((f) => `${f.rule}: ${f.message}`).join('; ') || 'none'}`);
    });
  });
}
