// Quick fix "Guard `m` with a mutex": lock around every racy access of one map, reusing a mutex that
// already guards it elsewhere or declaring one next to it: a variable beside a variable (also for the
// inner maps of a map of maps), a field beside a struct's map field (spelled `c.mu` through the same
// value that reaches the map). Where the lock cannot be added safely the fix is disabled with the reason.
import { ancestors, childByField, enclosingFunction, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { Fix, TextEdit } from '../types';
import type { Access } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import type { FieldInfo, PackageModel } from '../model/packageModel';
import type { Race, RaceFacts } from '../model/races';
import { where } from '../positions';
import { addImportEdit } from './imports';
import { aloneOnItsLine, lineIndent, eolOf } from './layout';
import { freshName } from './freshNames';
import { callsPackageCode, enclosingStatement, lockEdits, outermost, type Site } from './lockSites';
import { declareMutexField, mutexFieldName } from './mutexField';
import { whyNoMutexField } from './structCopies';

/** The map a fix is for: a struct field for all of its instances, else the variable. */
export function guardedMap(v: VarDecl): VarDecl {
  return v.field ?? v;
}

/** One guard fix per racy map, keyed by guardedMap. */
export function guardFixes(facts: RaceFacts, model: PackageModel): Map<VarDecl, Fix | undefined> {
  const races = new Map<VarDecl, Race[]>();
  for (const race of facts.races.values()) {
    const v = guardedMap(race.here.access.v);
    races.set(v, [...(races.get(v) ?? []), race]);
  }
  const fixes = new Map<VarDecl, Fix | undefined>();
  for (const [v, list] of races) fixes.set(v, guardWithMutex(v, list, facts.accesses.filter((a) => guardedMap(a.v) === v), model));
  return fixes;
}

function disabled(what: string, reason: string): Fix {
  return { title: `Guard ${what} with a mutex`, preferred: false, disabled: reason, edits: [] };
}

/** `races`: the races on `v`, one per racy access; `all`: every access of `v` seen. */
export function guardWithMutex(v: VarDecl, races: readonly Race[], all: readonly Access[], model: PackageModel): Fix | undefined {
  const racy = races.map((r) => r.here.access);
  const field = fieldOf(v, model);
  if (field) return guardField(field, racy, all, model);
  // `m`, or `m[…]` for the inner maps of `m`: one mutex next to `m` guards them all.
  const parts = /^([A-Za-z_]\w*)((?:\[…\])*)$/.exec(v.name);
  if (!parts) return undefined;
  const [, name, inner] = parts;
  const what = inner ? `the inner maps of \`${name}\`` : `\`${name}\``;
  const mutex = reusableMutex(v, all);
  const mutexName = mutex ? mutex.name : unusedIn(`${name}Mu`, v.file);
  const unguarded = racy.filter((a) => !a.locks.some((l) => l.mutex === mutex && mutex && !l.read));
  if (unguarded.length === 0) return undefined;
  if (mutex) {
    // Code that some caller already runs under the mutex (a `fooLocked` helper) would deadlock if it locked too.
    for (const a of unguarded) {
      const held = all.find((b) => b.node === a.node && b.locks.some((l) => l.mutex === mutex));
      if (held) return disabled(what, alreadyHeld(held, mutexName));
    }
  }
  // A local map whose accesses reach into other functions, or race across calls of its function (a
  // parameter shared by recursive goroutines), needs one mutex for all of them.
  const packageLevel = !mutex && (v.global || unguarded.some((a) => !withinDeclaringFunction(v, a)) || !oneCall(v, races));

  const sites = sitesOf(unguarded, all, () => mutexName);
  if (!sites) return undefined;
  const nested = nestedLocking(sites, all);
  if (nested) return disabled(what, nested);
  const locking = lockEdits(sites, all);
  if (!locking) return undefined;
  if ('reason' in locking) return disabled(what, locking.reason);

  const edits: TextEdit[] = [];
  if (!mutex) {
    const decl = declareMutex(v, mutexName, packageLevel);
    if (!decl) return undefined;
    edits.push(decl);
    const imp = addImportEdit(v.file, 'sync');
    if (imp) edits.push(imp);
  }
  edits.push(...locking.edits);
  const title = mutex
    ? `Guard ${what} with ${mutexName}.Lock()`
    : `Guard ${what} with a new ${packageLevel && !v.global ? 'package-level ' : ''}sync.Mutex`;
  // Safe to apply unreviewed (fix-all on save) when the edits only add lock and unlock lines, the mutex
  // declaration and the `sync` import (a one-line block split into lines included), the mutex is not a new
  // package-level one for a local map (that serialises every call: a design choice), and the locked
  // statements call nothing of this package (which could lock the mutex again and deadlock): only
  // builtins, conversions and other packages' functions.
  const safe = !(packageLevel && !v.global) && outermost(sites).every((s) => !callsPackageCode(s.stmt, s.file));
  return { title, preferred: true, safe, edits };
}

/**
 * A struct's map field: a new mutex field next to it, locked through the value each access reaches
 * the map through (`c.data[k]` locks `c.mu`; through an embedding struct, `r.mu`).
 */
function guardField(field: FieldInfo, racy: readonly Access[], all: readonly Access[], model: PackageModel): Fix | undefined {
  const owner = field.owner;
  const what = `\`${owner.name}.${field.name}\``;
  // A struct with a mutex already has a locking discipline: whether it should cover this map is not
  // the fix's to guess (and unguarded-map-access covers the accesses that forgot it).
  if (owner.mutexes.length || owner.embedded.some((e) => model.structs.get(e)?.mutexes.length) || all.some((a) => a.locks.length)) return undefined;
  if (owner.variants.length) return disabled(what, `${owner.name} is declared again for other builds (${where(owner.variants[0].file.path, owner.variants[0].node)}); each declaration needs the mutex`);
  const copied = whyNoMutexField(model, owner);
  if (copied) return disabled(what, copied);
  const name = mutexFieldName(model, field);
  let unnamed: string | undefined;
  const sites = sitesOf(racy, all, (a) => {
    const spelled = mutexThrough(a, field, name);
    if (!spelled && !unnamed) unnamed = `\`${nodeText(a.file, a.node)}\` (${where(a.file.path, a.node)}) reaches the map without naming the ${owner.name} it belongs to, so the lock cannot be spelled there`;
    return spelled;
  });
  if (unnamed) return disabled(what, unnamed);
  if (!sites) return undefined;
  const nested = nestedLocking(sites, all);
  if (nested) return disabled(what, nested);
  const locking = lockEdits(sites, all);
  if (!locking) return undefined;
  if ('reason' in locking) return disabled(what, locking.reason);
  const decl = declareMutexField(field, name);
  if ('reason' in decl) return disabled(what, decl.reason);
  const edits = [decl, ...locking.edits];
  const imp = addImportEdit(field.decl.file, 'sync');
  if (imp) edits.push(imp);
  // Never safe unreviewed: a new field changes the type, and a copy made in another package is not seen here.
  return { title: `Guard ${what} with a new field ${name} sync.Mutex`, preferred: true, safe: false, edits };
}

function fieldOf(v: VarDecl, model: PackageModel): FieldInfo | undefined {
  const dot = v.name.indexOf('.');
  if (!v.global || dot <= 0) return undefined;
  const info = model.structs.get(v.name.slice(0, dot))?.fields.get(v.name.slice(dot + 1));
  return info?.decl === v ? info : undefined;
}

/** `c.mu` for an access of `c.data` (or `r.mu` for `r.items` promoted from an embedded struct). */
function mutexThrough(a: Access, field: FieldInfo, name: string): string | undefined {
  let map = a.node;
  if (map.type === 'index_expression') map = childByField(map, 'operand') ?? map;
  else if (map.type === 'call_expression') map = namedChildren(childByField(map, 'arguments') ?? map)[0] ?? map;
  map = unparen(map);
  const f = map.type === 'selector_expression' ? childByField(map, 'field') : undefined;
  const operand = f && nodeText(a.file, f) === field.name ? childByField(map, 'operand') : undefined;
  const text = operand && nodeText(a.file, operand);
  return text && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(text) ? `${text}.${name}` : undefined;
}

/**
 * The statements to lock, one per access. An access inside a `range` over the same map takes the
 * whole loop: the iteration reads the map too (`for k := range m { delete(m, k) }`).
 */
function sitesOf(accesses: readonly Access[], all: readonly Access[], mutexOf: (a: Access) => string | undefined): Site[] | undefined {
  const sites: Site[] = [];
  for (const a of accesses) {
    const mutex = mutexOf(a);
    if (!mutex) return undefined;
    const stmt = enclosingStatement(rangeOverSameMap(a, all) ?? a.node);
    if (!stmt) return undefined;
    sites.push({ stmt, file: a.file, mutex });
  }
  return sites;
}

function rangeOverSameMap(a: Access, all: readonly Access[]): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const p of ancestors(a.node)) {
    if (p.type === 'func_literal' || p.type === 'function_declaration' || p.type === 'method_declaration') break;
    const clause = p.type === 'for_statement' ? p.children.find((c) => c.type === 'range_clause') : undefined;
    const right = clause && childByField(clause, 'right');
    if (right && all.some((b) => b.kind === 'iterate' && b.file === a.file && b.node.start === right.start && b.node.end === right.end)) found = p;
  }
  return found;
}

