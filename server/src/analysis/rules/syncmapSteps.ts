// What lies between two sync.Map calls of one function: the shared checks of the syncmap-* rules
// (same key, nothing reassigned, no lock held across, nothing that could store in between).
import { ancestors, childByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel } from '../model/packageModel';
import { localDeclaration, STATEMENT_LISTS, type SyncMapCall } from '../model/syncMaps';

export { STATEMENT_LISTS };
import { importedNames } from '../fixes/imports';

/** Methods that put a value under a key. */
export const STORES = new Set(['Store', 'LoadOrStore', 'Swap', 'CompareAndSwap']);

export const squash = (file: SourceFile, n: SyntaxNode) => nodeText(file, n).replace(/\s+/g, '');

/** An expression that reads the same value twice in a row: no calls, receives or function literals. */
export function isPure(node: SyntaxNode): boolean {
  let pure = true;
  walk(node, (n) => {
    if (n.type === 'call_expression' || n.type === 'func_literal') pure = false;
    if (n.type === 'unary_expression' && n.children[0]?.type === '<-') pure = false;
    return pure;
  });
  return pure;
}

/** The statements of a block or case, without comments. */
export function statementsOf(list: SyntaxNode): SyntaxNode[] {
  return list.children.filter((c) => c.named && c.type !== 'comment');
}

/** The statement holding a node: the ancestor (or itself) that sits directly in a block or case. */
export function statementOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (n.parent && STATEMENT_LISTS.has(n.parent.type)) return n;
  return undefined;
}

/** `m.Store(k, v)` as a statement on its own, or undefined. */
export function callStatement(stmt: SyntaxNode): SyntaxNode | undefined {
  if (stmt.type !== 'expression_statement') return undefined;
  const call = namedChildren(stmt)[0];
  return call?.type === 'call_expression' ? call : undefined;
}

/** Does control never fall out of the end of these statements? */
export function terminates(file: SourceFile, stmts: readonly SyntaxNode[]): boolean {
  const last = stmts[stmts.length - 1];
  if (!last) return false;
  if (['return_statement', 'break_statement', 'continue_statement', 'goto_statement'].includes(last.type)) return true;
  const call = callStatement(last);
  const fn = call && childByField(call, 'function');
  return !!fn && nodeText(file, fn) === 'panic';
}

/** Identifier names read or written in a subtree (the roots of selectors included). */
export function namesIn(file: SourceFile, node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => {
    if (n.type === 'identifier') out.add(nodeText(file, n));
  });
  return out;
}

/** The names a subtree declares or assigns (`x :=`, `x =`, `x++`, `var x`, range and receive variables, `&x`). */
export function namesChangedIn(file: SourceFile, node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const addRoots = (list: SyntaxNode | undefined) => {
    for (const e of list ? (list.type === 'expression_list' ? namedChildren(list) : [list]) : []) {
      let r = unparen(e);
      while (r.type === 'selector_expression' || r.type === 'index_expression') r = unparen(childByField(r, 'operand') ?? r);
      if (r.type === 'identifier') out.add(nodeText(file, r));
    }
  };
  walk(node, (n) => {
    if (n.type === 'short_var_declaration' || n.type === 'assignment_statement' || n.type === 'range_clause' || n.type === 'receive_statement') addRoots(childByField(n, 'left'));
    else if (n.type === 'inc_statement' || n.type === 'dec_statement') addRoots(namedChildren(n)[0]);
    else if (n.type === 'var_spec') {
      for (const c of n.children) if (c.field === 'name') out.add(nodeText(file, c));
    } else if (n.type === 'unary_expression' && n.children[0]?.type === '&') addRoots(childByField(n, 'operand'));
  });
  return out;
}

/** The variables and selector chains an expression reads: `r.conns`, `addr`, `req.ID`. */
export function pathsIn(file: SourceFile, node: SyntaxNode): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (n.type === 'identifier' || (n.type === 'selector_expression' && isChain(n))) {
      out.push(squash(file, n));
      return false;
    }
    return true;
  });
  return out;
}

