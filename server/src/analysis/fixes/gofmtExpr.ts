// gofmt spaces binary operators by nesting depth: `x := i * i` but `f(i, i*i)` and `m[i+1]`. An
// expression moved into another context (`m[k] = i * i` becomes `m.Store(k, i*i)`) must be spaced again.
// This is go/printer's rule (nodes.go: binaryExpr, cutoff, walkBinary) for one-line expressions;
// everything but the blanks around binary operators and slice colons is kept as written.
import { childByField, namedChildren, nodeText, type SourceFile, type SyntaxNode } from '../syntax';

const PREC: Readonly<Record<string, number>> = {
  '||': 1,
  '&&': 2,
  '==': 3, '!=': 3, '<': 3, '<=': 3, '>': 3, '>=': 3,
  '+': 4, '-': 4, '|': 4, '^': 4,
  '*': 5, '/': 5, '%': 5, '<<': 5, '>>': 5, '&': 5, '&^': 5,
};

const opOf = (n: SyntaxNode) => childByField(n, 'operator')?.type ?? '';

/** The expression as gofmt prints it at `depth` (1 for a statement's own expressions); undefined if it spans lines. */
export function formatExpr(file: SourceFile, node: SyntaxNode, depth: number): string | undefined {
  if (node.startPoint.row !== node.endPoint.row) return undefined;
  return new Printer(file).expr(node, 0, depth);
}

class Printer {
  constructor(private readonly file: SourceFile) {}

  /** The node's text with its children at `at` replaced. */
  private splice(node: SyntaxNode, parts: { child: SyntaxNode; text: string }[]): string {
    let out = '';
    let at = node.start;
    for (const p of parts.sort((a, b) => a.child.start - b.child.start)) {
      out += this.file.text.slice(at, p.child.start) + p.text;
      at = p.child.end;
    }
    return out + this.file.text.slice(at, node.end);
  }

  expr(n: SyntaxNode, prec1: number, depth: number): string {
    switch (n.type) {
      case 'binary_expression':
        return this.binary(n, prec1, Math.max(depth, 1));
      case 'unary_expression': {
        const operand = childByField(n, 'operand');
        if (!operand) return nodeText(this.file, n);
        // `*x` is a StarExpr in go/ast, printed at depth 1.
        return this.splice(n, [{ child: operand, text: this.expr(operand, 6, opOf(n) === '*' ? 1 : depth) }]);
      }
      case 'parenthesized_expression': {
        const inner = namedChildren(n)[0];
        if (!inner) return nodeText(this.file, n);
        const d = inner.type === 'parenthesized_expression' ? depth : Math.max(depth - 1, 1);
        return this.splice(n, [{ child: inner, text: this.expr(inner, 0, d) }]);
      }
      case 'selector_expression':
      case 'type_assertion_expression': {
        const operand = childByField(n, 'operand');
        return operand ? this.splice(n, [{ child: operand, text: this.expr(operand, 7, depth) }]) : nodeText(this.file, n);
      }
      case 'index_expression': {
        const operand = childByField(n, 'operand');
        const index = childByField(n, 'index');
        const parts = [];
        if (operand) parts.push({ child: operand, text: this.expr(operand, 7, 1) });
        if (index) parts.push({ child: index, text: this.expr(index, 0, depth + 1) });
        return this.splice(n, parts);
      }
      case 'slice_expression':
        return this.slice(n, depth);
      case 'call_expression':
      case 'type_conversion_expression':
        return this.call(n, depth);
      case 'composite_literal': {
        const body = childByField(n, 'body');
        return body ? this.splice(n, [{ child: body, text: this.elements(body) }]) : nodeText(this.file, n);
      }
      default:
        return nodeText(this.file, n);
    }
  }

  private elements(body: SyntaxNode): string {
    return this.splice(
      body,
      namedChildren(body).map((el) => ({ child: el, text: this.element(el) })),
    );
  }

