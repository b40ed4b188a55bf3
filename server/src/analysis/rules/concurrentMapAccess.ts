// concurrent-map-access: two accesses to one map, at least one a write, that may run at the same
// time with no common lock and no happens-before order. Each racy access gets one finding.
import * as path from 'node:path';
import { childByField, namedChildren, nodeText, type SyntaxNode } from '../syntax';
import type { Finding, Fix } from '../types';
import type { VarDecl } from '../model/variables';
import type { PackageModel } from '../model/packageModel';
import { REPEATS, Summarizer } from '../model/summarize';
import { inside, type Access, type Lock, type Spawn, type Timeline, type Who } from '../model/timeline';
import { commonLock, goroutinesOverlap, spawnerOverlaps } from '../model/ordering';
import { nodeRange } from '../positions';
import { guardWithMutex } from '../fixes/guardWithMutex';

export const RULE_ID = 'concurrent-map-access';

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

export function concurrentMapAccess(model: PackageModel): Finding[] {
  const { races, accesses } = findRaces(model);
  const byVar = new Map<VarDecl, Access[]>();
  for (const race of races.values()) {
    const list = byVar.get(race.here.access.v) ?? [];
    list.push(race.here.access);
    byVar.set(race.here.access.v, list);
  }
  const fixes = new Map<VarDecl, Fix | undefined>();
  for (const [v, racy] of byVar) fixes.set(v, guardWithMutex(v, racy, accesses.filter((a) => a.v === v)));
  return [...races.values()].map((race) => toFinding(race, fixes.get(race.here.access.v)));
}

/** Every racy access, keyed by its location, with the first race found for it; and every access seen. */
export function findRaces(model: PackageModel): { races: Map<string, Race>; accesses: Access[] } {
  const summarizer = new Summarizer(model);
  const races = new Map<string, Race>();
  const accesses: Access[] = [];
  const record = (here: Side, other: Side) => {
    const key = accessKey(here.access);
    if (!races.has(key)) races.set(key, { here, other });
  };
  const fns = [...model.funcs.values(), ...[...model.methods.values()].flat()];
  fns.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.node.start - b.node.start));
  for (const fn of fns) {
    const summary = summarizer.summaryOf(fn);
    if (summary) {
      checkSpawner(summary.timeline, record);
      accesses.push(...flatten(summary.timeline));
    }
  }
  for (const tl of concurrentCallers(model, summarizer)) checkSpawner(tl, record);
  return { races, accesses };
}

function accessKey(a: Access): string {
  return `${a.file.path}:${a.node.start}:${a.node.end}`;
}

type Record = (here: Side, other: Side) => void;

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

/** Checks a timeline against the goroutines it starts, and those goroutines against each other. */
function checkSpawner(tl: Timeline, record: Record): void {
  const spawned = lift(tl).map(({ spawn, chain }) => ({ spawn, chain, accesses: spawn.body.accesses }));
  for (const { spawn, accesses } of spawned) {
    const gWho = describe(spawn.body.who);
    for (const g of accesses) {
      for (const a of tl.accesses) {
        if (racy(a, g) && spawnerOverlaps(tl, a, spawn, g)) {
          const selfWho = tl.who.kind === 'func' ? `func ${enclosingFunctionName(a)}` : describe(tl.who);
          record({ access: a, who: selfWho }, { access: g, who: gWho, spawn });
          record({ access: g, who: gWho, spawn }, { access: a, who: selfWho });
        }
      }
    }
  }
  spawned.forEach((first, i) => {
    for (const second of spawned.slice(i)) {
      const same = first.spawn === second.spawn;
      // A goroutine and one it starts itself are checked against each other from the inside.
      if (!same && (first.chain.includes(second.chain[second.chain.length - 1]) || second.chain.includes(first.chain[first.chain.length - 1]))) continue;
      const firstWho = describe(first.spawn.body.who);
      const secondWho = describe(second.spawn.body.who);
      // Seen from one instance of a goroutine, the other side runs in another instance of it.
      const otherWho = (who: string) => (same ? `another instance of ${who}` : who);
      for (const g1 of first.accesses) {
        for (const g2 of second.accesses) {
          if (racy(g1, g2, same ? perInstanceLocks(first.spawn) : undefined) && goroutinesOverlap(tl, first.spawn, g1, second.spawn, g2)) {
            record({ access: g1, who: firstWho, spawn: first.spawn }, { access: g2, who: otherWho(secondWho), spawn: second.spawn });
            record({ access: g2, who: secondWho, spawn: second.spawn }, { access: g1, who: otherWho(firstWho), spawn: first.spawn });
          }
        }
      }
    }
  });
  for (const s of tl.spawns) checkSpawner(s.body, record);
}

