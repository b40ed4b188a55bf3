// Walks function bodies into timelines: map accesses with their locks, spawns and sync points.
// Calls to the package's own functions are inlined at the call site (their accesses run there).
import { childByField, childrenByField, enclosingFunction, firstNamed, namedChildren, nodeText, returnValues, unparen, type SourceFile, type SyntaxNode } from '../syntax';
import { isForeignType, lookupField, lookupMethod, mutexOwner, namedTypeOf, type FieldInfo, type FuncInfo, type PackageModel } from './packageModel';
import { assignedOnly, onlyReturned } from './ownership';
import { emptyTimeline, type Access, type AccessKind, type Lock, type Loop, type Spawn, type Sync, type SyncKind, type Timeline, type Who } from './timeline';
import { where } from '../positions';
import { checkBudget } from '../budget';
import { Scope, elemOf, hasMapValues, isMapTypeNode, isMapValue, newVar, type Escape, type VarDecl } from './variables';
import { SummaryRecords, lookupToken, sameTokenAs } from './summaryRecords';
import { sameForCallers } from './summaryEquivalence';
import { modelView } from './modelView';

/** A map a function returns, with the locks held at that `return`. */
interface ReturnedMap {
  v: VarDecl;
  locks: Lock[];
  node: SyntaxNode;
  file: SourceFile;
}

export interface FuncSummary {
  fn: FuncInfo;
  params: VarDecl[];
  results: ReturnedMap[];
  timeline: Timeline;
  /** The body's span, in the summary's coordinates. */
  start: number;
  end: number;
  /**
   * What a call returns: a new instance each time (`fresh`), the argument at this index (`Must(x)`), or
   * the receiver (`t.Parse(s)` returning `t`).
   */
  result?: 'fresh' | 'receiver' | number;
  /** For a `fresh` result: the pointer fields that also point to structs made for it (`&W{st: ...}`). */
  ownedParts?: string[];
}

/** The first results of a function's return statements: fresh, nil, a parameter, or something else. */
type ReturnKind = 'fresh' | 'receiver' | 'nil' | 'other' | number;

interface Ctx {
  tl: Timeline;
  file: SourceFile;
  scope: Scope;
  locks: Lock[];
  loops: Loop[];
  /** Deferred code and inlined calls all happen at one position. */
  posOverride?: number;
  /** End of the running function body: where deferred calls happen. */
  end: number;
  /** Inside a `select` case: the other cases. */
  alternatives?: { start: number; end: number }[];
  /** The running function's returned maps; unset inside closures, whose returns are their own. */
  results?: ReturnedMap[];
  /** The function body being summarized, and what its returns give back (not set inside closures). */
  returns?: { body: SyntaxNode; kinds: ReturnKind[]; named?: VarDecl; receiver?: VarDecl; parts: string[][] };
}

/** Binding of a callee's parameters to the caller's arguments. */
interface Binding {
  vars: Map<VarDecl, VarDecl>;
  keys: Map<string, string>;
}

const LOCK_METHODS = new Set(['Lock', 'Unlock', 'RLock', 'RUnlock']);

const NOWHERE: SyntaxNode = { type: 'repeats', named: false, field: null, start: -1, end: -1, startPoint: { row: 0, column: 0 }, endPoint: { row: 0, column: 0 }, children: [], parent: null, hasError: false };
/** A loop around code that runs again and again, concurrently with itself (handlers, methods of shared types). */
export const REPEATS: Loop = { node: NOWHERE, file: { path: '', text: '', root: NOWHERE }, start: -Infinity, end: -Infinity };

const MAX_INLINE_DEPTH = 12;

/** What most summaries' goroutines were filled with: nothing (one list for all, asked for per function per run). */
const NO_FILLERS: readonly (FuncSummary | undefined)[] = Object.freeze([]);

/**
 * Named closures run where they are called, so `f2 := func() { f1(); f1() }` runs f1's body twice: a
 * chain of such closures would be exponential. One outermost run runs at most this many bodies.
 */
const MAX_CLOSURE_RUNS = 1000;

/** The package struct type an expression holds, and the fresh local it is, if any; `foreign` when imported. */
interface ExprType {
  typeName?: string;
  fresh?: VarDecl;
  foreign?: boolean;
  pool?: boolean;
}

export class Summarizer {
  private readonly summaries = new Map<FuncInfo, FuncSummary>();
  private readonly inProgress = new Set<FuncInfo>();
  private readonly runningClosures = new Set<VarDecl>();
  /** Closure bodies run since the outermost running closure started (see MAX_CLOSURE_RUNS). */
  private closureRuns = 0;
  /** Parameters of package functions and methods: calling one that holds a func runs the caller's argument. */
  private readonly funcParams = new WeakSet<VarDecl>();
  private readonly partialParams = new WeakMap<FuncInfo, VarDecl[]>();
  /** The writing ends of io.Pipes, by key, with the key of their reading end. */
  private readonly pipes = new Map<string, string>();
  /** Constructor calls outside any body being recorded (none are expected): one instance per call expression. */
  private readonly looseFreshCalls = new Map<SyntaxNode, VarDecl>();
  /** `go f(...)` inside f itself: filled with f's summary once it is known. */
  private selfSpawns: { fn: FuncInfo; body: Timeline; binding: Binding }[] = [];
  /** Functions some code of the package calls or starts: not entry points. */
  readonly called = new Set<FuncInfo>();
  /** Summaries this run made (the others were kept from the previous run), for stats. */
  made = 0;
  /** What each summary depended on, for reuse by the next run (see summaryRecords.ts). */
  private readonly records: SummaryRecords;
  private model: PackageModel;

  /** `session`: the Summarizer will run again after edits (nextRun), so it records what it needs for that. */
  constructor(model: PackageModel, options: { session?: boolean } = {}) {
    this.records = new SummaryRecords(!!options.session);
    this.model = this.view(model);
  }

  /** A session's model notes which entries each body reads (modelView). */
  private view(model: PackageModel): PackageModel {
    return this.records.recording ? modelView(model, (key) => this.records.noteRead(key)) : model;
  }

  /**
   * Starts another run over `model` (the previous run's, or one whose functions keep their FuncInfo
   * objects and whose variables keep their VarDecls): summaries whose declarations are unchanged and
   * whose lookups give the same results again are reused. Returns false when the last run's summaries
   * depend on the order functions were walked in: then only a new Summarizer gives a fresh run's results.
   */
  nextRun(model: PackageModel, changed: ReadonlySet<string> = new Set()): boolean {
    if (this.records.orderDependent || !this.records.recording) return false;
    this.model = this.view(model);
    this.records.nextRun(changed);
    this.made = 0;
    this.summaries.clear();
    this.called.clear();
    this.selfSpawns = [];
    return true;
  }

  /** This run's summaries may depend on the order functions were walked in (see nextRun). */
  get orderDependent(): boolean {
    return this.records.orderDependent;
  }

  /** `fn` is called, and so are its declarations for other builds. */
  private markCalled(fn: FuncInfo): void {
    this.records.noteMark(fn);
    this.called.add(fn);
    for (const v of fn.variants ?? []) this.called.add(v);
  }

  /** The full timeline of a function, its own locals included. */
  summaryOf(fn: FuncInfo): FuncSummary | undefined {
    let summary = this.summaries.get(fn);
    if (!summary && !this.inProgress.has(fn) && this.inProgress.size <= MAX_INLINE_DEPTH) summary = this.summarize(fn);
    this.records.noteLookup(fn, summary);
    // What a copy of it holds depends on whether the functions that fill its goroutines were done.
    if (summary) for (const target of this.records.fillTargets(fn)) this.records.noteLookup(target, this.summaries.get(target));
    return summary;
  }

  /**
   * The summaries this run filled goroutines of `summary` with (see CrossSpawn): what is made from it
   * changes with them even when it is the same object.
   */
  fillersOf(summary: FuncSummary): readonly (FuncSummary | undefined)[] {
    const targets = this.records.fillTargets(summary.fn);
    return targets.length ? targets.map((t) => this.summaries.get(t)) : NO_FILLERS;
  }

  /** A kept summary's goroutines on functions up the stack were bound to the parameters those have now. */
  private spawnsHold(spawns: readonly { target: FuncInfo; params: readonly VarDecl[] }[]): boolean {
    return spawns.every((c) => {
      const now = this.partialParams.get(c.target);
      return !!now && now.length === c.params.length && now.every((p, i) => p === c.params[i]);
    });
  }

  /**
   * Parameters (or the receiver) of a function summarized again with an unchanged parameter list are its
   * previous summary's VarDecls, reset to what was just declared: goroutines bound to them in kept
   * summaries stay bound, and keys that name them (`v12.mu`) stay the same.
   */
  private keepParams(fn: FuncInfo, list: SyntaxNode | undefined, params: VarDecl[], scope: Scope, which: 'params' | 'receiver'): VarDecl[] {
    this.records.noteParams(which, list, params);
    const kept = this.records.keptParams(fn, which, list);
    if (!kept || kept.length !== params.length || kept.some((k, i) => k.name !== params[i].name)) return params;
    this.records.noteParams(which, list, kept);
    return params.map((p, i) => {
      const k = kept[i] as unknown as Record<string, unknown>;
      for (const key of Object.keys(k)) if (!(key in p)) delete k[key];
      Object.assign(k, p, { id: kept[i].id });
      if (p.name !== '_') scope.declare(kept[i]);
      return kept[i];
    });
  }