  /** A composite literal's element (or key: value) at depth 1. */
  private element(el: SyntaxNode): string {
    if (el.type === 'keyed_element') return this.splice(el, namedChildren(el).map((c) => ({ child: c, text: this.element(c) })));
    if (el.type === 'literal_element') {
      const inner = namedChildren(el)[0];
      return inner ? this.splice(el, [{ child: inner, text: this.element(inner) }]) : nodeText(this.file, el);
    }
    if (el.type === 'literal_value') return this.elements(el);
    return this.expr(el, 0, 1);
  }

  private call(n: SyntaxNode, depth: number): string {
    const fn = childByField(n, n.type === 'call_expression' ? 'function' : 'type');
    const args = n.type === 'call_expression' ? namedChildren(childByField(n, 'arguments') ?? n) : [childByField(n, 'operand')].filter((x): x is SyntaxNode => !!x);
    const d = args.length > 1 ? depth + 1 : depth;
    const parts = args.map((a) => ({ child: a, text: a.type.endsWith('_type') ? nodeText(this.file, a) : this.expr(a, 0, d) }));
    if (fn && n.type === 'call_expression') parts.push({ child: fn, text: this.expr(fn, 7, d) });
    return this.splice(n, parts);
  }

  private slice(n: SyntaxNode, depth: number): string {
    const operand = childByField(n, 'operand');
    const indices = ['start', 'end', 'capacity'].map((f) => childByField(n, f));
    const present = indices.filter((x): x is SyntaxNode => !!x);
    const blanks = depth <= 1 && present.length > 1 && present.some((x) => x.type === 'binary_expression');
    let out = `${operand ? this.expr(operand, 7, 1) : ''}[`;
    const colons = n.children.filter((c) => c.type === ':').length;
    for (let i = 0; i <= colons; i++) {
      const x = indices[i];
      if (i > 0) out += `${indices[i - 1] && blanks ? ' ' : ''}:${x && blanks ? ' ' : ''}`;
      if (x) out += this.expr(x, 0, depth + 1);
    }
    return `${out}]`;
  }

  private binary(n: SyntaxNode, prec1: number, depth: number): string {
    const op = opOf(n);
    const prec = PREC[op] ?? 0;
    const left = childByField(n, 'left');
    const right = childByField(n, 'right');
    if (!left || !right) return nodeText(this.file, n);
    const blank = prec < cutoff(n, depth) ? ' ' : '';
    const diff = left.type === 'binary_expression' && PREC[opOf(left)] === prec ? 0 : 1;
    return `${this.expr(left, prec, depth + diff)}${blank}${op}${blank}${this.expr(right, prec + 1, depth + 1)}`;
  }
}

function walkBinary(e: SyntaxNode): { has4: boolean; has5: boolean; maxProblem: number } {
  const prec = PREC[opOf(e)] ?? 0;
  let has4 = prec === 4;
  let has5 = prec === 5;
  let maxProblem = 0;
  const merge = (sub: SyntaxNode) => {
    const r = walkBinary(sub);
    has4 ||= r.has4;
    has5 ||= r.has5;
    maxProblem = Math.max(maxProblem, r.maxProblem);
  };
  const l = childByField(e, 'left');
  const r = childByField(e, 'right');
  if (l?.type === 'binary_expression' && !((PREC[opOf(l)] ?? 0) < prec)) merge(l);
  if (r?.type === 'binary_expression' && !((PREC[opOf(r)] ?? 0) <= prec)) merge(r);
  if (r?.type === 'unary_expression') {
    const rop = opOf(r);
    if (rop === '*') {
      if (opOf(e) === '/') maxProblem = 5;
    } else {
      const pair = opOf(e) + rop;
      if (pair === '&&' || pair === '&^') maxProblem = 5;
      else if (pair === '++' || pair === '--') maxProblem = Math.max(maxProblem, 4);
    }
  }
  return { has4, has5, maxProblem };
}

function cutoff(e: SyntaxNode, depth: number): number {
  const { has4, has5, maxProblem } = walkBinary(e);
  if (maxProblem > 0) return maxProblem + 1;
  if (has4 && has5) return depth === 1 ? 5 : 4;
  return depth === 1 ? 6 : 4;
}
