// Whether a function's new summary shows its callers the same as its previous one, after an edit that
// did not change what the function does to maps (a comment, a renamed local, code away from any map):
// then the summaries of its callers, made with the previous one, stand (see Summarizer.summarize).
//
// Callers see a summary through instantiate (accesses to package-level maps and to the parameters' maps,
// every synchronisation, goroutine and call of a function parameter), returnedFrom, bind and typeOf.
// Nodes must be the same objects (toSyntax keeps them across edits), and so must variables, except the
// parameters, which callers bind to their arguments (and whose keys they rename): the receiver and the
// locals are named by id in keys (`v12.mu`) that reach callers as they are, and are compared there with
// the keys of this function's own summary. Positions only have to be in the same order, since callers
// only compare them (inline squeezes them into a call, keeping their order).
import type { SourceFile, SyntaxNode } from '../syntax';
import type { FuncSummary } from './summarize';
import type { Access, Lock, Loop, ParamCall, Spawn, Step, Sync, Timeline, Who } from './timeline';
import type { Escape, VarDecl } from './variables';

class Matcher {
  /** The parameters that correspond, and their elements (maps of maps). */
  private readonly vars = new Map<VarDecl, VarDecl>();
  /** The ids of corresponding parameters, in keys. */
  private readonly ids = new Map<string, string>();
  readonly positions: [number[], number[]] = [[], []];

  constructor(private readonly a: FuncSummary, private readonly b: FuncSummary) {}

  /** Pairs the parameters: the same place in the list, the same facts. */
  params(): boolean {
    const { a, b } = this;
    return (
      a.params.length === b.params.length &&
      a.params.every((p, i) => {
        const q = b.params[i];
        const same =
          p.name === q.name && p.isMap === q.isMap && !!p.elemMap === !!q.elemMap && p.typeName === q.typeName && p.paramIndex === q.paramIndex && p.node === q.node && !p.elem === !q.elem;
        if (!same) return false;
        this.vars.set(p, q);
        if (p.elem) this.vars.set(p.elem, q.elem!);
        this.ids.set(`v${p.id}`, `v${q.id}`);
        return true;
      })
    );
  }

  pos(x: number, y: number): boolean {
    this.positions[0].push(x);
    this.positions[1].push(y);
    return true;
  }

  variable(x: VarDecl | undefined, y: VarDecl | undefined): boolean {
    if (x === y) return true;
    return !!x && !!y && this.vars.get(x) === y;
  }

  /** Keys name variables by id (`v12.mu`): the same text, but for the ids of corresponding parameters. */
  key(x: string, y: string): boolean {
    if (x === y) return true;
    const xs = x.split(/(v\d+)/);
    const ys = y.split(/(v\d+)/);
    if (xs.length !== ys.length) return false;
    return xs.every((part, i) => part === ys[i] || (i % 2 === 1 && this.ids.get(part) === ys[i]));
  }

  private list<T>(xs: readonly T[] | undefined, ys: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
    const [p, q] = [xs ?? [], ys ?? []];
    return p.length === q.length && p.every((x, i) => same(x, q[i]));
  }

  private node(x: { node: SyntaxNode; file: SourceFile }, y: { node: SyntaxNode; file: SourceFile }): boolean {
    return x.node === y.node && x.file === y.file;
  }

  loops(x: readonly Loop[], y: readonly Loop[]): boolean {
    return this.list(x, y, (l, m) => l.node === m.node && l.file === m.file && this.pos(l.start, m.start) && this.pos(l.end, m.end));
  }

  locks(x: readonly Lock[], y: readonly Lock[]): boolean {
    return this.list(x, y, (l, m) => this.key(l.key, m.key) && l.read === m.read && l.text === m.text && (!l.at === !m.at) && (!l.at || this.node(l.at, m.at!)) && this.variable(l.mutex, m.mutex));
  }