  private summarize(fn: FuncInfo): FuncSummary {
    this.inProgress.add(fn);
    try {
      if (!this.records.recording) {
        const summary = this.summarizeFunction(fn.node, fn.file, { kind: 'func', name: fn.receiverType ? `${fn.receiverType}.${fn.name}` : fn.name }, new Scope(undefined), fn);
        this.summaries.set(fn, summary);
        this.fillSelfSpawns(summary);
        return summary;
      }
      let summary: FuncSummary;
      const kept = this.records.candidate(fn);
      if (kept && this.spawnsHold(kept.crossSpawns) && this.replays(fn, kept.lookups)) {
        summary = kept.summary;
        for (const m of kept.marks) this.markCalled(m);
        // Its goroutines on functions up the stack are empty until those are done, as in a fresh run.
        for (const c of kept.crossSpawns) {
          delete c.body.paramCalls;
          Object.assign(c.body, { ...c.empty, accesses: [], spawns: [], syncs: [] });
          this.selfSpawns.push({ fn: c.target, body: c.body, binding: c.binding as Binding });
        }
        this.records.keep(kept);
      } else {
        const record = this.records.enter(fn, this.pipes);
        this.made++;
        try {
          const who: Who = { kind: 'func', name: fn.receiverType ? `${fn.receiverType}.${fn.name}` : fn.name };
          summary = this.summarizeFunction(fn.node, fn.file, who, new Scope(undefined), fn);
        } finally {
          this.records.leave();
        }
        record.summary = summary;
        this.records.keep(record);
        // Made again, but callers see what they saw: their summaries, made with the previous one, stand.
        const previous = this.records.previousOf(fn);
        if (previous && !previous.crossSpawns.length && !record.crossSpawns.length && sameForCallers(previous.summary, summary)) sameTokenAs(summary, previous.summary);
      }
      this.summaries.set(fn, summary);
      this.fillSelfSpawns(summary);
      return summary;
    } finally {
      this.inProgress.delete(fn);
    }
  }

  /** Makes a kept summary's lookups again, in order: do they all give what they gave then? */
  private replays(fn: FuncInfo, lookups: ReadonlyMap<FuncInfo, unknown>): boolean {
    this.records.enterReplay(fn);
    try {
      for (const [callee, token] of lookups) {
        // A callee done already this run is looked up as summaryOf would, without its noting (a replay notes nothing).
        const done = this.summaries.get(callee);
        if (lookupToken(done ?? this.summaryOf(callee)) !== token) return false;
      }
      return true;
    } finally {
      this.records.leave();
    }
  }

  /**
   * A function that starts itself (a recursive crawler): each started copy runs the function again,
   * one level deep, which is enough to see two instances of it side by side.
   */
  private fillSelfSpawns(summary: FuncSummary): void {
    if (!this.selfSpawns.length) return;
    const mine = this.selfSpawns.filter((p) => p.fn === summary.fn);
    if (!mine.length) return;
    const bodies = mine.map((p) => instantiate(summary, p.binding, p.body.who));
    mine.forEach((p, i) => Object.assign(p.body, bodies[i]));
    this.selfSpawns = this.selfSpawns.filter((p) => p.fn !== summary.fn);
  }

  private summarizeFunction(node: SyntaxNode, file: SourceFile, who: Who, scope: Scope, fn: FuncInfo): FuncSummary {
    const tl = emptyTimeline(who, file);
    const fnScope = new Scope(scope);
    const receiver = childByField(node, 'receiver');
    const [recv] = receiver ? this.keepParams(fn, receiver, this.declareParams(receiver, file, fnScope, false), fnScope, 'receiver') : [];
    const parameters = childByField(node, 'parameters');
    const params = this.keepParams(fn, parameters, this.declareParams(parameters, file, fnScope, true), fnScope, 'params');
    for (const p of params) this.funcParams.add(p);
    this.partialParams.set(fn, params);
    const body = childByField(node, 'body');
    const resultList = childByField(node, 'result');
    const named = resultList?.type === 'parameter_list' ? this.declareParams(resultList, file, fnScope, false) : [];
    // A named result starts as the zero value: if it is only ever set to new instances, it is one.
    for (const r of named) if (r.typeName && body && assignedOnly(file, body, r.name, (v) => isConstruction(v, file))) r.fresh = true;
    const results: ReturnedMap[] = [];
    const returns = body && { body, kinds: [] as ReturnKind[], named: named[0], receiver: recv, parts: [] as string[][] };
    if (body) this.walk(body, { tl, file, scope: fnScope, locks: [], loops: [], end: body.end, results, returns });
    const result = returns && resultOf(returns.kinds, tl);
    const ownedParts = result === 'fresh' && returns ? returns.parts.reduce((a, b) => a.filter((p) => b.includes(p))) : undefined;
    return { fn, params, results, timeline: tl, start: body?.start ?? node.start, end: body?.end ?? node.end, result, ownedParts };
  }

  /** Classifies a return's first result for the function being summarized. */
  private noteReturn(node: SyntaxNode, ctx: Ctx): void {
    const returns = ctx.returns;
    if (!returns) return;
    const list = node.children.find((c) => c.type === 'expression_list');
    const first = list && firstNamed(list);
    const e = first && unparen(first);
    const harmless = {
      construction: (v: SyntaxNode) => isConstruction(v, ctx.file) || (unparen(v).type === 'call_expression' && !!this.typeOf(v, ctx).fresh),
      ownCall: (call: SyntaxNode) => { const fn = childByField(call, 'function'); return !!fn && !!this.callee(fn, ctx); },
    };
    // `v` is the instance, `name` what this function calls it (an alias of a constructor's result).
    const freshLocal = (v: VarDecl | undefined, name: string) => !!v?.fresh && v.file === ctx.file && onlyReturned(ctx.file, returns.body, name, v.node, harmless);
    let kind: ReturnKind = 'other';
    // The instance returned, for the parts it owns.
    let instance: VarDecl | undefined;
    if (!e) {
      if (!list && returns.named && freshLocal(returns.named, returns.named.name)) [kind, instance] = ['fresh', returns.named];
    } else if (e.type === 'nil') kind = 'nil';
    else if (isConstruction(e, ctx.file) && this.typeOf(e, ctx).typeName) {
      kind = 'fresh';
      instance = newVar('', e, ctx.file, { isMap: false, typeName: this.typeOf(e, ctx).typeName, fresh: true });
      this.ownParts(instance, e, ctx);
    } else if (e.type === 'identifier') {
      const v = this.resolve(e, ctx);
      if (v?.paramIndex !== undefined && !v.global) kind = v.paramIndex;
      else if (v && v === returns.receiver) kind = 'receiver';
      else if (freshLocal(v, nodeText(ctx.file, e))) [kind, instance] = ['fresh', v];
    } else if (e.type === 'call_expression') {
      instance = this.typeOf(e, ctx).fresh;
      if (instance) kind = 'fresh';
    }
    returns.kinds.push(kind);
    if (kind === 'fresh') returns.parts.push(pointerParts(instance, this.model));
  }

  /** `&W{st: s}` with `s` a fresh instance: `st` points to a struct made for this one, part of it. */
  private ownParts(instance: VarDecl, value: SyntaxNode, ctx: Ctx): void {
    let lit = unparen(value);
    if (lit.type === 'unary_expression') lit = unparen(childByField(lit, 'operand') ?? lit);
    const body = lit.type === 'composite_literal' ? childByField(lit, 'body') : undefined;
    for (const el of body?.children.filter((c) => c.type === 'keyed_element') ?? []) {
      const [key, val] = namedChildren(el).map((p) => (p.type === 'literal_element' ? firstNamed(p) : p));
      const field = key?.type === 'identifier' && instance.typeName ? lookupField(this.model, instance.typeName, nodeText(ctx.file, key)) : undefined;
      const owned = field && !field.byValue && val && this.typeOf(val, ctx).fresh;
      if (owned) (instance.instanceParts ??= new Map()).set(field.name, owned);
    }
  }

