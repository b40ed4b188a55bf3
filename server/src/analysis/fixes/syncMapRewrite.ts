// Each use of a map as its sync.Map call. `m[k] = v` is Store; `v := m[k]` loads with the comma-ok
// assertion, so a missing key still gives V's zero value; `delete` is Delete; `for k, v := range m` is
// Range (syncMapRange.ts). A use with no sync.Map equivalent (`len`, `m[k]++`, passing the map on) gives
// the reason instead.
import { childByField, namedChildren, nodeText, walk, type SourceFile, type SyntaxNode } from '../syntax';
import { eolOf, lineIndent } from './layout';
import { declaredInSameScope, STATEMENT_LISTS } from './goScope';
import { asType, type ExprContext, type GoType } from './goTypes';
import { formatExpr } from './gofmtExpr';
import { aloneOnItsLine, braceEndsLine, commentAlignmentProblem, lineEnd, lineStart } from './layout';
import { rangePieces } from './syncMapRange';
import type { Use } from './syncMapTarget';

/** Replace [start, end) of a file's text (UTF-16 offsets) with text. */
export interface Piece {
  start: number;
  end: number;
  text: string;
  /** For a rewritten range loop: the stretches of the original text its new text keeps (the body). */
  kept?: [number, number][];
  /** For a rewritten range loop: its new text without those stretches. */
  generated?: string;
}

export interface RewriteContext {
  key: GoType;
  value: GoType;
  /** `interface{}`, or `any` where the module's Go version has it. */
  anyType: string;
  exprContext(file: SourceFile): ExprContext;
  /** A name for a temporary at `at`, free there. */
  fresh(file: SourceFile, at: SyntaxNode, base: string): string;
}

/** What a use does, for choosing whether the conversion is the preferred fix. */
export interface UseFact {
  kind: 'store' | 'load' | 'delete' | 'range';
  file: SourceFile;
  node: SyntaxNode;
  key?: SyntaxNode;
}

export interface Rewritten {
  pieces: Map<SourceFile, Piece[]>;
  /** Per file, the packages the new text names (in conversions and assertions). */
  qualifiers: Map<SourceFile, Set<string>>;
  facts: UseFact[];
}

export function rewriteUses(uses: readonly Use[], ctx: RewriteContext): Rewritten | string {
  const r = new Rewriter(ctx);
  for (const u of uses) {
    const why = r.use(u);
    if (why) return `${why} (${where(u.file, u.node)})`;
  }
  return r.finish();
}

function where(file: SourceFile, node: SyntaxNode): string {
  return `${file.path.split(/[\\/]/).pop()}:${node.startPoint.row + 1}`;
}

class Rewriter {
  private readonly pieces = new Map<SourceFile, Piece[]>();
  private readonly qualifiers = new Map<SourceFile, Set<string>>();
  private facts: UseFact[] = [];
  /** Map expressions already rewritten with another use (the Store folded into a LoadOrStore). */
  private readonly consumed = new Set<SyntaxNode>();
  private readonly ranges: { file: SourceFile; use: Use; loop: SyntaxNode }[] = [];

  constructor(private readonly ctx: RewriteContext) {}

