// The nesting the analysis recurses through: every tree level counts, except a `+` chain's links outside
// any function, which nothing walks into. Past MAX_NESTING the file is skipped rather than overflow the
// stack later.
import type { SyntaxNode } from '../analysis/syntax';
import { FileSkipped, MAX_NESTING } from './limits';

function isFunction(type: string): boolean {
  return type === 'function_declaration' || type === 'method_declaration' || type === 'func_literal';
}

/**
 * Throws FileSkipped when `root` nests deeper than MAX_NESTING. `rawDepth`, the tree's depth counting
 * every level, bounds the counted depth: a shallow tree is not walked at all.
 */
export function checkNesting(root: SyntaxNode, rawDepth: number): void {
  if (rawDepth <= MAX_NESTING) return;
  const stack: { node: SyntaxNode; depth: number; inFunction: boolean }[] = [{ node: root, depth: 0, inFunction: false }];
  while (stack.length) {
    const { node, depth, inFunction } = stack.pop()!;
    for (const child of node.children) {
      const chained = !inFunction && child.type === 'binary_expression' && node.type === 'binary_expression';
      const d = chained ? depth : depth + 1;
      if (d > MAX_NESTING) throw new FileSkipped(`too deeply nested (over ${MAX_NESTING} levels)`);
      if (child.children.length) stack.push({ node: child, depth: d, inFunction: inFunction || isFunction(child.type) });
    }
  }
}