  private declareParams(list: SyntaxNode | undefined, file: SourceFile, scope: Scope, numbered: boolean): VarDecl[] {
    const out: VarDecl[] = [];
    if (!list) return out;
    let index = 0;
    for (const decl of list.children) {
      if (decl.type !== 'parameter_declaration' && decl.type !== 'variadic_parameter_declaration') continue;
      const type = childByField(decl, 'type');
      const isMap = decl.type === 'parameter_declaration' && !!type && isMapTypeNode(file, type, this.model.mapTypes);
      const names = childrenByField(decl, 'name');
      if (names.length === 0) index++;
      for (const n of names) {
        const typeName = type && this.structType(file, type);
        const elemMap = isMap && hasMapValues(file, type!, this.model.mapTypes);
        const v = newVar(nodeText(file, n), n, file, { isMap, paramIndex: numbered ? index : undefined, typeName, elemMap, foreign: !!type && isForeignType(type) });
        if (type && isIoReader(file, type)) v.reader = true;
        index++;
        out.push(v);
        if (v.name !== '_') scope.declare(v);
      }
    }
    return out;
  }

  private structType(file: SourceFile, type: SyntaxNode): string | undefined {
    const name = namedTypeOf(file, type);
    return name && this.model.structs.has(name) ? name : undefined;
  }

  /**
   * The package struct type an expression holds, and the fresh local it is, if any; `foreign` when its
   * type is known to be an imported one.
   */
  private typeOf(expr: SyntaxNode, ctx: Ctx): ExprType {
    const e = unparen(expr);
    if (e.type === 'identifier') {
      const v = this.resolve(e, ctx);
      return { typeName: v?.typeName, fresh: v?.fresh ? v : undefined, foreign: v?.foreign, pool: v?.pool };
    }
    if (e.type === 'type_assertion_expression') {
      // `pool.Get().(*T)`: taken out of a sync.Pool, it belongs to the taker until it is Put back.
      const type = childByField(e, 'type');
      const typeName = type && this.structType(ctx.file, type);
      const call = unparen(childByField(e, 'operand') ?? e);
      const get = call.type === 'call_expression' ? childByField(call, 'function') : undefined;
      const pool = get?.type === 'selector_expression' && nodeText(ctx.file, childByField(get, 'field') ?? get) === 'Get' && this.typeOf(childByField(get, 'operand') ?? get, ctx).pool;
      return typeName && pool ? { typeName, fresh: this.freshCall(e, typeName, ctx.file) } : {};
    }
    if (e.type === 'unary_expression') {
      const operand = childByField(e, 'operand');
      if (!operand || (e.children[0]?.type !== '&' && e.children[0]?.type !== '*')) return {};
      const inner = this.typeOf(operand, ctx);
      return { typeName: inner.typeName, foreign: inner.foreign };
    }
    if (e.type === 'composite_literal') {
      const type = childByField(e, 'type');
      return { typeName: type && this.structType(ctx.file, type), foreign: !!type && isForeignType(type) };
    }
    if (e.type === 'selector_expression') {
      const operand = childByField(e, 'operand');
      const field = childByField(e, 'field');
      const base = operand ? this.typeOf(operand, ctx) : {};
      const info = base.typeName && field ? lookupField(this.model, base.typeName, nodeText(ctx.file, field)) : undefined;
      // A struct held by value inside a fresh instance, or made for it, is part of that instance.
      const part = base.fresh && info?.typeName && this.model.structs.has(info.typeName) ? partOf(base.fresh, info) : undefined;
      return { typeName: info?.typeName, foreign: info?.foreign, fresh: part, pool: info?.pool };
    }
    if (e.type === 'call_expression') {
      const fn = childByField(e, 'function');
      const args = childByField(e, 'arguments');
      if (fn?.type === 'identifier' && nodeText(ctx.file, fn) === 'new' && args) {
        const t = firstNamed(args);
        return { typeName: t && this.structType(ctx.file, t) };
      }
      const receiver: { type?: ExprType } = {};
      const target = fn && this.callee(fn, ctx, receiver);
      const typeName = target?.resultType && this.model.structs.has(target.resultType) ? target.resultType : undefined;
      const result = typeName ? this.summaryOf(target!)?.result : undefined;
      if (result === 'fresh' && typeName) return { typeName, fresh: this.freshCall(e, typeName, ctx.file, this.summaryOf(target!)?.ownedParts) };
      // `Must(x)` hands back its argument, `x.Parse(s)` its receiver: the same instance. The receiver's
      // type is the one callee() worked out: typing it again would double the work at every link of
      // `b.F().G().H()`, exponential in the chain's length.
      if (result === 'receiver' && fn?.type === 'selector_expression') {
        const operand = childByField(fn, 'operand');
        return { typeName, fresh: operand && (receiver.type ?? this.typeOf(operand, ctx)).fresh };
      }
      const passed = typeof result === 'number' && args ? namedChildren(args)[result] : undefined;
      return { typeName, fresh: passed && this.typeOf(passed, ctx).fresh };
    }
    return {};
  }

  /** The instance `call` makes: one identity per call expression. */
  private freshCall(call: SyntaxNode, typeName: string, file: SourceFile, ownedParts: readonly string[] = []): VarDecl {
    const freshCalls = this.records.freshCalls() ?? this.looseFreshCalls;
    let v = freshCalls.get(call);
    if (v) return v;
    v = newVar(`${typeName}{}`, call, file, { isMap: false, typeName, fresh: true });
    for (const name of ownedParts) {
      const field = lookupField(this.model, typeName, name);
      if (field) (v.instanceParts ??= new Map()).set(name, newVar(`${v.name}.${name}`, call, file, { isMap: false, typeName: field.typeName, fresh: true }));
    }
    freshCalls.set(call, v);
    return v;
  }

  /** The map variable or struct field an expression names, if it is a map. */
  private resolveMap(expr: SyntaxNode, ctx: Ctx): VarDecl | undefined {
    const e = unparen(expr);
    if (e.type === 'identifier') {
      const v = this.resolve(e, ctx);
      return v?.isMap ? v : undefined;
    }
    if (e.type === 'index_expression') {
      const operand = childByField(e, 'operand');
      const outer = operand && this.resolveMap(operand, ctx);
      return outer?.elemMap ? elemOf(outer) : undefined;
    }
    if (e.type === 'call_expression') return this.returnedMap(e, ctx)?.v;
    if (e.type !== 'selector_expression') return undefined;
    const operand = childByField(e, 'operand');
    const field = childByField(e, 'field');
    if (!operand || !field) return undefined;
    const base = this.typeOf(operand, ctx);
    const info = base.typeName && lookupField(this.model, base.typeName, nodeText(ctx.file, field));
    if (!info || !info.decl.isMap) return undefined;
    return base.fresh ? instanceField(base.fresh, info) : info.decl;
  }

  /** The map a call of a package function returns, seen from this call site, and the locks it was returned under. */
  private returnedMap(call: SyntaxNode, ctx: Ctx): { v: VarDecl; escape?: Escape } | undefined {
    const fn = childByField(call, 'function');
    const target = fn && this.callee(fn, ctx);
    const summary = target && this.summaryOf(target);
    if (!summary || summary.results.length !== 1) return undefined;
    const args = childByField(call, 'arguments');
    return returnedFrom(summary, this.bind(summary.params, args ? namedChildren(args) : [], ctx, fn));
  }

  /** How an expression naming a map got its reference, when that was under a lock. */
  private escapeOf(expr: SyntaxNode, ctx: Ctx): Escape | undefined {
    const e = unparen(expr);
    if (e.type === 'identifier') return ctx.scope.escapeOf(nodeText(ctx.file, e));
    if (e.type === 'call_expression') return this.returnedMap(e, ctx)?.escape;
    return undefined;
  }

  // ---- the walk ----------------------------------------------------------------------------

