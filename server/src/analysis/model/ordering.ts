// Happens-before between a spawning timeline and the goroutines it starts.
// Positions are offsets in the spawner's code: a goroutine's access runs in the window
// (start, end) of the spawner, from its `go` statement (or a later signal it waits for)
// to the first wait that is certain to follow the access (wg.Wait after Done, a receive
// after the goroutine's send or close).
import { inside, posInside, type Access, type Lock, type Loop, type Spawn, type Sync, type Timeline } from './timeline';

export interface Window {
  start: number;
  end: number;
}

/**
 * The spawner-side window in which a goroutine's access may run; `at`, a spawner position the window is
 * asked about, rules out joins in a `select` case that `at` is an alternative to.
 */
export function windowOf(spawner: Timeline, spawn: Spawn, access: Access, at?: number): Window {
  const g = spawn.body;
  let start = spawn.pos;
  // The goroutine waits on a channel before the access: it runs only after the spawner's send or close.
  const awaited = new Set(g.syncs.filter((s) => (s.kind === 'recv' || s.kind === 'rangeRecv') && s.pos < access.pos).map((s) => s.key));
  if (awaited.size) {
    const signal = spawner.syncs
      .filter((s) => (s.kind === 'send' || s.kind === 'close') && awaited.has(s.key) && s.pos > spawn.pos)
      .sort((a, b) => a.pos - b.pos)[0];
    if (signal) start = signal.pos;
  }
  let end = Infinity;
  for (const y of spawner.syncs) {
    if (y.pos <= spawn.pos || y.pos >= end) continue;
    if (at !== undefined && y.alternatives?.some((r) => r.start <= at && at < r.end)) continue;
    if (joins(y.kind, y.key, g, access.pos)) end = y.pos;
  }
  return { start, end };
}

/** A goroutine's syncs, and those of goroutines it starts, counted at their `go` statement (which follows what came before it). */
function signalsOf(g: Timeline): Sync[] {
  return [...g.syncs, ...g.spawns.flatMap((s) => signalsOf(s.body).map((y) => ({ ...y, pos: s.pos })))];
}

function joins(kind: string, key: string, g: Timeline, accessPos: number): boolean {
  const signals = signalsOf(g);
  switch (kind) {
    case 'wait':
      return signals.some((s) => s.kind === 'done' && s.key === key && s.pos >= accessPos);
    case 'recv':
      return signals.some((s) => (s.kind === 'send' || s.kind === 'close') && s.key === key && s.pos > accessPos);
    case 'rangeRecv':
      return signals.some((s) => s.kind === 'close' && s.key === key && s.pos > accessPos);
    default:
      return false;
  }
}

/**
 * A loop around the spawn that also holds `other` and repeats before the goroutine is joined:
 * then a later iteration's `other` overlaps an earlier iteration's goroutine.
 * A map declared inside the loop is a new map each iteration, so it does not count.
 */
function repeatsUnjoined(spawn: Spawn, otherLoops: readonly Loop[], access: Access, end: number): boolean {
  return spawn.loops.some(
    (loop) => otherLoops.some((o) => o.node === loop.node) && !inside(access.v.node, access.v.file, loop) && !posInside(end, loop),
  );
}

/** Can the spawner's own access `a` overlap goroutine access `g`? */
export function spawnerOverlaps(spawner: Timeline, a: Access, spawn: Spawn, g: Access): boolean {
  const w = windowOf(spawner, spawn, g, a.pos);
  if (repeatsUnjoined(spawn, a.loops, g, w.end)) return true;
  return w.start < a.pos && a.pos < w.end;
}

/** Can accesses of two goroutines overlap? The same spawn counts only when it starts several instances. */
export function goroutinesOverlap(spawner: Timeline, s1: Spawn, g1: Access, s2: Spawn, g2: Access): boolean {
  const w1 = windowOf(spawner, s1, g1);
  const w2 = windowOf(spawner, s2, g2);
  if (s1 === s2) {
    return repeatsUnjoined(s1, s1.loops, g1, w1.end) && repeatsUnjoined(s2, s2.loops, g2, w2.end);
  }
  if (repeatsUnjoined(s1, s2.loops, g1, w1.end) || repeatsUnjoined(s2, s1.loops, g2, w2.end)) return true;
  return w1.start < w2.end && w2.start < w1.end;
}

/** Held locks exclude each other unless both are read locks. */
export function commonLock(a: readonly Lock[], b: readonly Lock[]): boolean {
  return a.some((x) => b.some((y) => x.key === y.key && !(x.read && y.read)));
}