/** A site that calls a function holding another site would lock the mutex twice: Go's mutexes are not reentrant. */
function nestedLocking(sites: readonly Site[], all: readonly Access[]): string | undefined {
  const siteAt = (file: SourceFile, node: SyntaxNode) => sites.find((s) => s.file === file && s.stmt.start <= node.start && node.end <= s.stmt.end);
  for (const b of all) {
    if (!b.via?.length || !siteAt(b.file, b.node)) continue;
    for (const step of b.via) {
      const outer = siteAt(step.file, step.node);
      if (outer) {
        return `${step.callee} is called at ${where(step.file.path, step.node)} while ${outer.mutex} would be held there, and it locks ${outer.mutex} again itself: that deadlocks (Go mutexes are not reentrant)`;
      }
    }
  }
  return undefined;
}

function alreadyHeld(held: Access, mutex: string): string {
  const call = held.via?.[held.via.length - 1];
  const fn = enclosingFunctionName(held.node, held.file);
  return call
    ? `${fn} already runs with ${mutex} held when it is called at ${where(call.file.path, call.node)}, so locking ${mutex} inside it would deadlock; lock ${mutex} where it is called without it instead`
    : `${mutex} is already held here on some paths, so locking it again would deadlock`;
}

function enclosingFunctionName(node: SyntaxNode, file: SourceFile): string {
  const fn = ancestors(node).find((p) => p.type === 'function_declaration' || p.type === 'method_declaration');
  const name = fn && childByField(fn, 'name');
  return name ? nodeText(file, name) : 'this function';
}