  private walk(node: SyntaxNode, ctx: Ctx): void {
    checkBudget();
    switch (node.type) {
      case 'comment':
        return;
      case 'block':
        return this.walkChildren(node, { ...ctx, scope: new Scope(ctx.scope), locks: [...ctx.locks] });
      case 'go_statement':
        return this.walkGo(node, ctx);
      case 'defer_statement':
        return this.walkDefer(node, ctx);
      case 'short_var_declaration':
        return this.walkShortVar(node, ctx);
      case 'var_declaration':
        return this.walkVarDecl(node, ctx);
      case 'for_statement':
        return this.walkFor(node, ctx);
      case 'select_statement':
        return this.walkSelect(node, ctx);
      case 'if_statement':
        if (this.alwaysFalse(childByField(node, 'condition'), ctx)) {
          // `if debugGetPut { ... }` with `const debugGetPut = false`: compiled out.
          const inner = { ...ctx, scope: new Scope(ctx.scope), locks: [...ctx.locks] };
          for (const c of node.children) if (c.named && c.field !== 'consequence') this.walk(c, inner);
          return;
        }
        return this.walkChildren(node, { ...ctx, scope: new Scope(ctx.scope), locks: [...ctx.locks] });
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'expression_case':
      case 'type_case':
      case 'default_case':
      case 'communication_case':
        return this.walkChildren(node, { ...ctx, scope: new Scope(ctx.scope), locks: [...ctx.locks] });
      case 'func_literal':
        // A closure that is not started with `go`: assume it runs where it is written.
        return this.walkClosureBody(node, ctx, []);
      case 'call_expression':
        return this.walkCall(node, ctx);
      case 'assignment_statement':
        this.walkChildren(node, ctx);
        this.notePipe(node, ctx);
        return this.rebindMaps(node, ctx);
      case 'return_statement':
        this.noteReturn(node, ctx);
        this.walkChildren(node, ctx);
        return this.recordReturn(node, ctx);
      case 'send_statement': {
        const value = childByField(node, 'value');
        if (value) this.walk(value, ctx);
        const channel = childByField(node, 'channel');
        if (channel) this.sync(ctx, 'send', channel, node);
        return;
      }
      case 'unary_expression': {
        const operand = childByField(node, 'operand');
        if (operand) this.walk(operand, ctx);
        if (node.children[0]?.type === '<-' && operand) this.sync(ctx, 'recv', operand, node);
        return;
      }
      case 'selector_expression': {
        const operand = childByField(node, 'operand');
        if (operand) this.walk(operand, ctx);
        const v = this.resolveMap(node, ctx);
        if (v) this.recordAccess(v, node, ctx);
        return;
      }
      case 'identifier':
        return this.identifier(node, ctx);
      case 'keyed_element': {
        // `T{key: v}`: a bare identifier key is a field name, not a variable.
        const parts = namedChildren(node);
        parts.forEach((p, i) => {
          if (i === 0 && parts.length === 2 && p.type === 'literal_element' && firstNamed(p)?.type === 'identifier') return;
          this.walk(p, ctx);
        });
        return;
      }
      case 'parameter_list':
      case 'type_declaration':
      case 'const_declaration':
      case 'labeled_statement':
        if (node.type === 'labeled_statement') {
          for (const c of node.children) if (c.type !== 'label_name') this.walk(c, ctx);
        }
        return;
      default:
        return this.walkChildren(node, ctx);
    }
  }

  /** `x = c.m` (x a local) aliases; `c.m = other` detaches the names that held the old map. */
  private rebindMaps(node: SyntaxNode, ctx: Ctx): void {
    if (!node.children.some((c) => c.type === '=')) return;
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    const targets = left ? namedChildren(left) : [];
    const values = right ? namedChildren(right) : [];
    targets.forEach((t, i) => {
      const target = unparen(t);
      const old = target.type === 'identifier' || target.type === 'selector_expression' ? this.resolveMap(target, ctx) : undefined;
      if (old) ctx.scope.detach(old);
      const value = values.length === targets.length ? values[i] : undefined;
      const now = value && this.resolveMap(value, ctx);
      if (target.type === 'identifier' && now && !now.closure) {
        const name = nodeText(ctx.file, target);
        const local = ctx.scope.lookup(name);
        if (local && !local.global) {
          const escape = this.escapeOf(value, ctx) ?? (ctx.locks.length ? { locks: [...ctx.locks], node: target, file: ctx.file, via: 'taken while the lock is held', here: 'taken here' } : undefined);
          ctx.scope.rebind(name, now, escape);
        }
      }
    });
  }

  private recordReturn(node: SyntaxNode, ctx: Ctx): void {
    if (!ctx.results) return;
    for (const value of returnValues(node)) {
      const v = this.resolveMap(value, ctx);
      if (v) ctx.results.push({ v, locks: [...ctx.locks], node, file: ctx.file });
    }
  }

  /** `false`, a package constant that is false, or `x && y` with either side so. */
  private alwaysFalse(cond: SyntaxNode | undefined, ctx: Ctx): boolean {
    const c = cond && unparen(cond);
    if (!c) return false;
    if (c.type === 'false') return true;
    if (c.type === 'identifier') return this.model.falseConsts.has(nodeText(ctx.file, c)) && !ctx.scope.lookup(nodeText(ctx.file, c));
    if (c.type === 'binary_expression' && childByField(c, 'operator')?.type === '&&') {
      return this.alwaysFalse(childByField(c, 'left'), ctx) || this.alwaysFalse(childByField(c, 'right'), ctx);
    }
    return false;
  }

  private walkChildren(node: SyntaxNode, ctx: Ctx): void {
    for (const c of node.children) if (c.named) this.walk(c, ctx);
  }

  private pos(ctx: Ctx, node: SyntaxNode): number {
    return ctx.posOverride ?? node.start;
  }

  private identifier(node: SyntaxNode, ctx: Ctx): void {
    const v = this.resolve(node, ctx);
    if (v?.closure) return this.runClosure(v, [], ctx, node);
    if (v?.isMap) this.recordAccess(v, node, ctx, ctx.scope.escapeOf(nodeText(ctx.file, node)));
  }

  private recordAccess(v: VarDecl, node: SyntaxNode, ctx: Ctx, escape?: Escape): void {
    const kind = accessKind(node, ctx.file);
    if (!kind) return;
    const accessNode = kind.node;
    ctx.tl.accesses.push({
      v,
      kind: kind.kind,
      node: accessNode,
      file: ctx.file,
      pos: this.pos(ctx, accessNode),
      loops: ctx.loops,
      locks: [...ctx.locks],
      escape,
    });
    // `m[a][b] = v` reads m and writes the map stored at m[a].
    if (v.elemMap && accessNode.type === 'index_expression') this.recordAccess(elemOf(v), accessNode, ctx);
  }

  private resolve(node: SyntaxNode, ctx: Ctx): VarDecl | undefined {
    const name = nodeText(ctx.file, node);
    return ctx.scope.lookup(name) ?? this.model.globals.get(name);
  }

  /** A stable name for a mutex, WaitGroup or channel expression: variables resolved, `&` and parens dropped. */
  private keyOf(expr: SyntaxNode, ctx: Ctx): string {
    const e = unparen(expr);
    if (e.type === 'unary_expression' && (e.children[0]?.type === '&' || e.children[0]?.type === '*')) {
      const operand = childByField(e, 'operand');
      if (operand) return this.keyOf(operand, ctx);
    }
    if (e.type === 'identifier') {
      const v = this.resolve(e, ctx);
      return v && !v.global ? `v${v.id}` : `g:${nodeText(ctx.file, e)}`;
    }
    if (e.type === 'selector_expression') {
      const operand = childByField(e, 'operand');
      const field = childByField(e, 'field');
      if (operand && field) {
        // `c.mu` of any *T is one mutex per instance; without aliasing facts, every instance of T is one.
        const base = this.typeOf(operand, ctx);
        const owner = base.typeName && !base.fresh && mutexOwner(this.model, base.typeName, nodeText(ctx.file, field));
        if (owner) return `${owner.name}.${nodeText(ctx.file, field)}`;
        return `${this.keyOf(operand, ctx)}.${nodeText(ctx.file, field)}`;
      }
    }
    return nodeText(ctx.file, e).replace(/\s+/g, '');
  }

  private sync(ctx: Ctx, kind: SyncKind, expr: SyntaxNode, at: SyntaxNode): void {
    ctx.tl.syncs.push({ kind, key: this.keyOf(expr, ctx), pos: this.pos(ctx, at), loops: ctx.loops, alternatives: ctx.alternatives });
  }

  /** The cases of a `select` are alternatives: what one case waits for does not order the others. */
  private walkSelect(node: SyntaxNode, ctx: Ctx): void {
    const cases = node.children.filter((c) => c.type === 'communication_case' || c.type === 'default_case');
    const span = (c: SyntaxNode) => ({ start: this.pos(ctx, c), end: ctx.posOverride ?? c.end });
    for (const c of cases) {
      const alternatives = cases.filter((o) => o !== c).map(span);
      this.walk(c, { ...ctx, alternatives });
    }
  }

  private walkShortVar(node: SyntaxNode, ctx: Ctx): void {
    const left = childByField(node, 'left');
    const right = childByField(node, 'right');
    const values = right ? namedChildren(right) : [];
    const names = left ? namedChildren(left) : [];
    // A closure bound to a name runs where it is called, not where it is written.
    for (const v of values) if (!(names.length === values.length && unparen(v).type === 'func_literal')) this.walk(v, ctx);
    names.forEach((n, i) => {
      if (n.type !== 'identifier') return;
      const name = nodeText(ctx.file, n);
      if (name === '_' || ctx.scope.hasOwn(name)) return;
      this.declareLocal(n, valueFor(names, values, i), undefined, ctx);
    });
    this.notePipe(node, ctx);
  }

  /**
   * `r, w := io.Pipe()`: a Write on w returns only once the reading side has taken the data, so it
   * waits for the reader like a receive waits for a send.
   */
  private notePipe(node: SyntaxNode, ctx: Ctx): void {
    const values = namedChildren(childByField(node, 'right') ?? node);
    const targets = namedChildren(childByField(node, 'left') ?? node);
    const call = values.length === 1 ? unparen(values[0]) : undefined;
    if (targets.length !== 2 || call?.type !== 'call_expression' || nodeText(ctx.file, childByField(call, 'function') ?? call) !== 'io.Pipe') return;
    const [r, w] = targets.map(unparen);
    const reader = r.type === 'identifier' ? this.resolve(r, ctx) : undefined;
    if (reader) reader.reader = true;
    const [writer, readerKey] = [this.keyOf(w, ctx), this.keyOf(r, ctx)];
    this.pipes.set(writer, readerKey);
    this.records.notePipe(writer, readerKey);
  }

