// Copies a tree-sitter tree into plain objects in one cursor walk, so analysis never calls into wasm.
// The walk calls the runtime's exports directly: the cursor stays in the runtime's transfer buffer
// between calls instead of being copied in and out for every fact, which was most of a cold scan.
// After an edit, top-level declarations the edit left alone are taken over from the previous copy (the
// same objects, offsets moved), so an edit costs one declaration's copy and caches keyed by nodes hold.
import type { Tree } from './goParser';
import { wasmBinding } from './goParser';
import { markRenewed, nextSyntaxGeneration, type Point, type SyntaxNode } from '../analysis/syntax';
import { lineStarts, pointAt } from '../analysis/textEdits';
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
    return pointAt((this.starts ??= lineStarts(this.text)), offset);
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
    // Mutable only for a node renewed after an edit (see toSyntax).
    public field: string | null,
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

/**
 * What the nodes of one top-level declaration of an edited document share: their offsets count from
 * `base`, so an edit above the declaration moves all of it by moving `base`. (Shifting every node after
 * the edit was most of a big file's copy after a keystroke.)
 */
class Anchor {
  constructor(
    public base: number,
    readonly lines: LineIndex,
  ) {}
}

/**
 * A node of an open document (toSyntax's `anchored`): its offsets are relative to its top-level
 * declaration's anchor. Files on disk, copied once, keep plain offsets (Node), which read faster.
 */
class AnchoredNode implements SyntaxNode {
  children: SyntaxNode[] = NO_CHILDREN;
  hasError = false;
  /** Offsets from the anchor's base. */
  s: number;
  e: number;
  constructor(
    readonly type: string,
    readonly named: boolean,
    // Mutable only for a node renewed after an edit (see toSyntax).
    public field: string | null,
    start: number,
    end: number,
    public parent: SyntaxNode | null,
    readonly anchor: Anchor,
  ) {
    this.s = start - anchor.base;
    this.e = end - anchor.base;
  }

  get start(): number {
    return this.s + this.anchor.base;
  }

  // Settable only for a node renewed after an edit.
  set start(offset: number) {
    this.s = offset - this.anchor.base;
  }

  get end(): number {
    return this.e + this.anchor.base;
  }

  set end(offset: number) {
    this.e = offset - this.anchor.base;
  }

  get startPoint(): Point {
    return this.anchor.lines.point(this.start);
  }

  get endPoint(): Point {
    return this.anchor.lines.point(this.end);
  }
}

type AnyNode = Node | AnchoredNode;

interface LanguageTables {
  types: string[];
  fields: (string | null)[];
  named: Int8Array;
  /** 1 for the punctuation tokens a copy leaves out (see DROPPED). */
  dropped: Int8Array;
}

/**
 * Tokens no analysis or fix looks at: a third of all nodes, and so of a copy's time and garbage. Their
 * places are in the text (a block's `{` is at its start); a missing one still marks its parent hasError.
 */
const DROPPED = new Set(['(', ')', '{', '}', '[', ']', ',', '.', ';', '"', '\n']);

const tablesByLanguage = new WeakMap<object, LanguageTables>();

function tablesOf(tree: Tree): LanguageTables {
  const language = tree.language;
  let tables = tablesByLanguage.get(language);
  if (!tables) {
    const types = language.types as string[];
    const named = new Int8Array(types.length);
    const C = wasmBinding();
    const languageAddress = (language as unknown as { [0]: number })[0];
    const dropped = new Int8Array(types.length);
    for (let id = 0; id < types.length; id++) {
      named[id] = C._ts_language_type_is_named_wasm(languageAddress, id);
      dropped[id] = named[id] === 0 && DROPPED.has(types[id]) ? 1 : 0;
    }
    tables = { types, fields: language.fields as (string | null)[], named, dropped };
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
   * The new span of a previous node no edit or changed span reached; a node counts as reached by an edit
   * that merely borders it (its first or last token may be lexed anew), by a changed span only when they
   * overlap (a changed span ends where the next token, unchanged, starts). -1 when reached. Only the end
   * is given: the start is where the node is found (no object per node, as most nodes of a big file
   * are taken over after each edit).
   */
  untouchedEnd(node: SyntaxNode): number {
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
      return -1;
    }
    for (const c of this.changed) if (start < c.end && end > c.start) return -1;
    return end;
  }
}

/**
 * descend's lists: children wait here until their parent is done, then get a list of their own at the
 * right size (growing each list by push() and trimming it made a third of a copy's garbage).
 */
const pending: SyntaxNode[] = [];
const starts: number[] = [];

/** One stack for every shift. */
const shiftStack: SyntaxNode[] = [];

