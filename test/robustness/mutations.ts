// Mutations of real Go source for the fuzzer: what editors send mid-keystroke, what generators and bad
// encodings produce, and nesting no parser-recursive walk survives. Every choice comes from one seeded
// generator, so a failing mutant is replayed from its seed.

export { prng as rng } from '../support/prng';

export type Random = () => number;

const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, xs: readonly T[]): T => xs[int(r, xs.length)];

/** Tokens a half-typed edit leaves behind, plus encodings and scripts that trip up offset arithmetic. */
const PIECES = [
  '{', '}', '(', ')', '[', ']', '"', '`', "'", '/*', '*/', '//', '\n', '\r', '\r\n', '\t', ' ', ';', ',', '.', ':=', '=',
  '<-', '...', 'go ', 'defer ', 'func', 'func() {', 'map[string]int{}', 'm[k]', 'mu.Lock()', 'mu.Unlock()', 'sync.Map',
  'if ', 'for ', 'range ', 'select {', 'case ', 'return', 'package p\n', 'import "sync"\n', '\u0000', '\uFFFD',
  '日本語', '변수', '😀', '👩‍👩‍👧', '\u200B', '\u2028', '\uD800', '\uDFFF', 'é', 'ﬃ',
];

/** Truncated anywhere: the state of a file while it is being written or copied. */
export function truncate(r: Random, text: string): string {
  return text.slice(0, int(r, text.length + 1));
}

/** A handful of random insertions, deletions and replacements. */
export function byteEdits(r: Random, text: string): string {
  let out = text;
  const n = 1 + int(r, 12);
  for (let i = 0; i < n; i++) {
    const at = int(r, out.length + 1);
    const kind = int(r, 3);
    const len = int(r, 8);
    if (kind === 0) out = out.slice(0, at) + pick(r, PIECES) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + len);
    else out = out.slice(0, at) + pick(r, PIECES) + out.slice(at + len);
  }
  return out;
}

/** Some braces, parentheses or brackets deleted: unbalanced blocks for the whole rest of the file. */
export function deleteBrackets(r: Random, text: string): string {
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) if ('{}()[]'.includes(text[i])) positions.push(i);
  if (!positions.length) return text;
  const drop = new Set<number>();
  const n = 1 + int(r, Math.min(20, positions.length));
  for (let i = 0; i < n; i++) drop.add(pick(r, positions));
  let out = '';
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) out += text[i];
  return out;
}

/** Lines duplicated, dropped or swapped: a bad merge or paste. */
export function shuffleLines(r: Random, text: string): string {
  const lines = text.split('\n');
  const n = 1 + int(r, 6);
  for (let i = 0; i < n && lines.length > 1; i++) {
    const a = int(r, lines.length);
    const b = int(r, lines.length);
    const kind = int(r, 3);
    if (kind === 0) lines.splice(b, 0, ...lines.slice(Math.min(a, b), Math.max(a, b) + 1).slice(0, 50));
    else if (kind === 1) lines.splice(a, 1 + int(r, 5));
    else [lines[a], lines[b]] = [lines[b], lines[a]];
  }
  return lines.join('\n');
}

/** Bytes that are not UTF-8, decoded as the CLI and the server read files (U+FFFD), or kept as lone surrogates. */
export function notUtf8(r: Random, text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const junk = [0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0xf8, 0xc3];
  const out: number[] = [];
  for (const b of bytes) {
    if (r() < 0.01) out.push(pick(r, junk));
    out.push(b);
  }
  const decoded = Buffer.from(out).toString('utf8');
  if (r() < 0.5) return decoded;
  // An LSP client may send what JSON allows: unpaired surrogates.
  const at = int(r, decoded.length + 1);
  return decoded.slice(0, at) + '\uD83D' + decoded.slice(at);
}

/** Windows line ends everywhere, old-Mac lone CRs, or a mixture. */
export function lineEnds(r: Random, text: string): string {
  const kind = int(r, 3);
  if (kind === 0) return text.replace(/\r?\n/g, '\r\n');
  if (kind === 1) return text.replace(/\r?\n/g, '\r');
  return text.replace(/\r?\n/g, () => pick(r, ['\n', '\r\n', '\r']));
}

/** Wide and astral characters in identifiers, strings and comments: UTF-16 offsets differ from bytes. */
export function wideCharacters(r: Random, text: string): string {
  const wide = ['日本', '変数', '😀', '🚀x', 'μ', 'ñ', '𝔘', '中文名'];
  return text.replace(/\b([a-z][A-Za-z0-9]*)\b/g, (name) => (r() < 0.05 ? `${name}${pick(r, wide)}` : name)).replace(/"([^"\n]*)"/g, (s) => (r() < 0.3 ? `"${pick(r, wide)}${s.slice(1)}` : s)) + `\n// ${pick(r, wide)} 👩‍👩‍👧 end\n`;
}