  private walkVarDecl(node: SyntaxNode, ctx: Ctx): void {
    const specs = node.children.flatMap((c) => (c.type === 'var_spec' ? [c] : c.type === 'var_spec_list' ? c.children.filter((s) => s.type === 'var_spec') : []));
    for (const spec of specs) {
      const type = childByField(spec, 'type');
      const valueList = childByField(spec, 'value');
      const values = valueList ? namedChildren(valueList) : [];
      const names = childrenByField(spec, 'name');
      for (const v of values) if (!(names.length === values.length && unparen(v).type === 'func_literal')) this.walk(v, ctx);
      names.forEach((n, i) => {
        if (nodeText(ctx.file, n) !== '_') this.declareLocal(n, valueFor(names, values, i), type, ctx);
      });
    }
  }

  private declareLocal(nameNode: SyntaxNode, value: SyntaxNode | undefined, type: SyntaxNode | undefined, ctx: Ctx): void {
    const name = nodeText(ctx.file, nameNode);
    const v = value && unparen(value);
    const aliased = !type && v ? this.resolveMap(v, ctx) : undefined;
    // `inner := m[k]` names one inner map among many: its own identity, so goroutines each handed
    // their own inner map stay apart (`m[a][b] = v` still writes the shared inner-map identity).
    if (aliased && v!.type === 'index_expression') {
      return ctx.scope.declare(newVar(name, nameNode, ctx.file, { isMap: true, elemMap: aliased.elemMap }));
    }
    if (aliased) {
      const locks = [...ctx.locks];
      const escape = this.escapeOf(v!, ctx) ?? (locks.length ? { locks, node: nameNode, file: ctx.file, via: 'taken while the lock is held', here: 'taken here' } : undefined);
      return ctx.scope.alias(name, aliased, escape);
    }
    const isMap = type
      ? isMapTypeNode(ctx.file, type, this.model.mapTypes)
      : !!v && isMapValue(ctx.file, v, this.model.mapTypes);
    const valueType = !type && v ? this.typeOf(v, ctx) : undefined;
    // `x := NewT()`, `y := x`, `z := Must(x)`: the instance made there, under a new name.
    if (valueType?.fresh) {
      if (isReturned(name, nameNode, ctx.file)) valueType.fresh.returned = true;
      return ctx.scope.alias(name, valueType.fresh);
    }
    const typeName = type ? this.structType(ctx.file, type) : valueType?.typeName;
    const fresh = !!typeName && (!!type || (!!v && isConstruction(v, ctx.file)));
    const foreign = type ? isForeignType(type) : valueType?.foreign;
    const typeOrValue = type ?? v;
    const elemMap = isMap && !!typeOrValue && hasMapValues(ctx.file, typeOrValue, this.model.mapTypes);
    const decl = newVar(name, nameNode, ctx.file, { isMap, typeName, fresh, elemMap, foreign });
    if (type && isIoReader(ctx.file, type)) decl.reader = true;
    if (fresh) decl.returned = isReturned(name, nameNode, ctx.file);
    if (fresh && v) this.ownParts(decl, v, ctx);
    if (v?.type === 'func_literal') decl.closure = { lit: v, scope: ctx.scope };
    ctx.scope.declare(decl);
  }

  /** Runs a named closure's body at `at` (a call, or a use as a value), once per walk of that point. */
  private runClosure(v: VarDecl, args: SyntaxNode[], ctx: Ctx, at: SyntaxNode): void {
    const closure = v.closure!;
    this.insideClosure(v, () => this.walkClosureBody(closure.lit, { ...ctx, scope: closure.scope, posOverride: this.pos(ctx, at) }, args, ctx));
  }

  /**
   * Runs `walk` over the body of the named closure `v`, unless `v` is running already (it calls or starts
   * itself), closures are nested too deep, or too many bodies ran (MAX_CLOSURE_RUNS); false if it did not.
   */
  private insideClosure(v: VarDecl, walk: () => void): boolean {
    if (this.runningClosures.has(v) || this.runningClosures.size > MAX_INLINE_DEPTH) return false;
    if (this.runningClosures.size === 0) this.closureRuns = 0;
    if (++this.closureRuns > MAX_CLOSURE_RUNS) return false;
    this.runningClosures.add(v);
    try {
      walk();
    } finally {
      this.runningClosures.delete(v);
    }
    return true;
  }

  private walkFor(node: SyntaxNode, ctx: Ctx): void {
    const scope = new Scope(ctx.scope);
    const header: Ctx = { ...ctx, scope };
    const body = childByField(node, 'body');
    const loops = [...ctx.loops, { node, file: ctx.file, start: this.pos(ctx, node), end: ctx.posOverride ?? node.end }];
    for (const c of node.children) {
      if (c.type === 'range_clause') {
        const right = childByField(c, 'right');
        if (right) {
          const r = unparen(right);
          const v = this.resolveMap(r, ctx);
          if (v) {
            // `range m[k]` reads m, `range f()` runs f: first what the expression itself does.
            if (r.type !== 'identifier' && r.type !== 'selector_expression') this.walk(r, ctx);
            const escape = this.escapeOf(r, ctx);
            ctx.tl.accesses.push({ v, kind: 'iterate', node: r, file: ctx.file, pos: this.pos(ctx, r), loops: ctx.loops, locks: [...ctx.locks], escape });
          } else {
            this.walk(right, header);
            // Ranging over a channel waits for its close; the loop ends there.
            ctx.tl.syncs.push({ kind: 'rangeRecv', key: this.keyOf(right, ctx), pos: ctx.posOverride ?? node.end, loops: ctx.loops });
          }
        }
        const left = childByField(c, 'left');
        if (left) {
          const isDecl = c.children.some((x) => x.type === ':=');
          for (const n of namedChildren(left)) {
            if (isDecl && n.type === 'identifier') scope.declare(newVar(nodeText(ctx.file, n), n, ctx.file, { isMap: false }));
            else if (!isDecl) this.walk(n, { ...header, loops });
          }
        }
      } else if (c.type === 'for_clause') {
        for (const part of c.children) if (part.named) this.walk(part, { ...header, loops: part.field === 'initializer' ? ctx.loops : loops });
      } else if (c !== body && c.named) {
        this.walk(c, { ...header, loops });
      }
    }
    if (body) this.walk(body, { ...header, loops });
  }

  private walkDefer(node: SyntaxNode, ctx: Ctx): void {
    const call = firstNamed(node);
    if (!call) return;
    const fn = call.type === 'call_expression' ? childByField(call, 'function') : undefined;
    // `defer mu.Unlock()` keeps the lock to the end of the function.
    if (fn?.type === 'selector_expression' && LOCK_METHODS.has(nodeText(ctx.file, childByField(fn, 'field') ?? fn))) return;
    this.walk(call, { ...ctx, posOverride: ctx.end });
  }

  private walkClosureBody(lit: SyntaxNode, ctx: Ctx, args: SyntaxNode[], argCtx: Ctx = ctx): void {
    const scope = new Scope(ctx.scope);
    this.bindLiteralParams(lit, args, scope, argCtx);
    const body = childByField(lit, 'body');
    if (body) this.walk(body, { ...ctx, scope, results: undefined });
  }

  /** A literal's parameters alias the map variables passed to them. */
  private bindLiteralParams(lit: SyntaxNode, args: SyntaxNode[], scope: Scope, ctx: Ctx): void {
    const params = this.declareParams(childByField(lit, 'parameters'), ctx.file, scope, true);
    for (const p of params) {
      const arg = p.paramIndex !== undefined ? args[p.paramIndex] : undefined;
      const bound = arg && this.resolveMap(arg, ctx);
      if (bound && p.name !== '_') scope.alias(p.name, bound);
    }
  }

  private walkGo(node: SyntaxNode, ctx: Ctx): void {
    const call = firstNamed(node);
    if (!call || call.type !== 'call_expression') return;
    const fn = childByField(call, 'function');
    const args = childByField(call, 'arguments');
    const argList = args ? namedChildren(args) : [];
    // Arguments are evaluated by the spawning goroutine.
    for (const a of argList) this.walk(a, ctx);
    this.share(node, ctx);
    const who: Who = { kind: 'goroutine', goNode: node, file: ctx.file };
    const body = fn && this.goroutineBody(fn, argList, who, ctx);
    if (body) ctx.tl.spawns.push({ goNode: node, file: ctx.file, pos: this.pos(ctx, node), loops: ctx.loops, body });
  }

  /**
   * A constructor's instance that a goroutine gets and the constructor returns (`go c.janitor(); return c`)
   * is from here on the instance every caller holds: its fields are the type's fields, not private ones.
   */
  private share(node: SyntaxNode, ctx: Ctx): void {
    if (node.type === 'identifier') {
      const v = this.resolve(node, ctx);
      if (v?.fresh && v.returned) v.fresh = false;
      return;
    }
    for (const c of node.children) this.share(c, ctx);
  }