  use(u: Use): string | undefined {
    const e = u.node;
    const p = e.parent!;
    const text = nodeText(u.file, e);
    if (this.consumed.has(e)) return undefined;
    if (u.node.startPoint.row !== u.node.endPoint.row) return `\`${text}\` spans lines`;
    if (p.type === 'index_expression' && e.field === 'operand') return this.index(u, p);
    if (p.type === 'range_clause' && e.field === 'right' && p.parent?.type === 'for_statement') {
      this.ranges.push({ file: u.file, use: u, loop: p.parent });
      return undefined;
    }
    if (p.type === 'argument_list') {
      const call = p.parent!;
      const fn = nodeText(u.file, childByField(call, 'function') ?? call);
      const args = namedChildren(p);
      if (fn === 'delete' && args.length === 2 && args[0] === e && call.parent?.type === 'expression_statement') {
        this.facts.push({ kind: 'delete', file: u.file, node: e, key: args[1] });
        const key = this.arg(u.file, args[1]!, this.ctx.key, 1);
        if (key === undefined) return `\`${nodeText(u.file, args[1]!)}\` spans lines`;
        return this.replace(u.file, call.parent, [`${this.fmt(u.file, e, 1)}.Delete(${key})`]);
      }
      if (fn === 'len' || fn === 'cap' || fn === 'clear') return `\`${fn}(${text})\` has no sync.Map equivalent`;
      return `\`${text}\` is passed to \`${fn}\`, which takes a map`;
    }
    if (p.type === 'expression_list' && p.field === 'left') return `\`${text}\` is assigned (a sync.Map cannot be replaced or copied)`;
    if (p.type === 'expression_list' && p.parent?.type === 'return_statement') return `\`${text}\` is returned as a map`;
    if (p.type === 'binary_expression') return `\`${text}\` is compared`;
    if (p.type === 'unary_expression') return `the address of \`${text}\` is taken`;
    return `\`${text}\` is used as a map value`;
  }

  private index(u: Use, ix: SyntaxNode): string | undefined {
    const file = u.file;
    const map = this.fmt(file, u.node, 1);
    const key = childByField(ix, 'index');
    const parent = ix.parent!;
    if (!key) return 'an index expression is incomplete';
    if (parent.type === 'inc_statement' || parent.type === 'dec_statement') return `\`${nodeText(file, parent)}\` reads and writes in two steps on a sync.Map, not atomically`;
    if (parent.type === 'expression_list' && parent.field === 'left' && parent.parent?.type === 'assignment_statement') {
      const stmt = parent.parent;
      const op = childByField(stmt, 'operator')?.type;
      const rights = namedChildren(childByField(stmt, 'right') ?? stmt);
      if (op !== '=') return `\`${nodeText(file, stmt)}\` reads and writes in two steps on a sync.Map, not atomically`;
      if (namedChildren(parent).length !== 1 || rights.length !== 1) return `\`${nodeText(file, stmt)}\` assigns several values at once`;
      this.facts.push({ kind: 'store', file, node: u.node, key });
      const k = this.arg(file, key, this.ctx.key, 2);
      const v = this.arg(file, rights[0]!, this.ctx.value, 2);
      if (k === undefined || v === undefined) return `\`${nodeText(file, stmt)}\` spans lines`;
      return this.replace(file, stmt, [`${this.fmt(file, u.node, 2)}.Store(${k}, ${v})`]);
    }
    this.facts.push({ kind: 'load', file, node: u.node, key });
    const k = this.arg(file, key, this.ctx.key, 1);
    if (k === undefined) return `\`${nodeText(file, key)}\` spans lines`;
    const load = `${map}.Load(${k})`;
    const V = this.ctx.value.text;
    const assertion = (tmp: string) => {
      this.need(file, this.ctx.value.qualifiers);
      return `${tmp}.(${V})`;
    };
    const rhsOf = parent.type === 'expression_list' && namedChildren(parent).length === 1 ? parent.parent : undefined;
    if (rhsOf && parent.field === 'right' && (rhsOf.type === 'short_var_declaration' || rhsOf.type === 'assignment_statement')) {
      const op = rhsOf.type === 'short_var_declaration' ? ':=' : childByField(rhsOf, 'operator')?.type;
      const lefts = namedChildren(childByField(rhsOf, 'left') ?? rhsOf).map((l) => nodeText(file, l));
      if (op !== ':=' && op !== '=') return `\`${nodeText(file, rhsOf)}\` reads and writes in two steps`;
      const leftNodes = namedChildren(childByField(rhsOf, 'left') ?? rhsOf);
      if (op === '=' && leftNodes.some((l) => hasCallOrReceive(l))) return `\`${nodeText(file, rhsOf)}\` assigns to an expression with a call`;
      const [a, b] = lefts;
      if (lefts.length === 2 && a === '_' && b && b !== '_' && rhsOf.field === 'initializer' && rhsOf.parent?.type === 'if_statement') {
        const merged = this.loadOrStore(file, rhsOf.parent, u.node, key, b);
        if (merged) return merged === true ? undefined : merged;
      }
      if (lefts.length === 2 && a === '_') return this.replace(file, rhsOf, [`_, ${b} ${op} ${load}`]);
      if (lefts.length === 1 && a === '_') return this.replace(file, rhsOf, [load]);
      if (lefts.length > 2 || !a) return 'an assignment is incomplete';
      if (rhsOf.field === 'initializer' && rhsOf.parent?.type === 'if_statement') return this.ifInitializer(file, rhsOf, a, b, load, assertion);
      const tmp = this.ctx.fresh(file, ix, 'value');
      if (op === ':=') {
        const again = lefts.length === 2 && declaredInSameScope(file, rhsOf, a) ? '=' : ':=';
        return this.replace(file, rhsOf, [`${tmp}, ${b ?? '_'} := ${load}`, `${a}, _ ${again} ${assertion(tmp)}`]);
      }
      if (!b || b === '_') return this.replace(file, rhsOf, [`${tmp}, _ := ${load}`, `${a}, _ = ${assertion(tmp)}`]);
      const found = this.ctx.fresh(file, ix, 'found');
      return this.replace(file, rhsOf, [`${tmp}, ${found} := ${load}`, `${a}, _ = ${assertion(tmp)}`, `${b} = ${found}`]);
    }
    if (rhsOf?.type === 'var_spec' && parent.field === 'value' && !childByField(rhsOf, 'type')) {
      const decl = rhsOf.parent!;
      const names = namedChildren(rhsOf).filter((n) => n.field === 'name');
      if (decl.type !== 'var_declaration' || namedChildren(decl).length !== 1 || names.length !== 1) return `\`${nodeText(file, decl)}\` declares several variables`;
      const tmp = this.ctx.fresh(file, ix, 'value');
      return this.replace(file, decl, [`${tmp}, _ := ${load}`, `${nodeText(file, names[0]!)}, _ := ${assertion(tmp)}`]);
    }
    if (rhsOf?.type === 'return_statement') {
      const tmp = this.ctx.fresh(file, ix, 'value');
      const result = this.ctx.fresh(file, ix, 'result');
      return this.replace(file, rhsOf, [`${tmp}, _ := ${load}`, `${result}, _ := ${assertion(tmp)}`, `return ${result}`]);
    }
    return `\`${nodeText(file, ix)}\` is read inside a larger expression`;
  }

