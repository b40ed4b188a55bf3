// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
// The walk calls the runtime's exports directly: the cursor stays in the runtime's transfer buffer
// between calls instead of being copied in and out for every fact, which was most of a cold scan.
import type { Tree } from './goParser';
import { wasmBinding } from './goParser';
import type { Point, SyntaxNode } from '../analysis/syntax';
import { lineStarts } from '../analysis/textEdits';

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

/** `text` must be the text the tree was parsed from; points are computed from it. */
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
    let node: SyntaxNode = root;
    for (;;) {
      if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
        const child = make(node);
        node.children = [child];
        node = child;
        continue;
      }
      for (;;) {
        if (node.hasError && node.parent) node.parent.hasError = true;
        if (C._ts_tree_cursor_goto_next_sibling_wasm(t) === 1) {
          const parent = node.parent!;
          const sibling = make(parent);
          parent.children.push(sibling);
          node = sibling;
          break;
        }
        if (C._ts_tree_cursor_goto_parent_wasm(t) !== 1) return root;
        node = node.parent!;
        // push() grows a list to 17 slots; a copy of the right size halves a tree's heap.
        if (node.children.length > 1) node.children = node.children.slice();
      }
    }
  } finally {
    C._ts_tree_cursor_delete_wasm(t);
  }
}
