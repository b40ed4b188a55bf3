// What one thread of execution does, in order: map accesses, goroutine spawns, synchronisation.
import type { SourceFile, SyntaxNode } from '../syntax';
import type { Escape, VarDecl } from './variables';

/** A loop of the owning timeline; start/end in that timeline's coordinates. */
export interface Loop {
  node: SyntaxNode;
  file: SourceFile;
  start: number;
  end: number;
}

export type AccessKind = 'read' | 'write' | 'iterate';

/** A held lock; `read` for RLock. Keys name the mutex expression after resolving variables. */
export interface Lock {
  key: string;
  read: boolean;
  /** The mutex expression as written where it was locked (`c.mu`), and that Lock call. */
  text?: string;
  at?: { node: SyntaxNode; file: SourceFile };
  /** The mutex variable, when the lock is taken on a plain variable (`mu.Lock()`): fixes reuse it. */
  mutex?: VarDecl;
}

export interface Access {
  v: VarDecl;
  kind: AccessKind;
  node: SyntaxNode;
  file: SourceFile;
  /** Position in the owning timeline's coordinates (a call site for inlined callees). */
  pos: number;
  /** Loops of the owning timeline around it, outermost first. */
  loops: Loop[];
  locks: Lock[];
  /** Reached through a reference taken while locks were held (map-escapes-lock). */
  escape?: Escape;
  /** Who runs it, when not the timeline's own function: `Cache.Keys, called on the Cache that New returns`. */
  caller?: string;
  /** The calls, outermost first, through which the timeline reaches this access (`Cache.Get` called at x.go:41). */
  via?: Step[];
}

/** wait/done: WaitGroup; send/recv/close: channels; rangeRecv: `for range ch`, which ends at close. */
export type SyncKind = 'wait' | 'done' | 'send' | 'recv' | 'close' | 'rangeRecv';

export interface Sync {
  kind: SyncKind;
  key: string;
  pos: number;
  loops: Loop[];
  /** For a sync in one `select` case: the sibling cases, which run instead of it, never after it. */
  alternatives?: { start: number; end: number }[];
}

/** One step from a timeline to a `go` statement elsewhere: the call of a helper that starts it. */
export interface Step {
  node: SyntaxNode;
  file: SourceFile;
  /** `spawn`: the function called at `node`. */
  callee: string;
}

export interface Spawn {
  goNode: SyntaxNode;
  file: SourceFile;
  pos: number;
  loops: Loop[];
  body: Timeline;
  /** The calls, outermost first, through which the spawning timeline reaches `goNode`. */
  via?: Step[];
}

/** A call of a function-typed parameter (`f()` in `func spawn(f func()) { go f() }`), run once the argument is known. */
export interface ParamCall {
  index: number;
  pos: number;
  loops: Loop[];
  locks: Lock[];
}

export interface Timeline {
  /** Who runs it, for messages: `func main`, or the go statement that starts it. */
  who: Who;
  file: SourceFile;
  accesses: Access[];
  spawns: Spawn[];
  syncs: Sync[];
  paramCalls?: ParamCall[];
}

/**
 * A goroutine's `label` says why it runs concurrently ("the HTTP handler registered at main.go:12");
 * `startedHere` is the related-information message at `goNode`.
 */
export type Who =
  | { kind: 'func'; name: string }
  | { kind: 'goroutine'; goNode: SyntaxNode; file: SourceFile; label?: string; startedHere?: string };

export function emptyTimeline(who: Who, file: SourceFile): Timeline {
  return { who, file, accesses: [], spawns: [], syncs: [] };
}

/** Is `node` (of `file`) written inside `loop`? */
export function inside(node: SyntaxNode, file: SourceFile, loop: Loop): boolean {
  return file === loop.file && loop.node.start <= node.start && node.start < loop.node.end;
}

export function posInside(pos: number, loop: Loop): boolean {
  return loop.start <= pos && pos < loop.end;
}