/**
 * The goroutines a timeline starts, directly or through the goroutines it starts: those nested ones run
 * from their ancestor's `go` statement on, and only their own signals join them.
 */
function lift(tl: Timeline): { spawn: Spawn; chain: Spawn[] }[] {
  return tl.spawns.flatMap((s) => [
    { spawn: s, chain: [s] },
    ...lift(s.body).map((n) => ({ spawn: { ...n.spawn, pos: s.pos, loops: s.loops }, chain: [s, ...n.chain] })),
  ]);
}

/** A goroutine's accesses, with those of goroutines it starts counted at their `go` statement. */
function flatten(tl: Timeline): Access[] {
  return [...tl.accesses, ...tl.spawns.flatMap((s) => flatten(s.body).map((a) => ({ ...a, pos: s.pos })))];
}

function describe(who: Who): string {
  if (who.kind === 'func') return `func ${who.name}`;
  return who.label ?? `the goroutine started at ${where(who.file.path, who.goNode)}`;
}

/**
 * Callers maprace cannot see but SPEC §3 assumes: the exported methods of a type that holds a mutex
 * (the type says it is shared) and every ServeHTTP method run concurrently, each also with itself.
 */
function concurrentCallers(model: PackageModel, summarizer: Summarizer): Timeline[] {
  const out: Timeline[] = [];
  for (const info of model.structs.values()) {
    const methods = [...model.methods.values()].flat().filter((m) => m.receiverType === info.name);
    const shared = info.mutexes.length > 0 ? methods.filter((m) => /^[A-Z]/.test(m.name)) : methods.filter((m) => m.name === 'ServeHTTP');
    if (shared.length === 0) continue;
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
    out.push({ who: { kind: 'func', name: `callers of ${info.name}` }, file: info.file, accesses: [], syncs: [], spawns });
  }
  return out;
}

function where(file: string, node: SyntaxNode): string {
  return `${path.basename(file)}:${node.startPoint.row + 1}`;
}

const HERE_VERB = { read: 'read', write: 'written', iterate: 'ranged over' } as const;
const OTHER_VERB = { read: 'reads', write: 'writes', iterate: 'ranges over' } as const;

function runtimeError(a: Access, b: Access): string {
  if (a.kind === 'write' && b.kind === 'write') return 'concurrent map writes';
  if (a.kind === 'iterate' || b.kind === 'iterate') return 'concurrent map iteration and map write';
  return 'concurrent map read and map write';
}

/** The map as written at the access: `m` in `m[k]`, `delete(m, k)` or `range m`. */
export function mapExpressionText(a: Access): string {
  const n = a.node;
  if (n.type === 'index_expression') {
    const operand = childByField(n, 'operand');
    if (operand) return nodeText(a.file, operand);
  }
  if (n.type === 'call_expression') {
    const args = childByField(n, 'arguments');
    const first = args && namedChildren(args)[0];
    if (first) return nodeText(a.file, first);
  }
  return nodeText(a.file, n);
}

function toFinding(race: Race, fix: Fix | undefined): Finding {
  const { here, other } = race;
  const a = here.access;
  const b = other.access;
  const name = mapExpressionText(a);
  const message =
    `map \`${name}\` is ${HERE_VERB[a.kind]} here in ${here.who} while ${other.who} ` +
    `${OTHER_VERB[b.kind]} it at ${where(b.file.path, b.node)}, with no common lock or ordering between them: ` +
    `fatal error: ${runtimeError(a, b)}`;
  const related = [
    {
      file: b.file.path,
      range: nodeRange(b.node),
      message: `the other access: \`${mapExpressionText(b)}\` is ${HERE_VERB[b.kind]} here in ${other.who}`,
    },
  ];
  for (const s of [here.spawn, other.spawn]) {
    if (s && !related.some((r) => r.file === s.file.path && r.range.start.line === s.goNode.startPoint.row)) {
      const startedHere = s.body.who.kind === 'goroutine' ? s.body.who.startedHere : undefined;
      related.push({ file: s.file.path, range: nodeRange(s.goNode), message: startedHere ?? 'the goroutine is started here' });
    }
  }
  return {
    file: a.file.path,
    rule: RULE_ID,
    severity: 'error',
    message,
    range: nodeRange(a.node),
    related,
    fixes: fix ? [fix] : [],
  };
}
