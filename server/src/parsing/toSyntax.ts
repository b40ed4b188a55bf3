// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
import type { Tree } from './goParser';
import type { SyntaxNode } from '../analysis/syntax';

export function toSyntax(tree: Tree): SyntaxNode {
  const cursor = tree.walk();
  try {
    const make = (parent: SyntaxNode | null): SyntaxNode => ({
      type: cursor.nodeType,
      named: cursor.nodeIsNamed,
      field: cursor.currentFieldName,
      start: cursor.startIndex,
      end: cursor.endIndex,
      startPoint: cursor.startPosition,
      endPoint: cursor.endPosition,
      children: [],
      parent,
      hasError: cursor.nodeType === 'ERROR' || cursor.nodeIsMissing,
    });
    const root = make(null);
    let node = root;
    for (;;) {
      if (cursor.gotoFirstChild()) {
        const child = make(node);
        node.children.push(child);
        node = child;
        continue;
      }
      for (;;) {
        if (node.hasError && node.parent) node.parent.hasError = true;
        if (cursor.gotoNextSibling()) {
          const parent = node.parent!;
          const sibling = make(parent);
          parent.children.push(sibling);
          node = sibling;
          break;
        }
        if (!cursor.gotoParent()) return root;
        node = node.parent!;
      }
    }
  } finally {
    cursor.delete();
  }
}
