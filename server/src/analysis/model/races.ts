// The race engine: every pair of map accesses that may run at the same time with no common lock
// and no happens-before order, found by checking each timeline against the goroutines it starts.
import { sameList } from '../sameness';
import { childByField, nodeText } from '../syntax';
import type { FuncInfo, PackageModel, StructInfo } from './packageModel';
import { REPEATS, Summarizer, type FuncSummary } from './summarize';
import { inside, type Access, type Lock, type Spawn, type Timeline, type Who } from './timeline';
import { commonLock, goroutinesOverlap, spawnerOverlaps } from './ordering';
import { where } from '../positions';
import { checkBudget } from '../budget';

/** One side of a race: the access, and who runs it. */
export interface Side {
  access: Access;
  who: string;
  /** The go statement that makes this side concurrent, if it runs in a goroutine. */
  spawn?: Spawn;
}

export interface Race {
  here: Side;
  other: Side;
}

/** Every racy access, keyed by its location, with the first race found for it; and every access seen. */
export interface RaceFacts {
  races: Map<string, Race>;
  /** Every access seen from every function, in its calling contexts. */
  accesses: Access[];
  /** Accesses as reached from entry points (exported or uncalled functions), with their callers' locks. */
  entryAccesses: Access[];
  /** By accessKey: the concurrent contexts (goroutines, handlers, shared methods) whose body reaches it. */
  contexts: Map<string, Set<string>>;
}

/**
 * What findRaces keeps between runs over one package (after edits): the Summarizer with its summaries, and
 * each timeline's check, reused while the summaries it was made from are the same objects.
 */
export class RaceCache {
  private readonly checks = new WeakMap<FuncSummary, { uses: unknown[]; check: SpawnerCheck }>();
  private readonly callerChecks = new WeakMap<StructInfo, { uses: unknown[]; check: SpawnerCheck }>();
  private readonly flat = new WeakMap<FuncSummary, { uses: unknown[]; accesses: Access[] }>();

  constructor(readonly summarizer: Summarizer) {}

  /** A summary's contents: the object, and what filled its goroutines this run (Summarizer.fillersOf). */
  private contents(summary: FuncSummary | undefined): unknown[] {
    if (!summary) return [undefined];
    const fillers = this.summarizer.fillersOf(summary);
    return fillers.length ? [summary, ...fillers] : [summary];
  }

  /** The checks of a function's own timeline, with the exported methods its constructor's callers go on calling. */
  spawnerCheck(model: PackageModel, summary: FuncSummary): SpawnerCheck {
    const later = laterCallMethods(model, summary);
    const kept = this.checks.get(summary);
    // Most summaries use nothing but themselves: checked without making the list.
    if (kept && !later.length && kept.uses.length === 1 && kept.uses[0] === summary && !this.summarizer.fillersOf(summary).length) return kept.check;
    const own = this.contents(summary);
    const uses = later.length ? [...own, ...later, ...later.flatMap((m) => this.contents(this.summarizer.summaryOf(m)))] : own;
    if (kept && sameList(kept.uses, uses)) return kept.check;
    const check = checkSpawner(withLaterCalls(model, this.summarizer, summary));
    this.checks.set(summary, { uses, check });
    return check;
  }

  callersCheck(info: StructInfo, methods: FuncInfo[], make: () => Timeline): SpawnerCheck {
    const uses = [info.mutexes.length, ...methods, ...methods.flatMap((m) => this.contents(this.summarizer.summaryOf(m)))];
    const kept = this.callerChecks.get(info);
    if (kept && sameList(kept.uses, uses)) return kept.check;
    const check = checkSpawner(make());
    this.callerChecks.set(info, { uses, check });
    return check;
  }

  flatten(summary: FuncSummary): Access[] {
    const kept = this.flat.get(summary);
    if (kept && kept.uses.length === 1 && kept.uses[0] === summary && !this.summarizer.fillersOf(summary).length) return kept.accesses;
    const uses = this.contents(summary);
    if (kept && sameList(kept.uses, uses)) return kept.accesses;
    const accesses = flatten(summary.timeline);
    this.flat.set(summary, { uses, accesses });
    return accesses;
  }
}

/**
 * `cache` carries the summaries and checks of earlier runs over the same package, whose model keeps its
 * FuncInfo and VarDecl objects (see Summarizer.nextRun); without it, everything is made afresh.
 */