/** Lines of another file pasted in: valid Go in contexts it was not written for. */
export function crossover(r: Random, text: string, donors: readonly string[]): string {
  const donor = pick(r, donors).split('\n');
  const from = int(r, donor.length);
  const piece = donor.slice(from, from + 1 + int(r, 40));
  const lines = text.split('\n');
  lines.splice(int(r, lines.length + 1), 0, ...piece);
  return lines.join('\n');
}

/** A few line ranges wrapped in goroutines, closures, loops, locks or conditions: new orderings and scopes. */
export function wrapLines(r: Random, text: string): string {
  const wrappers: [string, string][] = [
    ['go func() {', '}()'], ['defer func() {', '}()'], ['func() {', '}()'], ['for {', '}'], ['for range m {', '}'],
    ['if k != "" {', '}'], ['mu.Lock()', 'mu.Unlock()'], ['mu.RLock()', 'mu.RUnlock()'], ['select {\ncase <-done:', '}'],
    ['f := func() {', '}\nf()\ngo f()'], ['switch {\ncase true:', '}'], ['{', '}'],
  ];
  const lines = text.split('\n');
  const n = 1 + int(r, 4);
  for (let i = 0; i < n; i++) {
    const a = int(r, lines.length);
    const b = Math.min(lines.length, a + 1 + int(r, 15));
    const [open, close] = pick(r, wrappers);
    lines.splice(b, 0, close);
    lines.splice(a, 0, open);
  }
  return lines.join('\n');
}

/** An identifier renamed to another one of the file: shadowing, aliasing, and names that now collide. */
export function renameIdentifiers(r: Random, text: string): string {
  const names = [...new Set(text.match(/\b[A-Za-z_][A-Za-z0-9_]*\b/g) ?? [])];
  if (names.length < 2) return text;
  let out = text;
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const from = pick(r, names);
    const to = pick(r, names);
    out = out.replace(new RegExp(`\\b${from}\\b`, 'g'), (m) => (r() < 0.5 ? to : m));
  }
  return out;
}

/** A run of lines joined into one with `; `: one-line functions and blocks, as some people write them. */
export function joinLines(r: Random, text: string): string {
  const lines = text.split('\n');
  const a = int(r, lines.length);
  const b = Math.min(lines.length, a + 2 + int(r, 12));
  lines.splice(a, b - a, lines.slice(a, b).map((l) => l.trim()).join('; ').replace(/\{; /g, '{ ').replace(/; \}/g, ' }'));
  return lines.join('\n');
}

/** Synchronization removed: `go`, `defer`, unlocks, waits and channel operations dropped here and there. */
export function dropSync(r: Random, text: string): string {
  return text.replace(/\b(go |defer )|\.(Unlock|RUnlock|Wait|Done|Lock|RLock)\(\)|<-/g, (m) => (r() < 0.3 ? (m.startsWith('.') ? '.String()' : '') : m));
}

const MUTATIONS = { truncate, byteEdits, deleteBrackets, shuffleLines, notUtf8, lineEnds, wideCharacters, wrapLines, joinLines, renameIdentifiers, dropSync } as const;

/** Applies 1 to 3 random mutations in a row (or a crossover with `donors`); returns their names, for the failure message. */
export function mutate(r: Random, text: string, donors: readonly string[] = []): { text: string; applied: string[] } {
  const names = [...(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[]), ...(donors.length ? ['crossover' as const] : [])];
  const applied: string[] = [];
  let out = text;
  const n = 1 + int(r, 3);
  for (let i = 0; i < n; i++) {
    const name = pick(r, names);
    applied.push(name);
    out = name === 'crossover' ? crossover(r, out, donors) : MUTATIONS[name](r, out);
  }
  return { text: out, applied };
}

const rep = (s: string, n: number) => s.repeat(n);

/** A package with a racy map around `body` (inside a goroutine, so the rules and their fixes all run). */
function racyAround(body: string): string {
  return `package p\n\nimport "sync"\n\nvar m = map[string]int{}\nvar mu sync.Mutex\n\ntype T struct {\n\tf map[string]*T\n\tmu sync.Mutex\n}\n\nfunc (t *T) G() *T { return t }\n\nfunc F(k string, t *T) {\n\tgo func() {\n\t\tm[k] = 1\n\t}()\n\tgo func() {\n${body}\n\t}()\n}\n`;
}

