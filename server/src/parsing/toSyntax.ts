// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
// The walk calls the runtime's exports directly: the cursor stays in the runtime's transfer buffer
// between calls instead of being copied in and out for every fact, which was most of a cold scan.
// After an edit, top-level declarations the edit left alone are taken over from the previous copy (the
// same objects, offsets moved), so an edit costs one declaration's copy and caches keyed by nodes hold.
import type { Tree } from './goParser';
import { wasmBinding } from './goParser';
import type { Point, SyntaxNode } from '../analysis/syntax';
import { lineStarts } from '../analysis/textEdits';
import { checkNesting } from './nesting';

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

/** Where the previous copy's offsets are after the edits, and which of its nodes the edits reached. */
class EditMap {
  constructor(
    private readonly edits: readonly SyntaxEdit[],
    private readonly changed: readonly Span[],
  ) {}

  /** The offset `p` of the previous text in the new one (inside a replaced part: where that part starts). */
  offset(p: number): number {
    for (const e of this.edits) {
      if (p >= e.oldEnd) p += e.newEnd - e.oldEnd;
      else if (p > e.start) p = e.start;
    }
    return p;
  }

  /**
   * The new span of a previous node no edit or changed span reached; a node counts as reached when one
   * merely borders it. Undefined when reached.
   */
  untouched(node: SyntaxNode): Span | undefined {
    let start = node.start;
    let end = node.end;
    for (const e of this.edits) {
      if (end < e.start) continue;
      if (start > e.oldEnd) {
        const delta = e.newEnd - e.oldEnd;
        start += delta;
        end += delta;
        continue;
      }
      return undefined;
    }
    for (const c of this.changed) if (start <= c.end && end >= c.start) return undefined;
    return { start, end };
  }
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

/** A node being copied whose previous copy (`old`) an edit reached: its children are matched against old's. */
interface Frame {
  node: Node;
  old: SyntaxNode | undefined;
  /** The first of old's children not yet passed. */
  next: number;
  children: SyntaxNode[];
}

/**
 * `text` must be the text the tree was parsed from; points are computed from it. With `previous`, every
 * subtree no edit or changed span reached is taken over from that copy (the same objects, moved and
 * re-parented in place), so only the path from the root to each edit is copied again: the previous root
 * must not be used afterwards.
 */
/** Each copy's depth counting every level (an upper bound where subtrees were taken over). */
const rawDepths = new WeakMap<SyntaxNode, number>();

/** Throws FileSkipped when the tree nests deeper than MAX_NESTING (see nesting.ts). */
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
  const map = previous && new EditMap(previous.edits, previous.changed);
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
    const descend = (top: Node, topDepth: number): void => {
      if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return;
      let node: SyntaxNode = make(top);
      top.children = [node];
      let depth = topDepth + 1;
      if (depth > rawDepth) rawDepth = depth;
      for (;;) {
        if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
          const child = make(node);
          node.children = [child];
          node = child;
          if (++depth > rawDepth) rawDepth = depth;
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
          // push() grows a list to 17 slots; a copy of the right size halves a tree's heap.
          if (parent.children.length > 1) parent.children = parent.children.slice();
          if (parent === top) return;
          node = parent;
          depth--;
        }
      }
    };
    /**
     * For the cursor's node, a child of `f.node`: the previous copy of it when no edit reached it (taken
     * over), else the previous node in its place with its type (whose children are matched in turn).
     */
    const match = (f: Frame): { reuse?: Node; counterpart?: SyntaxNode } => {
      const olds = f.old!.children;
      const start = C._ts_tree_cursor_start_index_wasm(t);
      while (f.next < olds.length && map!.offset(olds[f.next].start) < start) f.next++;
      const candidate = olds[f.next];
      if (!candidate || map!.offset(candidate.start) !== start) return {};
      const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
      if (candidate.type !== (types[typeId] ?? 'ERROR')) return {};
      f.next++;
      const span = map!.untouched(candidate);
      const fieldId = C._ts_tree_cursor_current_field_id_wasm(t);
      const field = fieldId ? (fields[fieldId] ?? null) : null;
      if (!span || span.end !== C._ts_tree_cursor_end_index_wasm(t) || candidate.field !== field) return { counterpart: candidate };
      const node = candidate as Node;
      if (node.start !== start) shift(node, start - node.start);
      node.parent = f.node;
      // Its height is at most the previous tree's depth.
      rawDepth = Math.max(rawDepth, frames.length + (rawDepths.get(previous!.root) ?? Infinity));
      return { reuse: node };
    };
    const root = make(null);
    let rawDepth = 0;
    const finished = (): SyntaxNode => {
      checkNesting(root, rawDepth);
      rawDepths.set(root, rawDepth);
      return root;
    };
    if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return finished();
    // Nodes whose copies are being made, innermost last (no recursion: trees nest thousands deep).
    const frames: Frame[] = [{ node: root, old: previous?.root, next: 0, children: [] }];
    for (;;) {
      const f = frames[frames.length - 1];
      const { reuse, counterpart } = f.old?.children.length ? match(f) : {};
      let child = reuse;
      if (!child) {
        child = make(f.node);
        if (frames.length > rawDepth) rawDepth = frames.length;
        if (!counterpart?.children.length) descend(child, frames.length);
        else if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
          frames.push({ node: child, old: counterpart, next: 0, children: [] });
          continue;
        }
      }
      // `child` is done: on to its next sibling, or finish the nodes whose last child it was.
      let done: SyntaxNode = child;
      for (;;) {
        const top = frames[frames.length - 1];
        top.children.push(done);
        if (done.hasError) top.node.hasError = true;
        if (C._ts_tree_cursor_goto_next_sibling_wasm(t) === 1) break;
        frames.pop();
        top.node.children = top.children.length > 1 ? top.children.slice() : top.children;
        if (!frames.length) return finished();
        C._ts_tree_cursor_goto_parent_wasm(t);
        done = top.node;
      }
    }
  } finally {
    C._ts_tree_cursor_delete_wasm(t);
  }
}