  /**
   * `if v, ok := m[k]; ok {`: load in the initializer and assert first thing in the body, when `v` is for
   * the body alone. Otherwise (`if v := m[k]; v > 0 {`) load just before the `if` and assert in it.
   */
  private ifInitializer(file: SourceFile, init: SyntaxNode, a: string, b: string | undefined, load: string, assertion: (tmp: string) => string): string | undefined {
    const stmt = init.parent!;
    const cond = childByField(stmt, 'condition');
    const body = childByField(stmt, 'consequence');
    const word = new RegExp(`\\b${a}\\b`);
    const eol = eolOf(file.text);
    const indent = lineIndent(file, stmt);
    const tmp = this.ctx.fresh(file, init, 'value');
    const bodyOnly =
      !!b && b !== '_' && /^[A-Za-z_]\w*$/.test(a) && !!body && !childByField(stmt, 'alternative') && !(cond && word.test(nodeText(file, cond))) &&
      body.startPoint.row !== body.endPoint.row && braceEndsLine(file, body) && word.test(nodeText(file, body)) &&
      !namedChildren(body).some((x) => new RegExp(`^${a}\\b[^=]*:=`).test(nodeText(file, x)));
    if (bodyOnly) {
      this.add(file, { start: init.start, end: init.end, text: `${tmp}, ${b} := ${load}` });
      const at = lineEnd(file, body!.start);
      this.add(file, { start: at, end: at, text: `${eol}${indent}\t${a}, _ := ${assertion(tmp)}` });
      return commentAlignmentProblem(file, stmt.startPoint.row);
    }
    // `v, ok := x.(V)` says whether the key was there only if no nil can be stored under it.
    if (b && b !== '_' && this.ctx.value.nilable) return `\`${nodeText(file, init)}\` needs its \`if\` body to use \`${a}\``;
    if (!stmt.parent || !STATEMENT_LISTS.has(stmt.parent.type) || !/^[ \t]*$/.test(file.text.slice(lineStart(file, stmt.start), stmt.start))) {
      return `\`${nodeText(file, init)}\` is in an \`if\` that cannot take a statement before it`;
    }
    this.add(file, { start: stmt.start, end: stmt.start, text: `${tmp}, _ := ${load}${eol}${indent}` });
    this.add(file, { start: init.start, end: init.end, text: `${a}, ${b ?? '_'} := ${assertion(tmp)}` });
    return commentAlignmentProblem(file, stmt.startPoint.row);
  }

