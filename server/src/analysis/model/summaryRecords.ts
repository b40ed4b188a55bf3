// What each function summary depended on when it was made, so a later run of the Summarizer (after an
// edit) can reuse it exactly when a fresh run would make the same one.
//
// A summary is a function of its function's body, the package model and what each of its lookups of
// other summaries returned (a summary, or nothing: the callee was still being summarized up the stack,
// or the inlining depth ran out). A run visits functions in the same order as a fresh run and replays a
// kept summary's lookups in their original order, with the same stack: if every lookup returns the same
// object again, the fresh run would have made the same summary, so the kept one is used.
import { changedSince, syntaxGeneration, type SyntaxNode } from '../syntax';
import type { FuncInfo } from './packageModel';
import type { FuncSummary } from './summarize';
import type { Timeline } from './timeline';
import { freshId, setIdSource, type VarDecl } from './variables';

/**
 * `go target(...)` in a body summarized while `target` was still being summarized further up the stack:
 * `body` is filled with the target's summary once that is done, through `binding`, made from the
 * target's parameters `params`.
 */
export interface CrossSpawn<B> {
  target: FuncInfo;
  params: readonly VarDecl[];
  body: Timeline;
  /** The body as made, before it was filled: a reused summary starts the run with it empty again. */
  empty: Pick<Timeline, 'who' | 'file'>;
  binding: B;
}

export interface SummaryRecord {
  fn: FuncInfo;
  /** The declaration the summary was made from: another node, or this one renewed since, means the function was edited. */
  node: SyntaxNode;
  /** The syntax generation the summary was made in (changedSince). */
  generation: number;
  summary: FuncSummary;
  /** The first result of each distinct lookup (as lookupToken says it), in the order they were made. */
  lookups: Map<FuncInfo, unknown>;
  /** Functions the body calls or starts (Summarizer.called), replayed when the summary is reused. */
  marks: FuncInfo[];
  /** The instance each constructor call in the body makes: the body's own, remade with it. */
  freshCalls: Map<SyntaxNode, VarDecl>;
  /** io.Pipe keys the body registered. */
  pipeKeys: string[];
  /**
   * Goroutine bodies filled in when another function's summary is done: a reused summary has them filled
   * again, and whoever looks it up depends on that function's summary too (see fillTargets).
   */
  crossSpawns: CrossSpawn<unknown>[];
  /** The package model entries the body's walk looked up (modelDiff KEY). */
  reads: Set<string>;
  /**
   * The ids of the variables the body declared, by declaring node and name, in the order made: made again
   * from the same nodes, they get the same ids (see SummaryRecords.idFor).
   */
  ids: Map<SyntaxNode, Map<string, number[]>>;
  /** The parameter list and receiver the summary's variables were declared from (see keptParams). */
  declared: { params?: { list: SyntaxNode | undefined; vars: VarDecl[] }; receiver?: { list: SyntaxNode | undefined; vars: VarDecl[] } };
}

const tokens = new WeakMap<FuncSummary, unknown>();

/** Most functions fill no goroutine of another: one list for all of them. */
const NO_TARGETS: readonly FuncInfo[] = Object.freeze([]);

/**
 * What a looked-up summary is to its caller. A summary that shows its callers nothing (no access to a
 * parameter's or package-level map, no goroutine, no synchronisation, no call of a function parameter,
 * no map returned) adds nothing where it is inlined or started: callers depend only on what it returns
 * and how its parameters bind, so an edit of its body that keeps it so does not remake them.
 * Any other summary is itself.
 */