/** Nesting `n` levels deep, in every shape the analysis recurses through. */
export const NESTINGS: Record<string, (n: number) => string> = {
  parentheses: (n) => racyAround(`m[k] = ${rep('(', n)}m[k]${rep(')', n)}`),
  ifs: (n) => racyAround(rep('if k != "" {\n', n) + 'm[k]++\n' + rep('}\n', n)),
  elseIfs: (n) => racyAround('if k == "" {\n' + Array.from({ length: n }, (_, i) => `} else if k == "${i}" {\nm[k]++\n`).join('') + '}\n'),
  blocks: (n) => racyAround(rep('{\n', n) + 'm[k]++\n' + rep('}\n', n)),
  funcLiterals: (n) => racyAround(rep('func() {\n', n) + 'm[k]++\n' + rep('}()\n', n)),
  goroutines: (n) => racyAround(rep('go func() {\n', n) + 'm[k]++\n' + rep('}()\n', n)),
  calls: (n) => racyAround(`m[k] = ${rep('len(string(rune(', n)}m[k]${rep(')))', n)}`),
  indexes: (n) => racyAround(`m[${rep('k + string(rune(m[', n)}k${rep(']))', n)}] = 1`),
  unary: (n) => racyAround(`m[k] = ${rep('- ', n)}m[k]`),
  selectors: (n) => racyAround(`t${rep('.f[k]', n)} = nil`),
  methodChain: (n) => racyAround(`t${rep('.G()', n)}.f[k] = nil`),
  composites: (n) => racyAround(`x := ${rep('[]interface{}{', n)}m[k]${rep('}', n)}\n_ = x`),
  fors: (n) => racyAround(rep('for i := 0; i < 1; i++ {\n', n) + 'm[k]++\n' + rep('}\n', n)),
  switches: (n) => racyAround(rep('switch k {\ncase "a":\n', n) + 'm[k]++\n' + rep('}\n', n)),
  selects: (n) => racyAround(rep('select {\ndefault:\n', n) + 'm[k]++\n' + rep('}\n', n)),
  mapTypes: (n) => racyAround(`var x ${rep('map[string]', n)}int\n_ = x\nm[k]++`),
  structTypes: (n) => racyAround(`var x ${rep('struct{ f ', n)}map[string]int${rep(' }', n)}\n_ = x\nm[k]++`),
  andChain: (n) => racyAround(`if v, ok := m[k]; ok${rep(' && v > 0', n)} {\nm[k]++\n}`),
  plusChain: (n) => racyAround(`s := "a"${rep(' + "b"', n)}\n_ = s\nm[k]++`),
};

/** A `+` chain of `n` strings at package level, like GOROOT's time/tzdata/zipdata.go: flat, not nested. */
export function packageLevelChain(n: number): string {
  return `package p\n\nconst data = ""${rep(' +\n\t"\\x00abc"', n)}\n\nvar m = map[string]int{}\n\nfunc F() {\n\tgo func() { m["a"] = 1 }()\n\tm["b"] = 2\n}\n`;
}

/** `bytes` of generated Go (a byte-slice literal, as go-bindata writes) in package `pkg`, with a map type. */
export function hugeFile(bytes: number, pkg = 'p'): string {
  const head = `package ${pkg}\n\nvar index = map[string]int{}\n\nvar blob = []byte{\n`;
  const line = '\t0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xec, 0xbd, 0x7b, 0x73, 0xdb, 0x46,\n';
  const body = line.repeat(Math.floor((bytes - head.length - 2) / line.length));
  return (head + body + '}\n').padEnd(bytes, '\n');
}

/** A package file with one race (reported at both accesses), for next to a file that is skipped. */
export function racyFile(pkg = 'p', fn = 'f'): string {
  return `package ${pkg}\n\nfunc ${fn}() {\n\tm := map[string]int{}\n\tdone := make(chan bool)\n\tgo func() { m["a"] = 1; done <- true }()\n\t_ = m["b"]\n\t<-done\n}\n`;
}

/** A package whose analysis takes seconds while every file is under the limits: `copies` functions with goroutines nested `depth` deep. */
export function slowPackage(copies: number, depth: number): string {
  const fns = Array.from({ length: copies }, (_, i) => `func F${i}(k string) {\n\tgo func() {\n\t\tm[k] = 1\n\t}()\n${rep('go func() {\n', depth)}m[k]++\n${rep('}()\n', depth)}}\n`);
  return `package slow\n\nvar m = map[string]int{}\n\n${fns.join('\n')}`;
}

/**
 * `bytes` of syntax errors that tree-sitter's error recovery takes minutes over (70 KB: 0.6 s, 230 KB: over
 * 5 s, 1.8 MB: not done after 5 minutes): what the parse timeout is for.
 */
export function pathologicalErrors(bytes: number, pkg = 'p'): string {
  return `package ${pkg}\n` + 'func ( { ) } [ ] x y z\n'.repeat(Math.ceil(bytes / 24));
}