  /**
   * `if _, ok := m[k]; !ok { m[k] = v }` is one atomic `m.LoadOrStore(k, v)`, when evaluating k once
   * and v always (not only when k is missing) changes nothing: neither calls or receives.
   */
  private loadOrStore(file: SourceFile, stmt: SyntaxNode, map: SyntaxNode, key: SyntaxNode, ok: string): true | string | undefined {
    const text = (n: SyntaxNode) => nodeText(file, n);
    const cond = childByField(stmt, 'condition');
    const body = childByField(stmt, 'consequence');
    if (!cond || !body || childByField(stmt, 'alternative') || !stmt.parent || !STATEMENT_LISTS.has(stmt.parent.type)) return undefined;
    if (text(cond).replace(/\s+/g, '') !== `!${ok}`) return undefined;
    let comments = false;
    walk(stmt, (n) => {
      if (n.type === 'comment') comments = true;
      return !comments;
    });
    const stmts = namedChildren(body);
    const only = stmts.length === 1 ? stmts[0] : undefined;
    if (comments || only?.type !== 'assignment_statement' || childByField(only, 'operator')?.type !== '=') return undefined;
    const lefts = namedChildren(childByField(only, 'left') ?? only);
    const rights = namedChildren(childByField(only, 'right') ?? only);
    const ix = lefts.length === 1 && rights.length === 1 && lefts[0]!.type === 'index_expression' ? lefts[0]! : undefined;
    const target = ix && childByField(ix, 'operand');
    const key2 = ix && childByField(ix, 'index');
    if (!target || !key2 || text(target) !== text(map) || text(key2) !== text(key)) return undefined;
    const value = rights[0]!;
    if (hasCallOrReceive(key) || hasCallOrReceive(value) || new RegExp(`\\b${ok}\\b`).test(text(value))) return undefined;
    const k = this.arg(file, key, this.ctx.key, 2);
    const v = this.arg(file, value, this.ctx.value, 2);
    if (k === undefined || v === undefined) return undefined;
    this.consumed.add(target);
    this.facts = this.facts.filter((f) => f.node !== map);
    this.facts.push({ kind: 'store', file, node: target, key: key2 });
    this.add(file, { start: stmt.start, end: stmt.end, text: `${this.fmt(file, map, 2)}.LoadOrStore(${k}, ${v})` });
    return commentAlignmentProblem(file, stmt.startPoint.row) ?? true;
  }

  /** `k`, or `K(k)` where an untyped constant would otherwise be stored as another type; spaced for `depth`. */
  private arg(file: SourceFile, expr: SyntaxNode, t: GoType, depth: number): string | undefined {
    const text = formatExpr(file, expr, depth);
    if (text === undefined) return undefined;
    const out = asType(expr, text, t, this.ctx.exprContext(file));
    if (out !== text) this.need(file, t.qualifiers);
    return out;
  }