export function lookupToken(summary: FuncSummary | undefined): unknown {
  if (!summary) return undefined;
  let token = tokens.get(summary);
  if (token === undefined) {
    const tl = summary.timeline;
    const quiet =
      summary.results.length === 0 &&
      tl.syncs.length === 0 &&
      tl.spawns.length === 0 &&
      !tl.paramCalls?.length &&
      tl.accesses.every((a) => !a.v.global && !summary.params.some((p) => p === a.v || p.elem === a.v));
    token = quiet
      ? `quiet:${String(summary.result)}:${summary.ownedParts?.join(',') ?? '-'}:` +
        summary.params.map((p) => `${p.paramIndex}/${p.typeName ?? ''}/${p.isMap}/${!!p.elemMap}`).join(',')
      : summary;
    tokens.set(summary, token);
  }
  return token;
}

/** `summary` shows callers what `previous` did (sameForCallers): lookups of it give what they gave. */
export function sameTokenAs(summary: FuncSummary, previous: FuncSummary): void {
  tokens.set(summary, lookupToken(previous));
}

/**
 * Where a key names a variable of one function body (`v12`, `v12.w`), or the blank identifier (`r, _ :=
 * io.Pipe()`), which nothing reads: no other body can look it up.
 */
const LOCAL_KEY = /^(v\d+(\.|$)|g:_$)/;

/** Is `node` inside `root` (or `root` itself)? */
function within(node: SyntaxNode, root: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (n === root) return true;
  return false;
}

export class SummaryRecords {
  /** Model entries that changed since the previous run (modelDiff KEY, and `x:*` for each kind). */
  private changed: ReadonlySet<string> = new Set();
  /** The previous run's records, candidates for reuse in this one. */
  private previous = new Map<FuncInfo, SummaryRecord>();
  private current = new Map<FuncInfo, SummaryRecord>();
  /** Functions being summarized, innermost last: a record being made, or null while replaying a kept one. */
  private readonly stack: { fn: FuncInfo; record: SummaryRecord | null }[] = [];
  /** The id source to set back when the stack empties (see push). */
  private outerIds: Parameters<typeof setIdSource>[0];
  /**
   * An io.Pipe end outside one function body was registered: what other bodies see then depends on the
   * order bodies are walked in, which only a fresh run reproduces.
   */
  orderDependent = false;

  /** Records are kept only for a Summarizer that will run again (a session's); a one-off run makes none. */
  constructor(readonly recording: boolean) {}

  /** Starts another run, in which the model `changed` these entries: this run's records become the candidates. */
  nextRun(changed: ReadonlySet<string>): void {
    this.previous = this.current;
    this.current = new Map();
    this.orderDependent = false;
    const all = new Set(changed);
    for (const key of changed) all.add(`${key.slice(0, 2)}*`);
    this.changed = all;
  }

  private get top(): SummaryRecord | null | undefined {
    return this.stack[this.stack.length - 1]?.record;
  }

  /** The kept record of `fn`, if its declaration and the model entries it read are unchanged. */
  candidate(fn: FuncInfo): SummaryRecord | undefined {
    const r = this.previous.get(fn);
    if (!r || r.node !== fn.node || changedSince(fn.node, r.generation)) return undefined;
    if (this.changed.size) for (const key of r.reads) if (this.changed.has(key)) return undefined;
    return r;
  }

  /** The previous run's record of `fn`, whatever changed since. */
  previousOf(fn: FuncInfo): SummaryRecord | undefined {
    return this.previous.get(fn);
  }

  /**
   * The parameters (or receiver) of `fn`'s previous summary, when `list` is the same parameter list, not
   * renewed since (see Summarizer.keepParams).
   */
  keptParams(fn: FuncInfo, which: 'params' | 'receiver', list: SyntaxNode | undefined): VarDecl[] | undefined {
    const r = this.previous.get(fn);
    const declared = r?.declared[which];
    if (!r || !declared || declared.list !== list || (list && changedSince(list, r.generation))) return undefined;
    return declared.vars;
  }

  /** The variables the body being recorded declared from its parameter list (or receiver) `list`. */
  noteParams(which: 'params' | 'receiver', list: SyntaxNode | undefined, vars: VarDecl[]): void {
    const top = this.top;
    if (top) top.declared[which] = { list, vars };
  }