/** A plain mutex variable already held (in write mode) at some access of the map. */
function reusableMutex(v: VarDecl, all: readonly Access[]): VarDecl | undefined {
  const counts = new Map<VarDecl, number>();
  for (const a of all) {
    for (const l of a.locks) {
      if (l.mutex && !l.read && livesAsLongAs(l.mutex, v)) counts.set(l.mutex, (counts.get(l.mutex) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** One mutex instance for the map's whole life: not declared in a narrower loop or function. */
function livesAsLongAs(mutex: VarDecl, v: VarDecl): boolean {
  if (mutex.global) return true;
  if (v.global || mutex.file !== v.file) return false;
  for (let p = mutex.node.parent; p; p = p.parent) {
    const holdsMap = p.start <= v.node.start && v.node.start < p.end;
    if (holdsMap) return true;
    if (p.type === 'for_statement' || p.type === 'func_literal') return false;
  }
  return false;
}

/** A name spelled nowhere in the file (comments and strings included, to be safe). */
function unusedIn(base: string, file: SourceFile): string {
  return freshName([base], new Set(file.text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
}

/**
 * Do the races on `v` happen within one call of the function that declares it, so that a mutex
 * declared in that call is the one both sides lock? Not when both sides are that function's own code
 * (outside the function literals it starts): one goroutine runs its own code in order, so those are two
 * calls (`go crawl(seen)` from crawl). Nor for a parameter of a function that calls itself.
 */
function oneCall(v: VarDecl, races: readonly Race[]): boolean {
  const fn = functionOf(v.node);
  if (!fn) return false;
  const direct = (a: Access) => a.file === v.file && enclosingFunction(a.node) === fn;
  if (races.some((r) => direct(r.here.access) && direct(r.other.access))) return false;
  const name = childByField(fn, 'name');
  if (v.node.parent?.type !== 'parameter_declaration' || !name || fn.type !== 'function_declaration') return true;
  let recursive = false;
  walk(fn, (n) => {
    const callee = n.type === 'call_expression' ? childByField(n, 'function') : undefined;
    if (callee?.type === 'identifier' && nodeText(v.file, callee) === nodeText(v.file, name)) recursive = true;
    return !recursive;
  });
  return !recursive;
}

function functionOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration') return p;
  }
  return undefined;
}

function withinDeclaringFunction(v: VarDecl, a: Access): boolean {
  const fn = functionOf(v.node);
  return !!fn && a.file === v.file && fn.start <= a.node.start && a.node.end <= fn.end;
}

/** `var mMu sync.Mutex` after the map's declaration: its own top-level decl, or the next statement. */
function declareMutex(v: VarDecl, name: string, packageLevel: boolean): TextEdit | undefined {
  const file = v.file;
  const eol = eolOf(file.text);
  if (packageLevel) {
    let decl: SyntaxNode | null = v.node;
    while (decl && decl.parent?.type !== 'source_file') decl = decl.parent;
    if (!decl) return undefined;
    const end = { line: decl.endPoint.row, character: decl.endPoint.column };
    return { file: file.path, range: { start: end, end }, newText: `${eol}${eol}var ${name} sync.Mutex` };
  }
  if (v.node.parent?.type === 'parameter_declaration') {
    // A parameter: declare the mutex first thing in the function body.
    const fn = functionOf(v.node);
    const body = fn && childByField(fn, 'body');
    if (!fn || !body || body.startPoint.row === body.endPoint.row) return undefined;
    const open = { line: body.startPoint.row, character: body.startPoint.column + 1 };
    return { file: file.path, range: { start: open, end: open }, newText: `${eol}${lineIndent(file, fn)}\tvar ${name} sync.Mutex` };
  }
  const stmt = enclosingStatement(v.node);
  if (!stmt || !aloneOnItsLine(file, stmt) || stmt.parent?.type !== 'block') return undefined;
  const end = { line: stmt.endPoint.row, character: stmt.endPoint.column };
  return { file: file.path, range: { start: end, end }, newText: `${eol}${lineIndent(file, stmt)}var ${name} sync.Mutex` };
}

/**
 * "Lock `c.mu` here": one access of a map that a struct's mutex guards everywhere else, wrapped in that
 * mutex spelled through the same value (`c.mu`, or `c` for an embedded mutex). `guardKey` is the lock key.
 */
export function lockAroundAccess(a: Access, mutexExpr: string, guardKey: string, all: readonly Access[]): Fix | undefined {
  const title = `Lock ${mutexExpr} around this access`;
  // Some caller already holds the guard here (a `fooLocked` helper): locking again would deadlock.
  const held = all.find((b) => b.node === a.node && b.locks.some((l) => l.key === guardKey));
  if (held) return { title, preferred: false, disabled: alreadyHeld(held, mutexExpr), edits: [] };
  const stmt = enclosingStatement(a.node);
  if (!stmt) return undefined;
  const locking = lockEdits([{ stmt, file: a.file, mutex: mutexExpr }], all.filter((b) => b.v === a.v));
  if (!locking) return undefined;
  if ('reason' in locking) return { title, preferred: false, disabled: locking.reason, edits: [] };
  return { title, preferred: true, safe: !callsPackageCode(stmt, a.file), edits: locking.edits };
}