  private escape(x: Escape | undefined, y: Escape | undefined): boolean {
    if (!x || !y) return x === y;
    return this.locks(x.locks, y.locks) && this.node(x, y) && x.via === y.via && x.here === y.here;
  }

  private steps(x: readonly Step[] | undefined, y: readonly Step[] | undefined): boolean {
    return this.list(x, y, (s, t) => this.node(s, t) && s.callee === t.callee);
  }

  private access = (x: Access, y: Access): boolean =>
    this.variable(x.v, y.v) &&
    x.kind === y.kind &&
    this.node(x, y) &&
    this.pos(x.pos, y.pos) &&
    this.loops(x.loops, y.loops) &&
    this.locks(x.locks, y.locks) &&
    this.escape(x.escape, y.escape) &&
    x.caller === y.caller &&
    this.steps(x.via, y.via);

  private sync = (x: Sync, y: Sync): boolean =>
    x.kind === y.kind &&
    this.key(x.key, y.key) &&
    this.pos(x.pos, y.pos) &&
    this.loops(x.loops, y.loops) &&
    this.list(x.alternatives, y.alternatives, (r, s) => this.pos(r.start, s.start) && this.pos(r.end, s.end));

  private paramCall = (x: ParamCall, y: ParamCall): boolean => x.index === y.index && this.pos(x.pos, y.pos) && this.loops(x.loops, y.loops) && this.locks(x.locks, y.locks);

  private who(x: Who, y: Who): boolean {
    if (x.kind === 'func' || y.kind === 'func') return x.kind === y.kind && (x as { name: string }).name === (y as { name: string }).name;
    return x.goNode === y.goNode && x.file === y.file && x.label === y.label && x.startedHere === y.startedHere;
  }

  private spawn = (x: Spawn, y: Spawn): boolean =>
    x.goNode === y.goNode && x.file === y.file && this.pos(x.pos, y.pos) && this.loops(x.loops, y.loops) && this.steps(x.via, y.via) && this.timeline(x.body, y.body);

  /** What instantiate keeps of an access: one to a package-level map or a parameter's. */
  private seen(s: FuncSummary): (a: Access) => boolean {
    return (a) => a.v.global || s.params.some((p) => p === a.v || p.elem === a.v);
  }

  timeline(x: Timeline, y: Timeline): boolean {
    return (
      this.who(x.who, y.who) &&
      x.file === y.file &&
      this.list(x.accesses.filter(this.seen(this.a)), y.accesses.filter(this.seen(this.b)), this.access) &&
      this.list(x.syncs, y.syncs, this.sync) &&
      this.list(x.spawns, y.spawns, this.spawn) &&
      this.list(x.paramCalls, y.paramCalls, this.paramCall)
    );
  }

  results(): boolean {
    return this.list(this.a.results, this.b.results, (r, s) => this.variable(r.v, s.v) && this.locks(r.locks, s.locks) && this.node(r, s));
  }
}

/** Dense ranks of values: the same ranks mean every comparison between them comes out the same. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
  const out = new Array<number>(values.length);
  let rank = 0;
  order.forEach((i, k) => {
    if (k > 0 && values[i] !== values[order[k - 1]]) rank++;
    out[i] = rank;
  });
  return out;
}

/** Do callers of the function get the same from `b` as from `a` (its summary before an edit)? */
export function sameForCallers(a: FuncSummary, b: FuncSummary): boolean {
  if (a.fn !== b.fn || a.result !== b.result || (a.ownedParts ?? []).join() !== (b.ownedParts ?? []).join()) return false;
  const m = new Matcher(a, b);
  const same =
    m.params() &&
    m.pos(a.start, b.start) &&
    m.pos(a.end, b.end) &&
    m.results() &&
    m.timeline(a.timeline, b.timeline);
  if (!same) return false;
  const [x, y] = m.positions.map(ranks);
  return x.every((r, i) => r === y[i]);
}