  /** The map expression (`m`, `c.data`) as gofmt spaces it at `depth`. */
  private fmt(file: SourceFile, node: SyntaxNode, depth: number): string {
    return formatExpr(file, node, depth) ?? nodeText(file, node);
  }

  private need(file: SourceFile, qualifiers: readonly string[]): void {
    let set = this.qualifiers.get(file);
    if (!set) this.qualifiers.set(file, (set = new Set()));
    for (const q of qualifiers) set.add(q);
  }

  private add(file: SourceFile, piece: Piece): void {
    const list = this.pieces.get(file) ?? [];
    list.push(piece);
    this.pieces.set(file, list);
  }

  /** The statement becomes the lines given: one line anywhere, several only as a statement of a block. */
  private replace(file: SourceFile, stmt: SyntaxNode, lines: string[]): string | undefined {
    if (lines.length > 1) {
      if (!stmt.parent || !STATEMENT_LISTS.has(stmt.parent.type) || stmt.startPoint.row !== stmt.endPoint.row || !aloneOnItsLine(file, stmt)) {
        return `\`${nodeText(file, stmt)}\` needs several statements where only one fits`;
      }
    }
    const indent = lineIndent(file, stmt);
    this.add(file, { start: stmt.start, end: stmt.end, text: lines.join(`${eolOf(file.text)}${indent}`) });
    return commentAlignmentProblem(file, stmt.endPoint.row);
  }

  finish(): Rewritten | string {
    // Inner loops first: an outer loop's body takes their new text with it.
    const ranges = [...this.ranges].sort((a, b) => a.loop.end - a.loop.start - (b.loop.end - b.loop.start));
    for (const job of ranges) {
      const why = this.range(job.file, job.use, job.loop);
      if (why) return `${why} (${where(job.file, job.loop)})`;
    }
    for (const [file, list] of this.pieces) {
      list.sort((a, b) => a.start - b.start || a.end - b.end);
      for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.end) return `two uses overlap (${file.path.split(/[\\/]/).pop()})`;
    }
    return { pieces: this.pieces, qualifiers: this.qualifiers, facts: this.facts };
  }

  private range(file: SourceFile, use: Use, loop: SyntaxNode): string | undefined {
    const plan = rangePieces(file, loop, this.fmt(file, use.node, 1), {
      key: this.ctx.key,
      value: this.ctx.value,
      anyType: this.ctx.anyType,
      fresh: (base) => this.ctx.fresh(file, loop, base),
      need: (qualifiers) => this.need(file, qualifiers),
    });
    if (typeof plan === 'string') return plan;
    const { start, end, body, own } = plan;
    const list = this.pieces.get(file) ?? [];
    const inner = list.filter((p) => p.start >= body.start && p.end <= body.end);
    const merged = [...inner, ...own].sort((a, b) => a.start - b.start || a.end - b.end);
    let text = '';
    let at = start;
    const kept: [number, number][] = [];
    for (const p of merged) {
      if (p.start < at) return 'the range loop overlaps another rewrite';
      text += file.text.slice(at, p.start) + p.text;
      kept.push([at, p.start], ...(p.kept ?? []));
      at = p.end;
    }
    text += file.text.slice(at, end);
    kept.push([at, end]);
    const generated = merged.map((p) => p.generated ?? p.text).join('\n');
    this.pieces.set(file, [...list.filter((p) => !inner.includes(p)), { start, end, text, kept, generated }]);
    this.facts.push({ kind: 'range', file, node: use.node });
    return commentAlignmentProblem(file, loop.startPoint.row) ?? commentAlignmentProblem(file, body.endPoint.row);
  }
}

function hasCallOrReceive(node: SyntaxNode): boolean {
  let found = false;
  walk(node, (n) => {
    if (n.type === 'call_expression' || (n.type === 'unary_expression' && n.children[0]?.type === '<-')) found = true;
    return !found;
  });
  return found;
}