export function findRaces(model: PackageModel, cache: RaceCache = new RaceCache(new Summarizer(model))): RaceFacts {
  const summarizer = cache.summarizer;
  const races = new Map<string, Race>();
  const accesses: Access[] = [];
  const checks: SpawnerCheck[] = [];
  const fns = functionsInOrder(model);
  const entryAccesses: Access[] = [];
  const summaries = fns.map((fn) => summarizer.summaryOf(fn));
  fns.forEach((fn, i) => {
    const summary = summaries[i];
    if (!summary) return;
    checks.push(cache.spawnerCheck(model, summary));
    const seen = cache.flatten(summary);
    if (!seen.length) return;
    for (const a of seen) accesses.push(a);
    if (isExported(fn.name) || fn.name === 'main' || fn.name === 'init' || !summarizer.called.has(fn)) for (const a of seen) entryAccesses.push(a);
  });
  checks.push(...concurrentCallers(model, cache));
  // The first race found for an access is its race; who runs each side is named only for those.
  for (const check of checks) {
    for (const [here, other] of check.records) {
      const key = accessKey(here.access);
      if (!races.has(key)) races.set(key, { here: named(here), other: named(other) });
    }
  }
  let contexts: Map<string, Set<string>> | undefined;
  return {
    races,
    accesses,
    entryAccesses,
    // Only hovers ask which contexts reach an access: named when first read.
    get contexts() {
      return (contexts ??= contextsOf(checks));
    },
  };
}

/** Upper case first: exported (what /^[A-Z]/ tests, without a regular expression per function per run). */
function isExported(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 65 && c <= 90;
}

/**
 * Indexes of a model's functions and methods, kept while its maps are the same objects: after an edit
 * inside function bodies the model is patched, not rebuilt (see session.ts), and these are the same.
 */
interface FunctionIndex {
  /** Every function and method (other builds' declarations included), by file and position. */
  inOrder: FuncInfo[];
  /** Methods by receiver type. */
  byReceiver: Map<string, FuncInfo[]>;
}

const indexes = new WeakMap<PackageModel['methods'], { funcs: PackageModel['funcs']; index: FunctionIndex }>();

function functionIndex(model: PackageModel): FunctionIndex {
  const known = indexes.get(model.methods);
  if (known && known.funcs === model.funcs) return known.index;
  const methods = [...model.methods.values()].flat();
  const inOrder = [...[...model.funcs.values()].flatMap((f) => [f, ...(f.variants ?? [])]), ...methods];
  // Positions move with edits, but not past each other's declarations: the order holds while the maps do.
  inOrder.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.node.start - b.node.start));
  const byReceiver = new Map<string, FuncInfo[]>();
  for (const m of methods) {
    if (m.receiverType === undefined) continue;
    const list = byReceiver.get(m.receiverType);
    if (list) list.push(m);
    else byReceiver.set(m.receiverType, [m]);
  }
  const index = { inOrder, byReceiver };
  indexes.set(model.methods, { funcs: model.funcs, index });
  return index;
}

function functionsInOrder(model: PackageModel): FuncInfo[] {
  return functionIndex(model).inOrder;
}

function named(side: LazySide): Side {
  return side.spawn ? { access: side.access, who: side.who(), spawn: side.spawn } : { access: side.access, who: side.who() };
}

function contextsOf(checks: readonly SpawnerCheck[]): Map<string, Set<string>> {
  const contexts = new Map<string, Set<string>>();
  for (const check of checks) {
    for (const { accesses, who } of check.spawned) {
      const name = who();
      for (const g of accesses) {
        const key = accessKey(g);
        if (!contexts.has(key)) contexts.set(key, new Set());
        contexts.get(key)!.add(name);
      }
    }
  }
  return contexts;
}

export function accessKey(a: Access): string {
  return `${a.file.path}:${a.node.start}:${a.node.end}`;
}

/** A side of a race whose runner is named when the race is reported: names cite lines, which edits move. */
interface LazySide {
  access: Access;
  who: () => string;
  spawn?: Spawn;
}

/** What checking one timeline found: candidate races in order (the first per access wins), and its goroutines. */
export interface SpawnerCheck {
  records: [LazySide, LazySide][];
  spawned: { accesses: Access[]; who: () => string }[];
}

/** `separate`: mutexes that are distinct per goroutine instance, so holding "both" excludes nothing. */
function racy(a: Access, b: Access, separate?: (l: Lock) => boolean): boolean {
  if (a.v !== b.v || (a.kind !== 'write' && b.kind !== 'write')) return false;
  const locksOf = (x: Access) => (separate ? x.locks.filter((l) => !separate(l)) : x.locks);
  return !commonLock(locksOf(a), locksOf(b));
}