const pre = 'package p\n\nimport "sync"\n\n';

/** Packages that are odd in meaning rather than syntax: cycles in types, calls and closures, duplicates, shadowed builtins. */
export const ODD_PACKAGES: Record<string, string> = {
  embedCycle: pre + 'type A struct { B; mu sync.Mutex; m map[string]int }\ntype B struct { A }\nfunc (a *A) F() { go a.G(); a.m["x"] = 1; a.B.A.m["y"] = 2; a.x.m["z"] = 3 }\nfunc (a *A) G() { a.mu.Lock(); a.m["q"] = 1; a.mu.Unlock() }\n',
  embedPtrCycle: pre + 'type A struct { *B; m map[string]int }\ntype B struct { *A }\nfunc (a *A) F() { go func() { a.m["x"] = 1 }(); _ = a.q.m["y"] }\n',
  selfEmbed: pre + 'type A struct { *A; m map[string]int; mu sync.Mutex }\nfunc (a *A) F() { go func() { a.m["x"] = 1 }(); a.z["y"] = 2; a.mu.Lock() }\n',
  aliasCycle: pre + 'type A = B\ntype B = A\nvar x A\nvar m = map[string]int{}\nfunc F() { go func() { m["a"] = 1 }(); _ = x.f; m["b"] = 2 }\n',
  namedCycle: pre + 'type A B\ntype B A\ntype M map[string]M\nvar mm M\nfunc F() { go func() { mm["a"]["b"]["c"] = nil }(); mm["b"] = nil; _ = mm["x"]["y"] }\n',
  ptrSelf: pre + 'type T *T\ntype S []S\ntype C chan C\nvar t T\nvar m = map[string]T{}\nfunc F() { go func() { m["a"] = t }(); _ = *m["b"] }\n',
  recursiveFuncs: pre + 'var m = map[string]int{}\nfunc A() { B(); go A() ; m["a"] = 1 }\nfunc B() { A(); go B(); _ = m["b"] }\n',
  dupDecls: pre + 'var m = map[string]int{}\nvar m = map[string]int{}\nfunc F() {}\nfunc F() { go F(); m["a"] = 1 }\ntype T struct{ m map[int]int }\ntype T struct{ m map[int]int; mu sync.Mutex }\nfunc (t *T) F() { go t.F(); t.m[1] = 1 }\nfunc (t T) F() {}\n',
  methodOnNonStruct: pre + 'type M map[string]int\nfunc (m M) Set(k string) { m[k] = 1 }\nfunc (m *M) Get(k string) int { return (*m)[k] }\nvar g M\nfunc F() { go g.Set("a"); _ = g.Get; g.Set("b"); go (&g).Get("c") }\n',
  closureStartsItself: pre + 'var m = map[string]int{}\nfunc F() {\n\tf := func() {\n\t\tgo f()\n\t}\n\tf := func() {\n\t\tm["a"]++\n\t\tgo f()\n\t}\n\tgo f()\n}\n',
  closureSelf: pre + 'var m = map[string]int{}\nfunc F() { var f func(); f = func() { m["a"]++; f(); go f() }; f(); go f() }\n',
  closureMutual: pre + 'var m = map[string]int{}\nfunc F() { var g func(); f := func() { g(); m["a"]++ }; g = func() { f(); go f() }; go g(); f() }\n',
  shadowedBuiltins: pre + 'func F() { len := 1; delete := func(m map[string]int, k string) {}; make := 2; m := map[string]int{}; go delete(m, "a"); _ = len + make; m["b"] = 1; var sync int; _ = sync }\n',
  lockOnWeird: pre + 'var m = map[string]int{}\nfunc F() { var mu *sync.Mutex; (*mu).Lock(); mu.Lock(); sync.Mutex{}.Lock(); go func() { m["a"] = 1 }(); m["b"] = 2; (&sync.RWMutex{}).RLock() }\n',
  goNonCall: pre + 'var m = map[string]int{}\nfunc F() { go m; go; defer; go (func(){ m["a"] = 1 }); go func() {}; m["b"] = 1 }\n',
  genericish: pre + 'type Set[K comparable] struct { mu sync.Mutex; m map[K]struct{} }\nfunc (s *Set[K]) Add(k K) { s.mu.Lock(); s.m[k] = struct{}{}; s.mu.Unlock() }\nfunc (s *Set[K]) Has(k K) bool { _, ok := s.m[k]; return ok }\nfunc F[T any, M ~map[string]T](m M) { go func() { m["a"] = *new(T) }(); _ = m["b"] }\n',
  labelsGoto: pre + 'var m = map[string]int{}\nfunc F() {\nL:\n go func() { m["a"] = 1 }()\n for { select { default: break L } }\n goto L\n m["b"] = 2\n}\n',
};
