// syncmap-check-then-act: a sync.Map used in two steps where one atomic call exists. Each call is atomic,
// the pair is not: two goroutines can both see the key missing and both Store (LoadOrStore), both load
// the value before either deletes it (LoadAndDelete), or store over a value that changed after the
// compare (CompareAndSwap).
import { childByField, enclosingFunction, type SyntaxNode } from '../syntax';
import type { Finding, Fix } from '../types';
import type { SyncMapCall } from '../model/syncMaps';
import { nodeRange } from '../positions';
import { loadCheckOf, type LoadCheck, type Region } from './syncmapLoadCheck';
import { goAtLeast } from '../goVersion';
import { callStatement, isPure, lockHeldAcross, nodesBetween, pathsChangedIn, pathsIn, touches, receiverCallsBetween, squash } from './syncmapSteps';
import { loadOrStoreFix } from '../fixes/loadOrStore';
import { loadAndDeleteFix } from '../fixes/loadAndDelete';
import { compareAndSwapFix } from '../fixes/compareAndSwap';

export const RULE_ID = 'syncmap-check-then-act';

export interface Act {
  call: SyncMapCall;
  /** The statement `m.Store(k, v)` / `m.Delete(k)`, directly in the region. */
  stmt: SyntaxNode;
}

export function syncmapCheckThenAct(calls: readonly SyncMapCall[], goVersion: string | undefined): Finding[] {
  const byNode = new Map(calls.map((c) => [c.call, c]));
  const out: Finding[] = [];
  for (const load of calls) {
    if (load.method !== 'Load' || load.args.length !== 1 || !isPure(load.args[0]!)) continue;
    const check = loadCheckOf(load);
    if (!check) continue;
    const found = (region: Region | undefined, method: string) => {
      const act = region && actIn(region, method, load, byNode);
      return act && sound(check, act, calls) ? act : undefined;
    };
    const r = load.receiverText;
    const k = squash(load.file, load.args[0]!);
    const cond = check.cond;
    if (cond.kind === 'equal') {
      const store = found(cond.swap, 'Store');
      if (!store) continue;
      const cas = goAtLeast(goVersion, '1.20');
      const fix = cas ? compareAndSwapFix(check, cond, store) : undefined;
      out.push(
        finding(check, store, `\`${r}.Load(${k})\`, compare, then \`${r}.Store(${k}, …)\`: another goroutine can store between the compare and this Store, and its update is lost; ` +
          (cas ? 'use CompareAndSwap' : 'use CompareAndSwap (Go 1.20 or newer; until then hold one mutex around the Load and the Store)'), fix),
      );
      continue;
    }
    const store = found(cond.absent, 'Store');
    if (store) {
      out.push(
        finding(check, store, `\`${r}.Load(${k})\` then \`${r}.Store(${k}, …)\`: two goroutines can both find the key missing and both store, and one goes on with a value the map no longer holds; use LoadOrStore`,
          loadOrStoreFix(check, store)),
      );
    }
    // Deleting and doing nothing else is idempotent; the race matters when both go on with the value.
    const del = cond.present && cond.present.stmts.length > 1 ? found(cond.present, 'Delete') : undefined;
    if (del) {
      out.push(
        finding(check, del, `\`${r}.Load(${k})\` then \`${r}.Delete(${k})\`: two goroutines can both load the value before either deletes it, and both act on it; use LoadAndDelete`,
          loadAndDeleteFix(check, del)),
      );
    }
  }
  return out;
}

function finding(check: LoadCheck, act: Act, message: string, fix: Fix | undefined): Finding {
  return {
    file: check.load.file.path,
    rule: RULE_ID,
    severity: 'warning',
    message,
    range: nodeRange(act.call.call),
    related: [{ file: check.load.file.path, range: nodeRange(check.load.call), message: `\`${check.load.receiverText}.Load\` checks the key here` }],
    fixes: fix ? [fix] : [],
  };
}

/** The first `m.<method>(k, ...)` statement of a region on the Load's map and key. */
function actIn(region: Region, method: string, load: SyncMapCall, byNode: ReadonlyMap<SyntaxNode, SyncMapCall>): Act | undefined {
  const key = squash(load.file, load.args[0]!);
  for (const stmt of region.stmts) {
    const node = callStatement(stmt);
    const call = node && byNode.get(node);
    if (call && call.method === method && call.receiverText === load.receiverText && call.args[0] && squash(call.file, call.args[0]) === key) return { call, stmt };
  }
  return undefined;
}

/**
 * The two steps are on one map and one key, with no other step on that key between them, and no lock
 * held across both (under one mutex the pair is atomic after all).
 */
function sound(check: LoadCheck, act: Act, calls: readonly SyncMapCall[]): boolean {
  const { load } = check;
  const fn = enclosingFunction(load.call);
  const body = fn && childByField(fn, 'body');
  if (!body || enclosingFunction(act.call.call) !== fn) return false;
  const key = squash(load.file, load.args[0]!);
  const between = receiverCallsBetween(calls, load, load.call.end, act.call.call.start).filter((c) => c !== act.call);
  if (between.some((c) => c.method === 'Range' || !c.args[0] || squash(c.file, c.args[0]) === key)) return false;
  const watched = [...pathsIn(load.file, load.args[0]!), ...pathsIn(load.file, load.receiver)];
  for (const n of nodesBetween(body, load.call.end, act.call.call.start)) {
    if (touches(pathsChangedIn(load.file, n), watched)) return false;
  }
  return !lockHeldAcross(load.file, body, load.call, act.call.call);
}