function isChain(n: SyntaxNode): boolean {
  const e = unparen(n);
  if (e.type === 'identifier') return true;
  return e.type === 'selector_expression' && isChain(childByField(e, 'operand') ?? e);
}

/** What a subtree declares or assigns, as paths: `x :=` gives `x`, `c.n++` gives `c.n`, `&c.mu` gives `c.mu`. */
export function pathsChangedIn(file: SourceFile, node: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const add = (list: SyntaxNode | undefined) => {
    for (const e of list ? (list.type === 'expression_list' ? namedChildren(list) : [list]) : []) {
      const u = unparen(e);
      out.add(squash(file, u));
      // `*p = v` writes through p.
      if (u.type === 'unary_expression' && u.children[0]?.type === '*') add(childByField(u, 'operand'));
    }
  };
  walk(node, (n) => {
    if (n.type === 'short_var_declaration' || n.type === 'assignment_statement' || n.type === 'range_clause' || n.type === 'receive_statement') add(childByField(n, 'left'));
    else if (n.type === 'inc_statement' || n.type === 'dec_statement') add(namedChildren(n)[0]);
    else if (n.type === 'var_spec') {
      for (const c of n.children) if (c.field === 'name') out.add(nodeText(file, c));
    } else if (n.type === 'unary_expression' && n.children[0]?.type === '&') add(childByField(n, 'operand'));
  });
  return out;
}

/** Does changing one of `changed` change what one of `watched` reads (`c` changes `c.m`, `c.n` does not)? */
export function touches(changed: ReadonlySet<string>, watched: readonly string[]): boolean {
  for (const w of watched) for (const p of changed) if (w === p || w.startsWith(`${p}.`) || w.startsWith(`${p}[`)) return true;
  return false;
}

/** The nodes of a function body whose text lies strictly between two offsets, as whole subtrees. */
export function nodesBetween(root: SyntaxNode, from: number, to: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(root, (n) => {
    if (n.end <= from || n.start >= to) return false;
    if (n.start >= from && n.end <= to) {
      out.push(n);
      return false;
    }
    return true;
  });
  return out;
}

/**
 * Is the same exclusive lock held at both calls? `mu.Lock()` taken earlier in an enclosing block and
 * not released in between (an Unlock on a path that returns does not count).
 */
export function lockHeldAcross(file: SourceFile, body: SyntaxNode, first: SyntaxNode, second: SyntaxNode): boolean {
  const locks: { text: string; node: SyntaxNode }[] = [];
  const unlocks: { text: string; node: SyntaxNode }[] = [];
  walk(body, (n) => {
    if (n.type === 'func_literal' || n.type === 'defer_statement') return false;
    const call = callStatement(n);
    const fn = call && childByField(call, 'function');
    if (fn?.type !== 'selector_expression') return;
    const method = nodeText(file, childByField(fn, 'field') ?? fn);
    const text = squash(file, childByField(fn, 'operand') ?? fn);
    if (method === 'Lock') locks.push({ text, node: n });
    else if (method === 'Unlock') unlocks.push({ text, node: n });
  });
  const firstAncestors = new Set(ancestors(first));
  return locks.some(
    (l) =>
      l.node.end <= first.start &&
      !!l.node.parent &&
      firstAncestors.has(l.node.parent) &&
      !unlocks.some((u) => u.text === l.text && u.node.start > l.node.end && u.node.start < second.start && !onReturningPath(file, u.node, second)),
  );
}

/** An Unlock in a branch that leaves (`mu.Unlock(); return v`) and does not hold `target`. */
function onReturningPath(file: SourceFile, unlock: SyntaxNode, target: SyntaxNode): boolean {
  const list = unlock.parent;
  if (!list || !STATEMENT_LISTS.has(list.type)) return false;
  return terminates(file, statementsOf(list)) && !(list.start <= target.start && target.end <= list.end);
}

const BUILTINS = new Set(['append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover']);

/**
 * Which calls could store into a sync.Map: the package's functions and methods (by name) that store,
 * directly or through each other, and any call of unknown code (a function value, a callback field).
 */