/** A mutex declared inside the loop that starts a goroutine is a new mutex each iteration. */
function perInstanceLocks(spawn: Spawn): (l: Lock) => boolean {
  return (l) => !!l.mutex && !l.mutex.global && spawn.loops.some((loop) => inside(l.mutex!.node, l.mutex!.file, loop));
}

function enclosingFunctionName(a: Access): string {
  for (let p = a.node.parent; p; p = p.parent) {
    if (p.type === 'function_declaration' || p.type === 'method_declaration') {
      const name = childByField(p, 'name');
      return name ? nodeText(a.file, name) : '?';
    }
  }
  return '?';
}

/** The exported methods of the type a constructor that starts goroutines returns (see withLaterCalls). */
function laterCallMethods(model: PackageModel, summary: FuncSummary): FuncInfo[] {
  const typeName = summary.fn.resultType;
  if (!typeName || summary.fn.receiverType || summary.timeline.spawns.length === 0 || !model.structs.has(typeName)) return [];
  return (functionIndex(model).byReceiver.get(typeName) ?? []).filter((m) => isExported(m.name));
}

/**
 * A constructor that starts goroutines (`go c.janitor(); return c`) hands its instance to callers, who
 * go on calling the type's exported methods while those goroutines run: they run after its body.
 */
function withLaterCalls(model: PackageModel, summarizer: Summarizer, summary: FuncSummary): Timeline {
  const tl = summary.timeline;
  const typeName = summary.fn.resultType;
  const methods = laterCallMethods(model, summary);
  if (!typeName || methods.length === 0) return tl;
  const later: Access[] = [];
  for (const m of methods) {
    const body = summarizer.asGoroutine(m, { kind: 'func', name: `${typeName}.${m.name}` });
    const caller = `method ${typeName}.${m.name} (called on the ${typeName} that ${summary.fn.name} returns)`;
    if (body) later.push(...flatten(body).map((a) => ({ ...a, pos: summary.end + 1, loops: [], caller })));
  }
  return later.length ? { ...tl, accesses: [...tl.accesses, ...later] } : tl;
}

const NONE: readonly Access[] = [];

function byVariable(accesses: readonly Access[]): Map<Access['v'], Access[]> {
  const groups = new Map<Access['v'], Access[]>();
  for (const a of accesses) {
    const group = groups.get(a.v);
    if (group) group.push(a);
    else groups.set(a.v, [a]);
  }
  return groups;
}

/** Checks a timeline against the goroutines it starts, and those goroutines against each other. */
function checkSpawner(tl: Timeline, out: SpawnerCheck = { records: [], spawned: [] }): SpawnerCheck {
  const record = (here: LazySide, other: LazySide) => out.records.push([here, other]);
  const spawned = lift(tl).map(({ spawn, chain }) => ({ spawn, chain, accesses: spawn.body.accesses, byVariable: byVariable(spawn.body.accesses) }));
  // Only accesses to one variable can race: pairs are drawn from these groups, in timeline order.
  const own = byVariable(tl.accesses);
  for (const { spawn, accesses } of spawned) {
    const gWho = () => describeSpawn(spawn);
    out.spawned.push({ accesses, who: gWho });
    for (const g of accesses) {
      for (const a of own.get(g.v) ?? NONE) {
        checkBudget();
        if (racy(a, g) && spawnerOverlaps(tl, a, spawn, g)) {
          const selfWho = () => a.caller ?? (tl.who.kind === 'func' ? `func ${enclosingFunctionName(a)}` : describe(tl.who));
          record({ access: a, who: selfWho }, { access: g, who: gWho, spawn });
          record({ access: g, who: gWho, spawn }, { access: a, who: selfWho });
        }
      }
    }
  }
  // Pairs by index, and the descriptions made only for a pair that races: a slice per goroutine and
  // closures per pair were a twentieth of a cold scan's garbage.
  for (let i = 0; i < spawned.length; i++) {
    const first = spawned[i];
    for (let j = i; j < spawned.length; j++) {
      const second = spawned[j];
      const same = first.spawn === second.spawn;
      // A goroutine and one it starts itself are checked against each other from the inside.
      if (!same && (first.chain.includes(second.chain[second.chain.length - 1]) || second.chain.includes(first.chain[first.chain.length - 1]))) continue;
      const separate = same ? perInstanceLocks(first.spawn) : undefined;
      for (const g1 of first.accesses) {
        for (const g2 of second.byVariable.get(g1.v) ?? NONE) {
          checkBudget();
          if (racy(g1, g2, separate) && goroutinesOverlap(tl, first.spawn, g1, second.spawn, g2)) {
            const firstWho = () => describeSpawn(first.spawn);
            const secondWho = () => describeSpawn(second.spawn);
            // Seen from one instance of a goroutine, the other side runs in another instance of it.
            const otherWho = (who: () => string) => (same ? () => `another instance of ${who()}` : who);
            record({ access: g1, who: firstWho, spawn: first.spawn }, { access: g2, who: otherWho(secondWho), spawn: second.spawn });
            record({ access: g2, who: secondWho, spawn: second.spawn }, { access: g1, who: otherWho(firstWho), spawn: first.spawn });
          }
        }
      }
    }
  }
  for (const s of tl.spawns) checkSpawner(s.body, out);
  return out;
}

