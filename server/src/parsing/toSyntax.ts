// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
// The walk calls the runtime's exports directly: the cursor stays in the runtime's transfer buffer
// between calls instead of being copied in and out for every fact, which was most of a cold scan.
import type { Tree } from './goParser';
import { wasmBinding } from './goParser';
import type { Point, SyntaxNode } from '../analysis/syntax';
import { lineStarts } from '../analysis/textEdits';
import { FileSkipped, MAX_NESTING } from './limits';

/** Rows and UTF-16 columns from offsets, with LSP's line breaks (`\n`, `\r\n`, lone `\r`). */
class LineIndex {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  point(offset: number): Point {
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { row: lo, column: offset - starts[lo] };
  }
}

/** Leaves share one frozen list: most nodes are leaves, and a list each was a fifth of a scan's garbage. */
const NO_CHILDREN: SyntaxNode[] = Object.freeze([]) as unknown as SyntaxNode[];

class Node implements SyntaxNode {
  children: SyntaxNode[] = NO_CHILDREN;
  hasError = false;
  constructor(
    readonly type: string,
    readonly named: boolean,
    readonly field: string | null,
    readonly start: number,
    readonly end: number,
    readonly parent: SyntaxNode | null,
    private readonly lines: LineIndex,
  ) {}

  get startPoint(): Point {
    return this.lines.point(this.start);
  }

  get endPoint(): Point {
    return this.lines.point(this.end);
  }
}

interface LanguageTables {
  types: string[];
  fields: (string | null)[];
  named: Int8Array;
}

/**
 * The nesting the analysis recurses through: every tree level counts, except a `+` chain's links outside
 * any function, which nothing walks into. Past MAX_NESTING the file is skipped rather than overflow the
 * stack later. Only a path deeper than MAX_NESTING tree levels is counted, so shallow files pay nothing.
 */
class DeepNesting {
  /** Per tree level on the current path: the counted depth. */
  private depths: number[] = [];
  private level = 0;
  /** The level of the outermost function on the path, or -1. */
  private fnLevel = -1;

  /** Counts the whole path down to `node`, which is at tree level `level`. */
  start(node: SyntaxNode, level: number): void {
    const path: SyntaxNode[] = [];
    for (let n: SyntaxNode | null = node; n; n = n.parent) path.push(n);
    path.reverse();
    this.depths = [0];
    this.fnLevel = -1;
    for (this.level = 1; this.level < path.length; this.level++) {
      if (this.fnLevel === this.level) this.fnLevel = -1;
      this.place(path[this.level], path[this.level - 1]);
    }
    this.level = level;
  }

  enter(node: SyntaxNode): void {
    this.level++;
    this.place(node, node.parent!);
  }

  sibling(node: SyntaxNode): void {
    if (this.fnLevel === this.level) this.fnLevel = -1;
    this.place(node, node.parent!);
  }

  leave(): void {
    if (this.fnLevel === this.level) this.fnLevel = -1;
    this.level--;
  }

  private place(node: SyntaxNode, parent: SyntaxNode): void {
    const level = this.level;
    let depth = this.depths[level - 1] + 1;
    if (isFunction(node.type)) {
      if (this.fnLevel < 0) this.fnLevel = level;
    } else if (this.fnLevel < 0 && node.type === 'binary_expression' && parent.type === 'binary_expression') {
      depth--;
    }
    if (depth > MAX_NESTING) throw new FileSkipped(`too deeply nested (over ${MAX_NESTING} levels)`);
    this.depths[level] = depth;
  }
}

function isFunction(type: string): boolean {
  return type === 'function_declaration' || type === 'method_declaration' || type === 'func_literal';
}

const tablesByLanguage = new WeakMap<object, LanguageTables>();

function tablesOf(tree: Tree): LanguageTables {
  const language = tree.language;
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const types = language.types as string[];
    const named = new Int8Array(types.length);
    const C = wasmBinding();
    const languageAddress = (language as unknown as { [0]: number })[0];
    for (let id = 0; id < types.length; id++) named[id] = C._ts_language_type_is_named_wasm(languageAddress, id);
    tables = { types, fields: language.fields as (string | null)[], named };
    tablesByLanguage.set(language, tables);
  }
  return tables;
}

/**
 * `text` must be the text the tree was parsed from; points are computed from it. Throws FileSkipped when
 * the tree nests deeper than MAX_NESTING.
 */
export function toSyntax(tree: Tree, text: string): SyntaxNode {
  const C = wasmBinding();
  const { types, fields, named } = tablesOf(tree);
  const t = (tree as unknown as { [0]: number })[0];
  const lines = new LineIndex(text);
  const checkMissing = tree.rootNode.hasError;
  // tree.walk() leaves the new cursor in the transfer buffer; from here on only direct calls touch it.
  tree.walk();
  try {
    const make = (parent: SyntaxNode | null): Node => {
      const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
      const fieldId = C._ts_tree_cursor_current_field_id_wasm(t);
      const node = new Node(
        types[typeId] ?? 'ERROR',
        typeId < named.length ? named[typeId] === 1 : true,
        fieldId ? (fields[fieldId] ?? null) : null,
        C._ts_tree_cursor_start_index_wasm(t),
        C._ts_tree_cursor_end_index_wasm(t),
        parent,
        lines,
      );
      if (checkMissing && (node.type === 'ERROR' || C._ts_tree_cursor_current_node_is_missing_wasm(t) === 1)) node.hasError = true;
      return node;
    };
    const root = make(null);
    const deep = new DeepNesting();
    let level = 0;
    let node: SyntaxNode = root;
    for (;;) {
      if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
        const child = make(node);
        if (++level > MAX_NESTING) {
          if (level === MAX_NESTING + 1) deep.start(child, level);
          else deep.enter(child);
        }
        node.children = [child];
        node = child;
        continue;
      }
      for (;;) {
        if (node.hasError && node.parent) node.parent.hasError = true;
        if (C._ts_tree_cursor_goto_next_sibling_wasm(t) === 1) {
          const parent = node.parent!;
          const sibling = make(parent);
          if (level > MAX_NESTING) deep.sibling(sibling);
          parent.children.push(sibling);
          node = sibling;
          break;
        }
        if (C._ts_tree_cursor_goto_parent_wasm(t) !== 1) return root;
        if (level-- > MAX_NESTING) deep.leave();
        node = node.parent!;
        // push() grows a list to 17 slots; a copy of the right size halves a tree's heap.
        if (node.children.length > 1) node.children = node.children.slice();
      }
    }
  } finally {
    C._ts_tree_cursor_delete_wasm(t);
  }
}