/** Moves a subtree taken over by `delta`: a top-level declaration by its anchor, anything else node by node. */
function shift(node: AnchoredNode, delta: number): void {
  if (node.parent?.parent === null) {
    node.anchor.base += delta;
    return;
  }
  const stack = shiftStack;
  let top = 0;
  stack[top++] = node;
  while (top > 0) {
    const n = stack[--top] as AnchoredNode;
    n.s += delta;
    n.e += delta;
    const children = n.children;
    for (let i = 0; i < children.length; i++) stack[top++] = children[i];
  }
  stack.length = 0;
}

/** A node being copied, renewed from a previous one an edit reached: its children are matched against `olds`. */
interface Frame {
  node: AnyNode;
  /** The previous node's children, before it was renewed. */
  olds: readonly SyntaxNode[];
  /** The first of `olds` not yet passed. */
  next: number;
  children: SyntaxNode[];
}

/** Each copy's depth counting every level (an upper bound where subtrees were taken over). */
const rawDepths = new WeakMap<SyntaxNode, number>();

/** The bound on a copy's depth its nesting was checked with (for tests). */
export function depthBoundOf(root: SyntaxNode): number | undefined {
  return rawDepths.get(root);
}

/**
 * `text` must be the text the tree was parsed from; points are computed from it. With `previous`, every
 * subtree no edit or changed span reached is taken over from that copy (the same objects, moved and
 * re-parented in place), and the nodes on the way to each edit keep their objects too when they keep
 * their place and type, renewed in place and marked so (markRenewed, changedSince): only what is new is
 * made, and things known of a node stay attached to it. The previous root must not be used afterwards.
 * Throws FileSkipped when the tree nests deeper than MAX_NESTING (see nesting.ts).
 */