  /** What a function value does when run as a goroutine: a literal, a named closure, a function or method. */
  private goroutineBody(fn: SyntaxNode, argList: SyntaxNode[], who: Who, ctx: Ctx): Timeline | undefined {
    let body: Timeline | undefined;
    fn = unparen(fn);
    const param = this.calledParam(fn, ctx);
    if (param) {
      body = { ...emptyTimeline(who, ctx.file), paramCalls: [{ index: param.paramIndex!, pos: 0, loops: [], locks: [] }] };
    } else if (fn.type === 'func_literal') {
      body = emptyTimeline(who, ctx.file);
      const scope = new Scope(ctx.scope);
      this.bindLiteralParams(fn, argList, scope, ctx);
      const block = childByField(fn, 'body');
      if (block) this.walk(block, { tl: body, file: ctx.file, scope, locks: [], loops: [], end: block.end });
    } else if (fn?.type === 'identifier' && this.resolve(fn, ctx)?.closure) {
      const v = this.resolve(fn, ctx)!;
      const closure = v.closure!;
      const started = emptyTimeline(who, ctx.file);
      const block = childByField(closure.lit, 'body');
      const inner: Ctx = { tl: started, file: ctx.file, scope: closure.scope, locks: [], loops: [], end: block?.end ?? closure.lit.end };
      // A closure that starts itself (`f = func() { ...; go f() }`) is walked once, as runClosure does.
      if (this.insideClosure(v, () => this.walkClosureBody(closure.lit, inner, argList, ctx))) body = started;
    } else {
      const target = this.callee(fn, ctx);
      if (target) this.markCalled(target);
      const summary = target && this.summaryOf(target);
      const params = target && !summary && this.inProgress.has(target) ? this.partialParams.get(target) : undefined;
      if (summary) {
        body = instantiate(summary, this.bind(summary.params, argList, ctx, fn), who);
        this.runParamCalls(body, argList, ctx);
      } else if (target && params) {
        body = emptyTimeline(who, ctx.file);
        const binding = this.bind(params, argList, ctx, fn);
        this.selfSpawns.push({ fn: target, body, binding });
        this.records.noteCrossSpawn({ target, params, body, empty: { who: body.who, file: body.file }, binding });
      }
    }
    return body;
  }

  /**
   * Calls that run a function on another goroutine: HTTP handler registration (each request on its own
   * goroutine, so the handler races with itself), errgroup/WaitGroup `Go`, and `time.AfterFunc`.
   */
  private asyncCall(node: SyntaxNode, fn: SyntaxNode, argList: SyntaxNode[], ctx: Ctx): boolean {
    const text = nodeText(ctx.file, fn);
    const method = fn.type === 'selector_expression' ? nodeText(ctx.file, childByField(fn, 'field') ?? fn) : '';
    const operand = fn.type === 'selector_expression' ? childByField(fn, 'operand') : undefined;
    let callback: SyntaxNode | undefined;
    // The label names a line: made when read, so a kept summary names the line where the call is now.
    let label: (at: string) => string;
    let startedHere: string;
    let repeats = false;
    let doneKey: string | undefined;
    if ((method === 'HandleFunc' || method === 'Handle') && argList.length === 2) {
      callback = this.handlerFunction(argList[1], ctx);
      label = (at) => `the HTTP handler registered at ${at}`;
      startedHere = 'registered as an HTTP handler here: every request runs it on its own goroutine';
      repeats = true;
    } else if (method === 'Go' && argList.length === 1 && operand) {
      callback = argList[0];
      const group = nodeText(ctx.file, operand);
      label = (at) => `the goroutine started by ${group}.Go at ${at}`;
      startedHere = 'the goroutine is started here';
      doneKey = this.keyOf(operand, ctx);
    } else if (text === 'time.AfterFunc' && argList.length === 2) {
      callback = argList[1];
      label = (at) => `the time.AfterFunc callback scheduled at ${at}`;
      startedHere = 'time.AfterFunc runs this callback on its own goroutine';
    } else {
      return false;
    }
    if (!callback) return false;
    for (const a of argList) if (a !== callback) this.walk(a, ctx);
    const file = ctx.file;
    const who: Who = {
      kind: 'goroutine',
      goNode: node,
      file,
      startedHere,
      get label() {
        return label(where(file.path, node));
      },
    };
    const body = this.goroutineBody(callback, [], who, ctx);
    if (!body) return true;
    if (doneKey) body.syncs.push({ kind: 'done', key: doneKey, pos: Infinity, loops: [] });
    ctx.tl.spawns.push({ goNode: node, file: ctx.file, pos: this.pos(ctx, node), loops: repeats ? [...ctx.loops, REPEATS] : ctx.loops, body });
    return true;
  }

  /** `f`, `http.HandlerFunc(f)` or a value whose ServeHTTP method serves the requests. */
  private handlerFunction(handler: SyntaxNode, ctx: Ctx): SyntaxNode | undefined {
    const h = unparen(handler);
    if (h.type === 'call_expression' && /(^|\.)HandlerFunc$/.test(nodeText(ctx.file, childByField(h, 'function') ?? h))) {
      const args = childByField(h, 'arguments');
      return args ? namedChildren(args)[0] : undefined;
    }
    return h;
  }

  /** Runs `fn` as a goroutine with unknown arguments: for methods that may be called concurrently. */
  asGoroutine(fn: FuncInfo, who: Who): Timeline | undefined {
    const summary = this.summaryOf(fn);
    return summary && instantiate(summary, { vars: new Map(), keys: new Map() }, who);
  }

  private walkCall(node: SyntaxNode, ctx: Ctx): void {
    const fn = childByField(node, 'function');
    const args = childByField(node, 'arguments');
    const argList = args ? namedChildren(args) : [];
    if (!fn) return;
    if (fn.type === 'selector_expression') {
      const method = nodeText(ctx.file, childByField(fn, 'field') ?? fn);
      const operand = childByField(fn, 'operand');
      if (operand && argList.length === 0 && LOCK_METHODS.has(method)) return this.lockOp(method, operand, node, ctx);
      if (operand && argList.length === 0 && (method === 'Wait' || method === 'Done')) {
        this.walk(operand, ctx);
        return this.sync(ctx, method === 'Wait' ? 'wait' : 'done', operand, node);
      }
    }
    if (this.asyncCall(node, fn, argList, ctx)) return;
    if (fn.type === 'identifier' && nodeText(ctx.file, fn) === 'close' && argList.length === 1 && !this.resolve(fn, ctx)) {
      this.walk(argList[0], ctx);
      return this.sync(ctx, 'close', argList[0], node);
    }
    const pipe = fn.type === 'selector_expression' && /^Write(String)?$/.test(nodeText(ctx.file, childByField(fn, 'field') ?? fn)) ? this.pipes.get(this.keyOf(childByField(fn, 'operand') ?? fn, ctx)) : undefined;
    if (pipe) {
      for (const a of argList) this.walk(a, ctx);
      ctx.tl.syncs.push({ kind: 'recv', key: pipe, pos: this.pos(ctx, node), loops: ctx.loops, alternatives: ctx.alternatives });
      return;
    }
    // A function value handed to a package function runs where that function calls it (runParamCalls).
    const target = fn.type !== 'func_literal' ? this.callee(fn, ctx) : undefined;
    for (const a of argList) if (!(target && this.isFunctionValue(a, ctx))) this.walk(a, ctx);
    // Reading from (or closing) a reader that may be a pipe's reading end lets the pipe's writer go on.
    for (const x of fn.type === 'selector_expression' ? [...argList, childByField(fn, 'operand')] : argList) {
      const e = x && unparen(x);
      if (e?.type === 'identifier' && this.resolve(e, ctx)?.reader) this.sync(ctx, 'send', e, node);
    }
    if (fn.type === 'func_literal') return this.walkClosureBody(fn, ctx, argList);
    const named = fn.type === 'identifier' ? this.resolve(fn, ctx) : undefined;
    if (named?.closure) return this.runClosure(named, argList, ctx, node);
    const param = this.calledParam(fn, ctx);
    if (param) {
      (ctx.tl.paramCalls ??= []).push({ index: param.paramIndex!, pos: this.pos(ctx, node), loops: ctx.loops, locks: [...ctx.locks] });
      return;
    }
    if (fn.type === 'selector_expression') {
      const operand = childByField(fn, 'operand');
      if (operand) this.walk(operand, ctx);
    } else if (fn.type !== 'identifier') {
      this.walk(fn, ctx);
    }
    if (target) this.markCalled(target);
    const summary = target && this.summaryOf(target);
    if (!summary) return;
    const binding = this.bind(summary.params, argList, ctx, fn);
    this.inline(summary, binding, node, ctx, argList);
    // `f()[k]`, `len(f())`: an access to the map f returns.
    const returned = returnedFrom(summary, binding);
    if (returned) this.recordAccess(returned.v, node, ctx, returned.escape);
  }

