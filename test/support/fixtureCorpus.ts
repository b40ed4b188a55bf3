// The Go fixture corpus (analysistest layout): test/testdata/src/<rule>/<case>/*.go with `// want "re"` comments.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../server/src/analysis/types';

export interface Want {
  file: string;
  /** 1-based, as editors and Go print it. */
  line: number;
  pattern: string;
  regexp: RegExp;
}

export interface FixtureFile {
  path: string;
  text: string;
}

/** A `// race: why` comment: the race detector reports this line, but no finding is wanted here. */
export interface RaceOnly {
  file: string;
  line: number;
  reason: string;
}

export interface FixtureCase {
  /** The rule directory under src/, e.g. `concurrent-map-access`. */
  rule: string;
  name: string;
  dir: string;
  files: FixtureFile[];
  wants: Want[];
  raceOnly: RaceOnly[];
  /** A case with any want is a race fixture: `go test -race` must fail on it. */
  racy: boolean;
}

/**
 * What a case's own Go test proves about its rule. `race`: positives fail `go test -race` with a map race
 * at the wanted lines, twins pass. `fails`: a bug that is not a data race (a nil dereference on a missing
 * key, a lost check-then-act update): positives' tests fail without a map race, twins pass. `passes`: the
 * finding is waste, not a bug (a redundant Delete): every case's test passes, and the fix must keep it so.
 */
export type Proof = 'race' | 'fails' | 'passes';

const PROOF: Readonly<Record<string, Proof>> = {
  'syncmap-check-then-act': 'fails',
  'syncmap-redundant-delete': 'passes',
  'unchecked-map-lookup': 'fails',
};

export function proofOf(rule: string): Proof {
  return PROOF[rule] ?? 'race';
}