/**
 * The goroutines a timeline starts, directly or through the goroutines it starts: those nested ones run
 * from their ancestor's `go` statement on, and only their own signals join them.
 */
function lift(tl: Timeline): { spawn: Spawn; chain: Spawn[] }[] {
  checkBudget();
  return tl.spawns.flatMap((s) => [
    { spawn: s, chain: [s] },
    ...lift(s.body).map((n) => ({ spawn: { ...n.spawn, pos: s.pos, loops: s.loops }, chain: [s, ...n.chain] })),
  ]);
}

/** A goroutine's accesses, with those of goroutines it starts counted at their `go` statement. */
function flatten(tl: Timeline): Access[] {
  checkBudget();
  return [...tl.accesses, ...tl.spawns.flatMap((s) => flatten(s.body).map((a) => ({ ...a, pos: s.pos })))];
}

/** Who runs a spawned goroutine, with the helper calls that start it: `… (through spawn, called at x.go:20)`. */
export function describeSpawn(spawn: Spawn): string {
  const who = describe(spawn.body.who);
  const first = spawn.via?.[0];
  return first ? `${who} (through ${first.callee}, called at ${where(first.file.path, first.node)})` : who;
}

function describe(who: Who): string {
  if (who.kind === 'func') return `func ${who.name}`;
  return who.label ?? `the goroutine started at ${where(who.file.path, who.goNode)}`;
}

/**
 * Callers maprace cannot see but SPEC §3 assumes: the exported methods of a type that holds a mutex
 * (the type says it is shared) and every ServeHTTP method run concurrently, each also with itself.
 */
function concurrentCallers(model: PackageModel, cache: RaceCache): SpawnerCheck[] {
  const out: SpawnerCheck[] = [];
  const byReceiver = functionIndex(model).byReceiver;
  for (const info of model.structs.values()) {
    const methods = byReceiver.get(info.name);
    if (!methods) continue;
    const shared = info.mutexes.length > 0 ? methods.filter((m) => isExported(m.name)) : methods.filter((m) => m.name === 'ServeHTTP');
    if (shared.length === 0) continue;
    out.push(cache.callersCheck(info, shared, () => callersTimeline(info, shared, cache.summarizer)));
  }
  return out;
}

function callersTimeline(info: StructInfo, shared: FuncInfo[], summarizer: Summarizer): Timeline {
  const spawns: Spawn[] = [];
  for (const m of shared) {
    const name = childByField(m.node, 'name') ?? m.node;
    const who: Who =
      m.name === 'ServeHTTP'
        ? { kind: 'goroutine', goNode: name, file: m.file, label: `the HTTP handler ${info.name}.ServeHTTP`, startedHere: 'net/http calls ServeHTTP on its own goroutine for every request' }
        : {
            kind: 'goroutine',
            goNode: name,
            file: m.file,
            label: `method ${info.name}.${m.name} (${info.name} holds a mutex, so its methods may run concurrently)`,
            startedHere: `${info.name} holds a mutex, so maprace assumes its methods are called concurrently`,
          };
    const body = summarizer.asGoroutine(m, who);
    if (body) spawns.push({ goNode: name, file: m.file, pos: 0, loops: [REPEATS], body });
  }
  return { who: { kind: 'func', name: `callers of ${info.name}` }, file: info.file, accesses: [], syncs: [], spawns };
}