  /** The key `operand.Lock()` takes: `s.Lock()` on a struct embedding sync.Mutex locks that embedded mutex. */
  private lockKey(operand: SyntaxNode, ctx: Ctx): { key: string; embedded: boolean } {
    const base = this.typeOf(operand, ctx);
    const embedded = base.typeName && !base.fresh && (mutexOwner(this.model, base.typeName, 'Mutex') ?? mutexOwner(this.model, base.typeName, 'RWMutex'));
    if (embedded) return { key: `${embedded.name}.${embedded.mutexes.find((m) => m === 'Mutex' || m === 'RWMutex')}`, embedded: true };
    return { key: this.keyOf(operand, ctx), embedded: false };
  }

  private lockOp(method: string, operand: SyntaxNode, call: SyntaxNode, ctx: Ctx): void {
    const { key, embedded } = this.lockKey(operand, ctx);
    if (method === 'Lock' || method === 'RLock') {
      const o = unparen(operand);
      const mutex = o.type === 'identifier' && !embedded ? this.resolve(o, ctx) : undefined;
      ctx.locks.push({ key, read: method === 'RLock', mutex, text: nodeText(ctx.file, operand), at: { node: call, file: ctx.file } });
      return;
    }
    const read = method === 'RUnlock';
    for (let i = ctx.locks.length - 1; i >= 0; i--) {
      if (ctx.locks[i].key === key && ctx.locks[i].read === read) {
        ctx.locks.splice(i, 1);
        return;
      }
    }
  }

  /** The package function or method a call expression names, when that is evident. */
  /** `receiver.type` is set to the operand's type when `fn` is a selector that had to be typed. */
  private callee(fn: SyntaxNode, ctx: Ctx, receiver?: { type?: ExprType }): FuncInfo | undefined {
    const f = unparen(fn);
    if (f.type === 'identifier') {
      if (ctx.scope.lookup(nodeText(ctx.file, f))) return undefined;
      return this.model.funcs.get(nodeText(ctx.file, f));
    }
    if (f.type === 'selector_expression') {
      const operand = childByField(f, 'operand');
      const field = childByField(f, 'field');
      if (!operand || !field) return undefined;
      // `pkg.Func` of an imported package: not ours.
      if (operand.type === 'identifier' && !this.resolve(operand, ctx)) return undefined;
      const type = this.typeOf(operand, ctx);
      if (receiver) receiver.type = type;
      if (type.typeName) return lookupMethod(this.model, type.typeName, nodeText(ctx.file, field));
      // `x.once.Do(f)` on a sync.Once is not the package's own `Do`, however unique that name is.
      if (type.foreign) return undefined;
      // One type's method (its declarations for other builds aside) is the only one of that name.
      const candidates = this.model.methods.get(nodeText(ctx.file, field));
      return candidates && new Set(candidates.map((m) => m.receiverType)).size === 1 ? candidates[0] : undefined;
    }
    return undefined;
  }

  private isFunctionValue(arg: SyntaxNode, ctx: Ctx): boolean {
    const a = unparen(arg);
    return a.type === 'func_literal' || (a.type === 'identifier' && !!this.resolve(a, ctx)?.closure);
  }

  /** A parameter of the function being summarized that holds a function, called here. */
  private calledParam(fn: SyntaxNode, ctx: Ctx): VarDecl | undefined {
    const f = unparen(fn);
    const v = f.type === 'identifier' ? this.resolve(f, ctx) : undefined;
    return v && !v.isMap && !v.closure && v.paramIndex !== undefined && this.funcParams.has(v) ? v : undefined;
  }

  /**
   * Runs the function arguments of a call where the callee calls them: a literal or named closure in
   * the caller's scope, a package function, or, for the caller's own parameter, another deferred call.
   */
  private runParamCalls(tl: Timeline, args: SyntaxNode[], ctx: Ctx): void {
    for (const s of tl.spawns) this.runParamCalls(s.body, args, ctx);
    const calls = tl.paramCalls ?? [];
    tl.paramCalls = undefined;
    for (const c of calls) {
      const arg = args[c.index] && unparen(args[c.index]);
      if (!arg) continue;
      const at: Ctx = { ...ctx, tl, locks: [...c.locks], loops: c.loops, posOverride: c.pos, results: undefined, alternatives: undefined };
      const named = arg.type === 'identifier' ? this.resolve(arg, ctx) : undefined;
      const forwarded = this.calledParam(arg, ctx);
      if (arg.type === 'func_literal') this.walkClosureBody(arg, at, []);
      else if (named?.closure) this.runClosure(named, [], at, arg);
      else if (forwarded) (tl.paramCalls ??= []).push({ ...c, index: forwarded.paramIndex! });
      else {
        const target = this.callee(arg, ctx);
        const summary = target && this.summaryOf(target);
        if (target) this.markCalled(target);
        if (summary) this.inline(summary, this.bind(summary.params, [], ctx, arg), arg, at);
      }
    }
  }

  private bind(params: VarDecl[], args: SyntaxNode[], ctx: Ctx, fn?: SyntaxNode): Binding {
    const binding: Binding = { vars: new Map(), keys: new Map() };
    // A method called on a struct made here works on that instance's maps, not every instance's;
    // so does a function given that struct as an argument.
    const operand = fn?.type === 'selector_expression' ? childByField(fn, 'operand') : undefined;
    const fresh = operand && this.typeOf(operand, ctx).fresh;
    if (fresh) this.bindInstance(binding, fresh.typeName, fresh);
    params.forEach((p) => {
      const arg = p.paramIndex !== undefined ? args[p.paramIndex] : undefined;
      if (!arg) return;
      const instance = p.typeName && this.typeOf(arg, ctx).fresh;
      if (instance) this.bindInstance(binding, p.typeName, instance);
      // A parameter the callee locks (`lk sync.Locker`) is the mutex the caller would lock on the argument.
      binding.keys.set(`v${p.id}`, p.typeName ? this.keyOf(arg, ctx) : this.lockKey(arg, ctx).key);
      const v = this.resolveMap(arg, ctx);
      if (v) binding.vars.set(p, v);
      if (v?.elemMap && p.elem) binding.vars.set(p.elem, elemOf(v));
    });
    return binding;
  }

  /** Maps the fields of struct `typeName` (and of the structs it holds by value) to those of `instance`. */
  private bindInstance(binding: Binding, typeName: string | undefined, instance: VarDecl, depth = 0): void {
    const struct = typeName ? this.model.structs.get(typeName) : undefined;
    if (!struct || depth > 4) return;
    for (const f of struct.fields.values()) {
      if (f.decl.isMap) {
        if (!binding.vars.has(f.decl)) binding.vars.set(f.decl, instanceField(instance, f));
      } else if (f.typeName && this.model.structs.has(f.typeName)) {
        const part = partOf(instance, f);
        if (part) this.bindInstance(binding, f.typeName, part, depth + 1);
      }
    }
  }

  /**
   * Runs a callee at the call site: its shared accesses, syncs and spawns happen within `call`,
   * in their own order (positions squeezed into [call.start, call.start + 1)).
   */
  private inline(summary: FuncSummary, binding: Binding, call: SyntaxNode, ctx: Ctx, args: SyntaxNode[] = []): void {
    const base = this.pos(ctx, call);
    const span = summary.end - summary.start + 2;
    const at = (p: number) => base + (Math.min(Math.max(p, summary.start), summary.end) - summary.start + 1) / span;
    const loops = (inner: Loop[]) => [...ctx.loops, ...inner.map((l) => ({ ...l, start: at(l.start), end: at(l.end) }))];
    const body = compact(instantiate(summary, binding, summary.timeline.who));
    // The callee's own calls of function arguments run here, in the callee's coordinates, then move with it.
    this.runParamCalls(body, args, { ...ctx, posOverride: undefined });
    const step = { node: call, file: ctx.file, callee: summary.timeline.who.kind === 'func' ? summary.timeline.who.name : summary.fn.name };
    for (const a of body.accesses) {
      ctx.tl.accesses.push({ ...a, pos: at(a.pos), loops: loops(a.loops), locks: [...ctx.locks, ...a.locks], via: [step, ...(a.via ?? [])] });
    }
    for (const s of body.syncs) ctx.tl.syncs.push({ ...s, pos: at(s.pos), loops: loops(s.loops) });
    for (const s of body.spawns) ctx.tl.spawns.push({ ...s, pos: at(s.pos), loops: loops(s.loops), via: [step, ...(s.via ?? [])] });
    for (const c of body.paramCalls ?? []) (ctx.tl.paramCalls ??= []).push({ ...c, pos: at(c.pos), loops: loops(c.loops), locks: [...ctx.locks, ...c.locks] });
  }
}

/**
 * A callee's timeline as seen from outside one call: its own locals are private to that call, so
 * only package-level maps and maps bound to its parameters remain; keys of bound parameters are renamed.
 */