/** test/testdata, found by walking up from the running bundle (out/test) or the source (test/). */
export function testdataDir(start: string = __dirname): string {
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'test', 'testdata');
    if (fs.existsSync(path.join(candidate, 'src'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error(`test/testdata/src not found above ${start}`);
}

/** The rule directories under src/, sorted. */
export function ruleDirs(root = testdataDir()): string[] {
  return fs
    .readdirSync(path.join(root, 'src'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function loadCases(rule: string, root = testdataDir()): FixtureCase[] {
  const ruleDir = path.join(root, 'src', rule);
  return fs
    .readdirSync(ruleDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(ruleDir, name);
      const files = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.go'))
        .sort()
        .map((f) => ({ path: path.join(dir, f), text: fs.readFileSync(path.join(dir, f), 'utf8') }));
      const wants = files.flatMap(parseWants);
      const raceOnly = files.flatMap(parseRaceOnly);
      return { rule, name, dir, files, wants, raceOnly, racy: wants.length > 0 };
    });
}

/** The `// want "re1" `re2`` expectations of one file; a malformed one throws with its position. */
export function parseWants(file: FixtureFile): Want[] {
  const wants: Want[] = [];
  file.text.split(/\r?\n/).forEach((text, i) => {
    const m = /\/\/\s*want\s+(.*)$/.exec(text);
    if (!m) return;
    const where = `${path.basename(file.path)}:${i + 1}`;
    let patterns: string[];
    try {
      patterns = parseGoStrings(m[1]!);
    } catch (err) {
      throw new Error(`${where}: bad want comment: ${(err as Error).message}`);
    }
    if (!patterns.length) throw new Error(`${where}: want comment without a pattern`);
    for (const pattern of patterns) {
      let regexp: RegExp;
      try {
        regexp = new RegExp(pattern);
      } catch (err) {
        throw new Error(`${where}: bad want regexp ${JSON.stringify(pattern)}: ${(err as Error).message}`);
      }
      wants.push({ file: file.path, line: i + 1, pattern, regexp });
    }
  });
  return wants;
}

/** The `// race: reason` lines of one file (the unreported side of a race, e.g. the locked setter). */
export function parseRaceOnly(file: FixtureFile): RaceOnly[] {
  const out: RaceOnly[] = [];
  file.text.split(/\r?\n/).forEach((text, i) => {
    const m = /\/\/\s*race:\s*(.*)$/.exec(text);
    if (m) out.push({ file: file.path, line: i + 1, reason: m[1]!.trim() });
  });
  return out;
}

// A struct field of map type (`counts map[string]int`): a want there is about the declaration, not an access.
const MAP_FIELD_DECL = /^\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\s+map\[/;

/**
 * The `file.go:LINE` keys `go test -race` must report as accesses: every want line except map field
 * declarations, plus the `// race:` lines.
 */
export function expectedRaceLines(c: FixtureCase): Set<string> {
  const key = (file: string, line: number) => `${path.basename(file)}:${line}`;
  const lineText = (file: string, line: number) =>
    c.files.find((f) => f.path === file)?.text.split(/\r?\n/)[line - 1] ?? '';
  const out = new Set<string>();
  for (const w of c.wants) if (!MAP_FIELD_DECL.test(lineText(w.file, w.line))) out.add(key(w.file, w.line));
  for (const r of c.raceOnly) out.add(key(r.file, r.line));
  return out;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

/** Parses a whitespace-separated run of Go string literals ("interpreted" or `raw`). */
export function parseGoStrings(src: string): string[] {
  const out: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < src.length && /\s/.test(src[i]!)) i++;
  };
  for (skipSpace(); i < src.length; skipSpace()) {
    const quote = src[i];
    if (quote === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) throw new Error('unterminated raw string');
      out.push(src.slice(i + 1, end));
      i = end + 1;
    } else if (quote === '"') {
      let s = '';
      for (i++; ; i++) {
        if (i >= src.length) throw new Error('unterminated string');
        const c = src[i]!;
        if (c === '"') break;
        if (c !== '\\') {
          s += c;
          continue;
        }
        const e = src[++i] ?? '';
        const hex = { x: 2, u: 4, U: 8 }[e];
        if (SIMPLE_ESCAPES[e] !== undefined) s += SIMPLE_ESCAPES[e];
        else if (hex) {
          const digits = src.slice(i + 1, i + 1 + hex);
          if (!new RegExp(`^[0-9a-fA-F]{${hex}}$`).test(digits)) throw new Error(`bad \\${e} escape`);
          s += String.fromCodePoint(parseInt(digits, 16));
          i += hex;
        } else if (/[0-7]/.test(e)) {
          const digits = src.slice(i, i + 3);
          if (!/^[0-7]{3}$/.test(digits)) throw new Error('bad octal escape');
          s += String.fromCharCode(parseInt(digits, 8));
          i += 2;
        } else throw new Error(`unknown escape \\${e}`);
      }
      out.push(s);
      i++;
    } else {
      throw new Error(`expected a quoted regexp at ${JSON.stringify(src.slice(i))}`);
    }
  }
  return out;
}

/**
 * analysistest's comparison: each finding must match a not-yet-used want on its own line, and each want
 * must be matched by exactly one finding. Returns one readable line per problem (empty when all agree).
 */
export function compareWithWants(wants: readonly Want[], findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const used = new Set<Want>();
  const where = (file: string, line: number) => `${path.basename(file)}:${line}`;
  const sameFile = (a: string, b: string) => path.resolve(a) === path.resolve(b);
  for (const f of findings) {
    const line = f.range.start.line + 1;
    const onLine = wants.filter((w) => sameFile(w.file, f.file) && w.line === line);
    const match = onLine.find((w) => !used.has(w) && w.regexp.test(f.message));
    if (match) {
      used.add(match);
      continue;
    }
    if (!onLine.length) problems.push(`${where(f.file, line)}: unexpected finding (false positive): ${f.message}`);
    else
      problems.push(
        `${where(f.file, line)}: finding matches no unused want on its line (message mismatch or duplicate): ${f.message}\n` +
          onLine.map((w) => `      want ${JSON.stringify(w.pattern)}${used.has(w) ? ' (already matched)' : ''}`).join('\n'),
      );
  }
  for (const w of wants) {
    if (used.has(w)) continue;
    const others = findings.filter((f) => sameFile(w.file, f.file) && f.range.start.line + 1 === w.line);
    problems.push(
      `${where(w.file, w.line)}: no finding matched want ${JSON.stringify(w.pattern)}` +
        (others.length ? ` (findings on this line: ${others.map((f) => JSON.stringify(f.message)).join(', ')})` : ' (missed)'),
    );
  }
  return problems;
}
