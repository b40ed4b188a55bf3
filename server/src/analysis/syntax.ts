// Plain-object syntax trees: the analysis reads these, never web-tree-sitter itself.

/** Zero-based row and UTF-16 column, as tree-sitter's web binding and LSP count them. */
export interface Point {
  row: number;
  column: number;
}

export interface SyntaxNode {
  type: string;
  named: boolean;
  /** The grammar field this node fills in its parent (`left`, `body`, ...), if any. */
  field: string | null;
  /** UTF-16 offsets into the file's text. */
  start: number;
  end: number;
  startPoint: Point;
  endPoint: Point;
  /** Without punctuation tokens (`(`, `{`, `,`, `.`, ...: see toSyntax); operators and keywords are kept. */
  children: SyntaxNode[];
  parent: SyntaxNode | null;
  /** An ERROR or MISSING node lies in this subtree. */
  hasError: boolean;
}

/**
 * Syntax copies made after an edit keep the objects of nodes in the same place with the same type (see
 * toSyntax): a node no edit reached keeps its subtree; one on the way to an edit is renewed, its subtree
 * changed, and is stamped with the generation of the copy that renewed it. Whatever was learnt from a node
 * at some generation holds while changedSince(node, thatGeneration) is false.
 */
const renewals = new WeakMap<SyntaxNode, number>();
let generation = 0;

/** The current generation of syntax copies. */
export function syntaxGeneration(): number {
  return generation;
}

/** Starts a generation (a syntax copy after an edit); returns it. */
export function nextSyntaxGeneration(): number {
  return ++generation;
}

/** `node` was renewed in a copy made in `gen`. */
export function markRenewed(node: SyntaxNode, gen: number): void {
  renewals.set(node, gen);
}

/** Has `node`'s subtree changed since generation `gen` (the same object, renewed later)? */
export function changedSince(node: SyntaxNode, gen: number): boolean {
  const renewed = renewals.get(node);
  return renewed !== undefined && renewed > gen;
}

export interface SourceFile {
  /** Path as the caller names it (absolute in the server, as given on the CLI). */
  path: string;
  text: string;
  root: SyntaxNode;
}

export function childByField(node: SyntaxNode, field: string): SyntaxNode | undefined {
  return node.children.find((c) => c.field === field);
}

export function childrenByField(node: SyntaxNode, field: string): SyntaxNode[] {
  return node.children.filter((c) => c.field === field);
}

export function namedChildren(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((c) => c.named && c.type !== 'comment');
}

export function firstNamed(node: SyntaxNode, type?: string): SyntaxNode | undefined {
  return node.children.find((c) => c.named && (!type || c.type === type));
}

export function nodeText(file: SourceFile, node: SyntaxNode): string {
  return file.text.slice(node.start, node.end);
}

/** Depth-first, parents before children; return false from visit to skip a subtree. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (visit(n) === false) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
}

export function ancestors(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}

/** The innermost function (declaration, method or literal) around a node. */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
  return ancestors(node).find((n) => n.type === 'function_declaration' || n.type === 'method_declaration' || n.type === 'func_literal');
}

/** The expressions a `return` statement returns. */
export function returnValues(ret: SyntaxNode): SyntaxNode[] {
  const list = firstNamed(ret);
  return list ? (list.type === 'expression_list' ? namedChildren(list) : [list]) : [];
}

/** Strips redundant parentheses: `(m)` is `m`. */
export function unparen(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === 'parenthesized_expression') {
    const inner = firstNamed(n);
    if (!inner) break;
    n = inner;
  }
  return n;
}
