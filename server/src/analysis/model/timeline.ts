// What one thread of execution does, in order: map accesses, goroutine spawns, synchronisation.
import type { SourceFile, SyntaxNode } from '../syntax';
import type { VarDecl } from './variables';

export type AccessKind = 'read' | 'write' | 'iterate';

/** A held lock; `read` for RLock. Keys name the mutex expression after resolving variables. */
export interface Lock {
  key: string;
  read: boolean;
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
  loops: SyntaxNode[];
  locks: Lock[];
}

/** wait/done: WaitGroup; send/recv/close: channels; rangeRecv: `for range ch`, which ends at close. */
export type SyncKind = 'wait' | 'done' | 'send' | 'recv' | 'close' | 'rangeRecv';

export interface Sync {
  kind: SyncKind;
  key: string;
  pos: number;
  loops: SyntaxNode[];
}

export interface Spawn {
  goNode: SyntaxNode;
  file: SourceFile;
  pos: number;
  loops: SyntaxNode[];
  body: Timeline;
}

export interface Timeline {
  /** Who runs it, for messages: `func main`, or the go statement that starts it. */
  who: Who;
  file: SourceFile;
  accesses: Access[];
  spawns: Spawn[];
  syncs: Sync[];
}

export type Who = { kind: 'func'; name: string } | { kind: 'goroutine'; goNode: SyntaxNode; file: SourceFile };

export function emptyTimeline(who: Who, file: SourceFile): Timeline {
  return { who, file, accesses: [], spawns: [], syncs: [] };
}

/** Is `node` (of `file`) inside loop `loop` of `loopFile`? */
export function inside(node: SyntaxNode, file: SourceFile, loop: SyntaxNode, loopFile: SourceFile): boolean {
  return file === loopFile && loop.start <= node.start && node.start < loop.end;
}

export function posInside(pos: number, loop: SyntaxNode): boolean {
  return loop.start <= pos && pos < loop.end;
}