export function toSyntax(tree: Tree, text: string, previous?: PreviousSyntax, options: { anchored?: boolean } = {}): SyntaxNode {
  const C = wasmBinding();
  const { types, fields, named, dropped } = tablesOf(tree);
  const t = (tree as unknown as { [0]: number })[0];
  const anchored = !!options.anchored;
  let lines: LineIndex;
  const previousRoot = previous?.root;
  // Only an anchored copy is taken over: moving a plain one visited every node after the edit.
  if (anchored && previousRoot instanceof AnchoredNode) {
    lines = previousRoot.anchor.lines;
    lines.reset(text, previous!.lineStarts);
  } else {
    lines = new LineIndex(text);
    previous = undefined;
  }
  const map = previous && new EditMap(previous.edits, previous.changed);
  const previousDepth = previous ? (rawDepths.get(previous.root) ?? Infinity) : 0;
  const generation = previous ? nextSyntaxGeneration() : 0;
  const checkMissing = tree.rootNode.hasError;
  // tree.walk() leaves the new cursor in the transfer buffer; from here on only direct calls touch it.
  tree.walk();
  try {
    const make = (parent: SyntaxNode | null, typeId: number): AnyNode => {
      const fieldId = C._ts_tree_cursor_current_field_id_wasm(t);
      const type = types[typeId] ?? 'ERROR';
      const isNamed = typeId < named.length ? named[typeId] === 1 : true;
      const field = fieldId ? (fields[fieldId] ?? null) : null;
      const start = C._ts_tree_cursor_start_index_wasm(t);
      const end = C._ts_tree_cursor_end_index_wasm(t);
      // Each top-level declaration (a child of the root) anchors its subtree.
      const node: AnyNode = anchored
        ? new AnchoredNode(type, isNamed, field, start, end, parent, !parent || !parent.parent ? new Anchor(0, lines) : (parent as AnchoredNode).anchor)
        : new Node(type, isNamed, field, start, end, parent, lines);
      if (checkMissing && (node.type === 'ERROR' || C._ts_tree_cursor_current_node_is_missing_wasm(t) === 1)) node.hasError = true;
      return node;
    };
    /** A dropped token the parser inserted (zero-width) still marks its parent as broken. */
    const skip = (parent: SyntaxNode): void => {
      if (checkMissing && C._ts_tree_cursor_current_node_is_missing_wasm(t) === 1) parent.hasError = true;
    };
    /**
     * Copies the descendants of `top`, the cursor's node, and leaves the cursor on it again. `topDepth`: how
     * deep `top` is, for the nesting check (rawDepth).
     */
    const descend = (top: AnyNode, topDepth: number): void => {
      if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return;
      let parent: SyntaxNode = top;
      let depth = topDepth + 1;
      if (depth > rawDepth) rawDepth = depth;
      // The children of the nodes on the way down wait in `pending`, from `from` on for `parent`.
      let from = 0;
      let size = 0;
      let level = 0;
      for (;;) {
        const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
        if (dropped[typeId] === 1) skip(parent);
        else {
          const node = make(parent, typeId);
          pending[size++] = node;
          if (node.hasError) parent.hasError = true;
          if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
            starts[level++] = from;
            from = size;
            parent = node;
            if (++depth > rawDepth) rawDepth = depth;
            continue;
          }
        }
        while (C._ts_tree_cursor_goto_next_sibling_wasm(t) !== 1) {
          C._ts_tree_cursor_goto_parent_wasm(t);
          if (size > from) parent.children = pending.slice(from, size);
          size = from;
          if (parent === top) return;
          from = starts[--level];
          const done = parent;
          parent = done.parent!;
          if (done.hasError) parent.hasError = true;
          depth--;
        }
      }
    };
    /** What match found: the previous node in place, taken over or renewed. */
    let matched: AnchoredNode | undefined;
    const NONE = 0;
    const REUSE = 1;
    const RENEW = 2;
    /**
     * For the cursor's node, a child of `f.node`: the previous copy of it when no edit reached it (taken
     * over, REUSE), else the previous node in its place with its type (renewed, RENEW: its children are
     * matched in turn); that node is left in `matched`. NONE when there is none.
     */
    const match = (f: Frame): number => {
      const olds = f.olds;
      const start = C._ts_tree_cursor_start_index_wasm(t);
      while (f.next < olds.length && map!.offset(olds[f.next].start) < start) f.next++;
      const candidate = olds[f.next] as AnchoredNode | undefined;
      if (!candidate || map!.offset(candidate.start) !== start) return NONE;
      const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
      if (candidate.type !== (types[typeId] ?? 'ERROR') || candidate.named !== (typeId < named.length ? named[typeId] === 1 : true)) return NONE;
      f.next++;
      matched = candidate;
      const end = map!.untouchedEnd(candidate);
      const fieldId = C._ts_tree_cursor_current_field_id_wasm(t);
      const field = fieldId ? (fields[fieldId] ?? null) : null;
      candidate.parent = f.node;
      // Whether a token is missing (zero-width, inserted by error recovery) depends on the parse around
      // it, not on its text: a subtree with one (or that is an empty token) is renewed, never taken over.
      if (end < 0 || end !== C._ts_tree_cursor_end_index_wasm(t) || candidate.field !== field || candidate.hasError || start === end) {
        candidate.start = start;
        candidate.end = C._ts_tree_cursor_end_index_wasm(t);
        candidate.field = field;
        candidate.hasError = checkMissing && (candidate.type === 'ERROR' || C._ts_tree_cursor_current_node_is_missing_wasm(t) === 1);
        markRenewed(candidate, generation);
        return RENEW;
      }
      if (candidate.start !== start) shift(candidate, start - candidate.start);
      // Nodes are matched level by level from the root, so it is as deep as it was in the previous copy,
      // and so are its descendants: none is deeper than that copy was.
      if (previousDepth > rawDepth) rawDepth = previousDepth;
      return REUSE;
    };
    // The root is always new: caches of whole files are keyed by it.
    const root = make(null, C._ts_tree_cursor_current_node_type_id_wasm(t));
    let rawDepth = 0;
    const finished = (): SyntaxNode => {
      checkNesting(root, rawDepth);
      rawDepths.set(root, rawDepth);
      return root;
    };
    if (C._ts_tree_cursor_goto_first_child_wasm(t) !== 1) return finished();
    // Nodes whose copies are being made, innermost last (no recursion: trees nest thousands deep).
    const frames: Frame[] = [{ node: root, olds: previous?.root.children ?? [], next: 0, children: [] }];
    for (;;) {
      const f = frames[frames.length - 1];
      const typeId = C._ts_tree_cursor_current_node_type_id_wasm(t);
      const drop = dropped[typeId] === 1;
      if (drop) skip(f.node);
      const found = !drop && f.olds.length ? match(f) : NONE;
      let child: AnyNode | undefined = found === REUSE ? matched : undefined;
      if (frames.length > rawDepth) rawDepth = frames.length;
      if (found === RENEW) {
        const renew = matched!;
        child = renew;
        const olds = renew.children;
        renew.children = NO_CHILDREN;
        if (!olds.length) descend(renew, frames.length);
        else if (C._ts_tree_cursor_goto_first_child_wasm(t) === 1) {
          frames.push({ node: renew, olds, next: 0, children: [] });
          continue;
        }
      } else if (!child && !drop) {
        child = make(f.node, typeId);
        descend(child, frames.length);
      }
      // `child` is done (or dropped): on to its next sibling, or finish the nodes whose last child it was.
      let done: SyntaxNode | undefined = child;
      for (;;) {
        const top = frames[frames.length - 1];
        if (done) {
          top.children.push(done);
          if (done.hasError) top.node.hasError = true;
        }
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
    // Drop the references to this copy's nodes: the next copy may be much smaller.
    pending.length = 0;
  }
}