  noteRead(key: string): void {
    this.top?.reads.add(key);
  }

  /**
   * The functions whose summaries fill goroutines in `fn`'s summary of this run: what was copied of it
   * depends on whether they were done then.
   */
  fillTargets(fn: FuncInfo): readonly FuncInfo[] {
    const spawns = this.current.get(fn)?.crossSpawns;
    return spawns?.length ? spawns.map((c) => c.target) : NO_TARGETS;
  }

  /** Marks the start of a replay of `fn`'s lookups (nothing is recorded meanwhile). */
  enterReplay(fn: FuncInfo): void {
    this.push({ fn, record: null });
  }

  /** While records are made, new variables take their ids from idFor. */
  private push(frame: { fn: FuncInfo; record: SummaryRecord | null }): void {
    if (!this.stack.length) this.outerIds = setIdSource(this.idFor);
    this.stack.push(frame);
  }

  /**
   * The id of a variable declared by `node` in the body being recorded: the id the same node and name had,
   * made in the same order, in the function's previous summary. Then a body remade after an edit that did
   * not touch a variable's declaration names it as before, and callers comparing keys (sameForCallers)
   * see no change. Ids stay unique: only the function's own next summary takes its ids again, once each.
   * Variables declared outside the body (the inner maps of a package-level map, say) get new ids.
   */
  private readonly idFor = (node: SyntaxNode, name: string): number => {
    const record = this.top;
    if (!record || !within(node, record.fn.node)) return freshId();
    let byName = record.ids.get(node);
    if (!byName) record.ids.set(node, (byName = new Map()));
    let ids = byName.get(name);
    if (!ids) byName.set(name, (ids = []));
    const previous = this.previous.get(record.fn);
    const kept = previous && !changedSince(node, previous.generation) ? previous.ids.get(node)?.get(name)?.[ids.length] : undefined;
    const id = kept ?? freshId();
    ids.push(id);
    return id;
  };

  /** Begins recording a new summary of `fn`; the previous record's pipe keys are dropped from `pipes`. */
  enter(fn: FuncInfo, pipes: Map<string, string>): SummaryRecord {
    for (const key of this.previous.get(fn)?.pipeKeys ?? []) pipes.delete(key);
    const record: SummaryRecord = { fn, node: fn.node, generation: syntaxGeneration(), summary: undefined as unknown as FuncSummary, lookups: new Map(), marks: [], freshCalls: new Map(), pipeKeys: [], crossSpawns: [], reads: new Set(), ids: new Map(), declared: {} };
    this.push({ fn, record });
    return record;
  }

  leave(): void {
    this.stack.pop();
    if (!this.stack.length) setIdSource(this.outerIds);
  }

  keep(record: SummaryRecord): void {
    this.current.set(record.fn, record);
  }

  noteLookup(fn: FuncInfo, result: FuncSummary | undefined): void {
    const top = this.top;
    if (top && !top.lookups.has(fn)) top.lookups.set(fn, lookupToken(result));
  }

  noteMark(fn: FuncInfo): void {
    this.top?.marks.push(fn);
  }

  notePipe(writer: string, reader: string): void {
    this.top?.pipeKeys.push(writer);
    if (!LOCAL_KEY.test(writer) || !LOCAL_KEY.test(reader)) this.orderDependent = true;
  }

  /** A goroutine of the body being recorded runs a function still being summarized further up the stack. */
  noteCrossSpawn(spawn: CrossSpawn<unknown>): void {
    const top = this.top;
    if (top && top.fn !== spawn.target) top.crossSpawns.push(spawn);
    else if (!top) this.orderDependent = true;
  }

  /** The body being recorded's instance of a constructor call (a fresh run keeps one per call expression). */
  freshCalls(): Map<SyntaxNode, VarDecl> | undefined {
    return this.top?.freshCalls ?? undefined;
  }
}