export class StoreReach {
  private readonly storing = new Set<string>();
  private readonly callbackFields = new Set<string>();
  private readonly imports = new Map<SourceFile, Set<string>>();

  constructor(private readonly model: PackageModel, calls: readonly SyncMapCall[]) {
    for (const s of model.structs.values()) {
      for (const { node, file } of [{ node: s.node, file: s.file }, ...s.variants]) {
        walk(node, (n) => {
          if (n.type !== 'field_declaration' || childByField(n, 'type')?.type !== 'function_type') return;
          for (const c of n.children) if (c.field === 'name') this.callbackFields.add(nodeText(file, c));
        });
      }
    }
    const funcs = [...model.funcs.values(), ...[...model.methods.values()].flat()].flatMap((f) => [f, ...(f.variants ?? [])]);
    const keyOf = (f: { name: string; receiverType?: string }) => (f.receiverType !== undefined ? `m:${f.name}` : `f:${f.name}`);
    for (const c of calls) {
      if (!STORES.has(c.method)) continue;
      const owner = funcs.find((f) => f.file === c.file && f.node.start <= c.call.start && c.call.end <= f.node.end);
      if (owner) this.storing.add(keyOf(owner));
    }
    // Callers of storing functions store too, through any depth of calls: walk each body once.
    const calleesOf = new Map(funcs.map((f) => [f, new Set<string>()]));
    for (const f of funcs) {
      walk(f.node, (n) => {
        if (n.type === 'call_expression') for (const k of this.callees(f.file, n)) calleesOf.get(f)!.add(k);
      });
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const f of funcs) {
        if (this.storing.has(keyOf(f)) || ![...calleesOf.get(f)!].some((k) => this.storing.has(k))) continue;
        this.storing.add(keyOf(f));
        changed = true;
      }
    }
  }

  /** The package functions (`f:name`) or methods (`m:name`) a call may reach, by name. */
  private callees(file: SourceFile, call: SyntaxNode): string[] {
    const fn = unparen(childByField(call, 'function') ?? call);
    if (fn.type === 'identifier') return [`f:${nodeText(file, fn)}`];
    if (fn.type === 'selector_expression') return [`m:${nodeText(file, childByField(fn, 'field') ?? fn)}`];
    return [];
  }

  /** Could this call (arguments included) store into a sync.Map of the package? */
  couldStore(file: SourceFile, call: SyntaxNode): boolean {
    const fn = unparen(childByField(call, 'function') ?? call);
    if (this.callees(file, call).some((k) => this.storing.has(k))) return true;
    if (fn.type === 'identifier') {
      const name = nodeText(file, fn);
      if (BUILTINS.has(name) || this.model.structs.has(name) || this.model.mapTypes.has(name)) return false;
      // A package function that does not store; anything else named here is a function value.
      return !(this.model.funcs.has(name) && localDeclaration(file, fn) === undefined);
    }
    if (fn.type === 'selector_expression') {
      const operand = unparen(childByField(fn, 'operand') ?? fn);
      const field = nodeText(file, childByField(fn, 'field') ?? fn);
      let imported = this.imports.get(file);
      if (!imported) this.imports.set(file, (imported = importedNames(file)));
      const foreign =
        operand.type === 'identifier' &&
        imported.has(nodeText(file, operand)) &&
        localDeclaration(file, operand) === undefined &&
        !this.model.globals.has(nodeText(file, operand));
      // Code of another package cannot reach this package's maps, except through a callback handed to it.
      if (foreign) return namedChildren(childByField(call, 'arguments') ?? call).some((a) => a.type === 'func_literal' || (a.type === 'identifier' && this.model.funcs.has(nodeText(file, a))));
      return this.callbackFields.has(field);
    }
    return true;
  }
}

/** The syncmap calls of the receiver between two offsets (exclusive), by method. */
export function receiverCallsBetween(calls: readonly SyncMapCall[], at: SyncMapCall, from: number, to: number): SyncMapCall[] {
  return calls.filter((c) => c.file === at.file && c.receiverText === at.receiverText && c.call.start > from && c.call.start < to && c !== at);
}