function instantiate(summary: FuncSummary, binding: Binding, who: Who): Timeline {
  const renameKey = keyRenamer(binding);
  const mapTimeline = (tl: Timeline, topWho: Who): Timeline => ({
    who: topWho,
    file: tl.file,
    accesses: tl.accesses.flatMap((a): Access[] => {
      const v = boundVar(summary, binding, a.v);
      return v ? [{ ...a, v, locks: a.locks.map((l) => renameLock(l, renameKey)) }] : [];
    }),
    syncs: tl.syncs.map((s): Sync => ({ ...s, key: renameKey(s.key) })),
    spawns: tl.spawns.map((s): Spawn => ({ ...s, body: mapTimeline(s.body, s.body.who) })),
    paramCalls: tl.paramCalls?.map((c) => ({ ...c, locks: c.locks.map((l) => renameLock(l, renameKey)) })),
  });
  return mapTimeline(summary.timeline, who);
}

/** The one map a callee returns, as the caller's binding names it, and the locks it was returned under. */
function returnedFrom(summary: FuncSummary, binding: Binding): { v: VarDecl; escape?: Escape } | undefined {
  if (summary.results.length !== 1) return undefined;
  const r = summary.results[0];
  const v = boundVar(summary, binding, r.v);
  if (!v) return undefined;
  const renameKey = keyRenamer(binding);
  const locks = r.locks.map((l) => renameLock(l, renameKey));
  const fn = summary.fn;
  const name = fn.receiverType ? `${fn.receiverType}.${fn.name}` : fn.name;
  return { v, escape: locks.length ? { locks, node: r.node, file: r.file, via: `returned by ${name} while it holds the lock`, here: 'returned here' } : undefined };
}

/** A callee's map as seen by the caller: a bound parameter's argument, or a shared map; its own locals are private. */
function boundVar(summary: FuncSummary, binding: Binding, v: VarDecl): VarDecl | undefined {
  if (summary.params.includes(v)) return binding.vars.get(v);
  return binding.vars.get(v) ?? (v.global ? v : undefined);
}

function keyRenamer(binding: Binding): (key: string) => string {
  return (key) => {
    const m = /^v\d+/.exec(key);
    const bound = m && binding.keys.get(m[0]);
    return bound ? bound + key.slice(m![0].length) : key;
  };
}

/**
 * Inlined events all land inside one call, so repeats add nothing: one access per node, variable
 * and lockset; the first and last sync of each kind and key; one spawn per go statement.
 * This keeps summaries linear in the package instead of growing with every level of calls.
 */
function compact(tl: Timeline): Timeline {
  const accesses = new Map<string, Access>();
  for (const a of tl.accesses) {
    const key = `${a.file.path}:${a.node.start}:${a.v.id}:${a.locks.map((l) => `${l.key}/${l.read}`).join(',')}`;
    if (!accesses.has(key)) accesses.set(key, a);
  }
  const syncs = new Map<string, Sync[]>();
  for (const s of tl.syncs) {
    const key = `${s.kind}:${s.key}`;
    const seen = syncs.get(key);
    if (!seen) syncs.set(key, [s]);
    else seen[1] = s;
  }
  const spawns = new Map<SyntaxNode, Spawn>();
  for (const s of tl.spawns) if (!spawns.has(s.goNode)) spawns.set(s.goNode, s);
  return { ...tl, accesses: [...accesses.values()], syncs: [...syncs.values()].flat().sort((a, b) => a.pos - b.pos), spawns: [...spawns.values()] };
}

function renameLock(lock: Lock, renameKey: (key: string) => string): Lock {
  const key = renameKey(lock.key);
  // A mutex passed in as a parameter has another name at the call site.
  return key === lock.key ? lock : { key, read: lock.read };
}

/** How an identifier naming a map uses it, and the expression to report. */
function accessKind(id: SyntaxNode, file: SourceFile): { kind: AccessKind; node: SyntaxNode } | undefined {
  let expr = id;
  while (expr.parent?.type === 'parenthesized_expression') expr = expr.parent;
  const parent = expr.parent;
  if (!parent) return undefined;
  if (parent.type === 'index_expression' && expr.field === 'operand') {
    let outer = parent;
    while (outer.parent?.type === 'parenthesized_expression') outer = outer.parent;
    const holder = outer.parent;
    if (holder?.type === 'inc_statement' || holder?.type === 'dec_statement') return { kind: 'write', node: parent };
    if (holder?.type === 'expression_list' && holder.field === 'left' && holder.parent?.type === 'assignment_statement') {
      return { kind: 'write', node: parent };
    }
    return { kind: 'read', node: parent };
  }
  if (parent.type === 'argument_list' && parent.parent?.type === 'call_expression') {
    const call = parent.parent;
    const fn = childByField(call, 'function');
    const builtin = fn?.type === 'identifier' ? nodeText(file, fn) : '';
    const first = namedChildren(parent)[0] === expr;
    if (first && (builtin === 'delete' || builtin === 'clear')) return { kind: 'write', node: call };
    if (first && builtin === 'len') return { kind: 'read', node: call };
  }
  return undefined;
}

/** Does the function declaring `nameNode` return the variable `name` (`return c` or `return c, nil`)? */
function isReturned(name: string, nameNode: SyntaxNode, file: SourceFile): boolean {
  const found = (n: SyntaxNode): boolean => {
    if (n.type === 'func_literal') return false;
    if (n.type === 'return_statement') return returnValues(n).some((v) => unparen(v).type === 'identifier' && nodeText(file, unparen(v)) === name);
    return n.children.some(found);
  };
  const fn = enclosingFunction(nameNode);
  const body = fn && childByField(fn, 'body');
  return !!body && found(body);
}

/** `&T{...}`, `T{...}` or `new(T)`: a value made right here. */
function isConstruction(value: SyntaxNode, file: SourceFile): boolean {
  const v = unparen(value);
  if (v.type === 'composite_literal') return true;
  if (v.type === 'unary_expression' && v.children[0]?.type === '&') {
    const operand = childByField(v, 'operand');
    return !!operand && unparen(operand).type === 'composite_literal';
  }
  if (v.type === 'call_expression') {
    const fn = childByField(v, 'function');
    return !!fn && fn.type === 'identifier' && nodeText(file, fn) === 'new';
  }
  return false;
}

/** `io.Reader`, `io.ReadCloser` or `*io.PipeReader`: may be the reading end of an io.Pipe. */
function isIoReader(file: SourceFile, type: SyntaxNode): boolean {
  return /^\*?io\.(Reader|ReadCloser|PipeReader)$/.test(nodeText(file, type));
}

/** `x, err := f()`: the call gives the first name its first result. */
function valueFor(names: SyntaxNode[], values: SyntaxNode[], i: number): SyntaxNode | undefined {
  if (names.length === values.length) return values[i];
  return i === 0 && values.length === 1 && unparen(values[0]).type === 'call_expression' ? values[0] : undefined;
}

/**
 * A function returns a new instance on every call when each return gives back one made there (or nil)
 * and it starts no goroutine that could keep a hold of it; or it hands back one parameter (`Must`).
 */
function resultOf(kinds: ReturnKind[], tl: Timeline): FuncSummary['result'] {
  const given = kinds.filter((k) => k !== 'nil');
  if (given.length === 0) return undefined;
  if (given.every((k) => k === 'fresh')) return tl.spawns.length === 0 ? 'fresh' : undefined;
  return given.every((k) => k === given[0]) && given[0] !== 'other' ? given[0] : undefined;
}

/**
 * The struct in field `field` of an instance, when it is part of it: held by value (an embedded one
 * shares the instance's field names), or pointed to and made for it (see ownParts).
 */
function partOf(instance: VarDecl, field: FieldInfo): VarDecl | undefined {
  const known = instance.instanceParts?.get(field.name);
  if (known || !field.byValue) return known;
  if (field.embedded) return instance;
  const part = newVar(`${instance.name}.${field.name}`, instance.node, instance.file, { isMap: false, typeName: field.typeName, fresh: true });
  (instance.instanceParts ??= new Map()).set(field.name, part);
  return part;
}

/** The pointer fields of an instance that point to structs made for it. */
function pointerParts(instance: VarDecl | undefined, model: PackageModel): string[] {
  if (!instance?.typeName || !instance.instanceParts) return [];
  const typeName = instance.typeName;
  return [...instance.instanceParts.keys()].filter((name) => lookupField(model, typeName, name)?.byValue === false);
}

/** The map field `field` of one struct instance made in a function. */
function instanceField(fresh: VarDecl, field: FieldInfo): VarDecl {
  fresh.instanceFields ??= new Map();
  let own = fresh.instanceFields.get(field.name);
  if (!own) {
    own = newVar(`${fresh.name}.${field.name}`, fresh.node, fresh.file, { isMap: true });
    own.field = field.decl;
    fresh.instanceFields.set(field.name, own);
  }
  return own;
}

