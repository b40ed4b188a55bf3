// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
// The walk calls the runtime's exports directly: the cursor stays in the runtime's transfer buffer
// between calls instead of being copied in and out for every fact, which was most of a cold scan.
// After an edit, top-level declarations the edit left alone are taken over from the previous copy (the
// same objects, offsets moved), so an edit costs one declaration's copy and caches keyed by nodes hold.
import type { Tree } from './goParser';
import { wasmBinding } from './goParser';
import type { Point, SyntaxNode } from '../analysis/syntax';
import { lineStarts } from '../analysis/textEdits';

/** Rows and UTF-16 columns from offsets, with LSP's line breaks (`\n`, `\r\n`, lone `\r`). */
class LineIndex {
  private starts: number[] | undefined;
  constructor(private text: string) {}

  /** The document's new text (and its line starts, if known): nodes taken over from the previous copy share this index. */
  reset(text: string, starts?: number[]): void {
    this.text = text;
    this.starts = starts;
  }

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
    // Mutable only for a node taken over after an edit: moved by the edit, under the new root.
    public start: number,
    public end: number,
    public parent: SyntaxNode | null,
    readonly lines: LineIndex,
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

/** One text change in UTF-16 offsets: [start, oldEnd) of the old text became [start, newEnd). */
export interface SyntaxEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** A span of the new text, in UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What changed since `root` was made by toSyntax from the previous text of the same document: the
 * edits in order, and the spans of the new text whose structure tree-sitter reports changed.
 */
export interface PreviousSyntax {
  root: SyntaxNode;
  edits: readonly SyntaxEdit[];
  changed: readonly Span[];
  /** lineStarts(text), when the caller has it already. */
  lineStarts?: number[];
}

/**
 * The previous top-level nodes an edit left alone, with how far they move: a node counts as touched
 * when an edit or a changed span reaches it, or merely borders it.
 */
function untouched(previous: PreviousSyntax): { node: Node; start: number; end: number }[] {
  const out: { node: Node; start: number; end: number }[] = [];
  outer: for (const child of previous.root.children) {
    let start = child.start;
    let end = child.end;
    for (const e of previous.edits) {
      if (end < e.start) continue;
      if (start > e.oldEnd) {
        const delta = e.newEnd - e.oldEnd;
        start += delta;
        end += delta;
        continue;
      }
      continue outer;
    }
    for (const c of previous.changed) if (start <= c.end && end >= c.start) continue outer;
    out.push({ node: child as Node, start, end });
  }
  return out;
}

function shift(node: SyntaxNode, delta: number): void {
  const stack = [node as Node];
  while (stack.length) {
    const n = stack.pop()!;
    n.start += delta;
    n.end += delta;
    for (const c of n.children) stack.push(c as Node);
  }
}

/**
 * `text` must be the text the tree was parsed from; points are computed from it. With `previous`, the
 * top-level nodes no edit reached are that copy's own objects, moved and re-parented in place: the
 * previous root must not be used afterwards.
 */
export function toSyntax(tree: Tree, text: string, previous?: PreviousSyntax): SyntaxNode {
  const C = wasmBinding();
  const { types, fields, named } = tablesOf(tree);
  const t = (tree as unknown as { [0]: number })[0];
  let lines: LineIndex;
  if (previous && previous.root instanceof Node) {
    lines = previous.root.lines;
    lines.reset(text, previous.lineStarts);
  } else {
    lines = new LineIndex(text);
    previous = undefined;
  }
  const reusable = previous ? untouched(previous) : [];
  let next = 0;
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
    /** Copies the descendants of `top`, the cursor's node, and leaves the cursor on it again. */
    const descend = (top: Node): void => {
      if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return;
      let node: SyntaxNode = make(top);
      top.children = [node];
      for (;;) {
        if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
          const child = make(node);
          node.children = [child];
          node = child;
          continue;
        }
        for (;;) {
          const parent = node.parent!;
          if (node.hasError) parent.hasError = true;
          if (C._ts_tree_cursor_goto_next_sibling_wasm(t) === 1) {
            const sibling = make(parent);
            parent.children.push(sibling);
            node = sibling;
            break;
          }
          C._ts_tree_cursor_goto_parent_wasm(t);
          if (parent === top) return;
          node = parent;
        }
      }
    };
    /** The previous copy of the cursor's node, when no edit reached it and it has the same type and span. */
    const takeOver = (root: Node): Node | undefined => {
      const start = C._ts_tree_cursor_start_index_wasm(t);
      while (next < reusable.length && reusable[next].start < start) next++;
      const candidate = reusable[next];
      if (!candidate || candidate.start !== start || candidate.end !== C._ts_tree_cursor_end_index_wasm(t)) return undefined;
      const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
      if (candidate.node.type !== (types[typeId] ?? 'ERROR')) return undefined;
      next++;
      const node = candidate.node;
      if (node.start !== start) shift(node, start - node.start);
      node.parent = root;
      return node;
    };
    const root = make(null);
    if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return root;
    const children: SyntaxNode[] = [];
    do {
      let child = reusable.length ? takeOver(root) : undefined;
      if (!child) {
        child = make(root);
        descend(child);
      }
      if (child.hasError) root.hasError = true;
      children.push(child);
    } while (C._ts_tree_cursor_goto_next_sibling_wasm(t) === 1);
    root.children = children;
    return root;
  } finally {
    C._ts_tree_cursor_delete_wasm(t);
  }
}
