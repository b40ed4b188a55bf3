// sync.Map values and the calls made on them. The package model tracks maps and structs, not other
// types, so sync.Maps are found from their declarations here: package variables, struct fields, and
// locals or parameters declared `sync.Map`/`*sync.Map` (or made by `&sync.Map{}`/`new(sync.Map)`),
// spelled through whatever name the file imports "sync" under.
import { changedSince, childByField, childrenByField, namedChildren, nodeText, syntaxGeneration, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import { importSpecs, specPath } from '../fixes/imports';
import type { PackageModel } from './packageModel';

export interface SyncMapCall {
  file: SourceFile;
  call: SyntaxNode;
  /** `Load`, `Store`, `LoadOrStore`, `LoadAndDelete`, `Delete`, ... */
  method: string;
  /** The method name's node: a rewrite to another method replaces it. */
  methodNode: SyntaxNode;
  receiver: SyntaxNode;
  /** The receiver as written, without white space: calls on the same text in one function use the same map. */
  receiverText: string;
  args: SyntaxNode[];
}

const CALL_TEXT = /\.\s*(?:Load|Store|Delete|Range|Swap|CompareAnd)/;
const METHODS = new Set(['Load', 'Store', 'LoadOrStore', 'LoadAndDelete', 'Delete', 'Range', 'Swap', 'CompareAndSwap', 'CompareAndDelete']);

/**
 * Calls found in each top-level declaration, for analyses of one package after edits that changed no
 * declaration outside function bodies (so which names are sync.Maps is the same): a declaration no edit
 * reached is the same node, with the same calls.
 */
export class SyncMapCallCache {
  /** By top-level declaration, with the syntax generation they were found in (changedSince). */
  readonly calls = new WeakMap<SyntaxNode, { generation: number; calls: SyncMapCall[] }>();
  /** By file root: every call of a file no edit reached since (a copy after an edit has a new root). */
  readonly fileCalls = new WeakMap<SyntaxNode, SyncMapCall[]>();
  private readonly texts = new WeakMap<SourceFile, { text: string; calls: boolean }>();

  /** CALL_TEXT.test(file.text), remembered while the text is the same string. */
  mayCall(file: SourceFile): boolean {
    const known = this.texts.get(file);
    if (known?.text === file.text) return known.calls;
    const calls = CALL_TEXT.test(file.text);
    this.texts.set(file, { text: file.text, calls });
    return calls;
  }
}

/** How a file names package sync: `sync`, an alias, or a dot import (`Map` alone). */
interface SyncNames {
  qualifiers: Set<string>;
  dot: boolean;
}

function syncNamesOf(file: SourceFile): SyncNames {
  const out: SyncNames = { qualifiers: new Set(), dot: false };
  for (const spec of importSpecs(file)) {
    if (specPath(file, spec) !== 'sync') continue;
    const alias = childByField(spec, 'name');
    const name = alias ? nodeText(file, alias) : 'sync';
    if (name === '.') out.dot = true;
    else if (name !== '_') out.qualifiers.add(name);
  }
  return out;
}

function isSyncMapType(file: SourceFile, names: SyncNames, type: SyntaxNode): boolean {
  let t = unparen(type);
  if (t.type === 'pointer_type') t = namedChildren(t)[0] ?? t;
  if (t.type === 'qualified_type') {
    const pkg = childByField(t, 'package');
    const name = childByField(t, 'name');
    return !!pkg && !!name && names.qualifiers.has(nodeText(file, pkg)) && nodeText(file, name) === 'Map';
  }
  return names.dot && t.type === 'type_identifier' && nodeText(file, t) === 'Map';
}

/** Finds the sync.Map calls of a package. */
export class SyncMaps {
  private readonly names = new Map<SourceFile, SyncNames>();
  private readonly globals = new Set<string>();
  /** Field names declared sync.Map in some struct, less those declared otherwise in another. */
  private readonly fields = new Set<string>();

  /**
   * `sameTypes`: the SyncMaps of a model with the same files, imports and struct types (only package-level
   * variables changed): its import names and fields stand, and only the variables are looked at again.
   */
  constructor(private readonly model: PackageModel, sameTypes?: SyncMaps) {
    if (sameTypes) {
      this.names = sameTypes.names;
      this.fields = sameTypes.fields;
    } else this.fromTypes(model);
    for (const g of model.globals.values()) {
      const spec = g.node.parent;
      if (spec?.type !== 'var_spec') continue;
      const i = childrenByField(spec, 'name').indexOf(g.node);
      if (this.declaresSyncMap(g.file, spec, i)) this.globals.add(g.name);
    }
  }

  private fromTypes(model: PackageModel): void {
    for (const file of model.files) this.names.set(file, syncNamesOf(file));
    const other = new Set<string>();
    for (const s of model.structs.values()) {
      for (const { node, file } of [{ node: s.node, file: s.file }, ...s.variants]) {
        const list = childByField(node, 'type')?.children.find((c) => c.type === 'field_declaration_list');
        for (const field of list?.children.filter((c) => c.type === 'field_declaration') ?? []) {
          const type = childByField(field, 'type');
          if (!type) continue;
          const isMap = isSyncMapType(file, this.namesOf(file), type);
          const names = childrenByField(field, 'name').map((n) => nodeText(file, n));
          // An embedded sync.Map is selected as `x.Map`.
          if (!names.length && isMap) names.push('Map');
          for (const n of names) (isMap ? this.fields : other).add(n);
        }
      }
    }
    for (const n of other) this.fields.delete(n);
  }

  /** Which names are sync.Maps: calls found with another signature may differ (see SyncMapCallCache). */
  signature(): string {
    const names = this.model.files.map((f) => {
      const n = this.namesOf(f);
      return `${f.path}:${[...n.qualifiers].join(',')}:${n.dot}`;
    });
    return JSON.stringify([[...this.fields], [...this.globals], names]);
  }

  private namesOf(file: SourceFile): SyncNames {
    let n = this.names.get(file);
    if (!n) this.names.set(file, (n = syncNamesOf(file)));
    return n;
  }

  /**
   * Every call of a sync.Map method on a receiver known to be a sync.Map, in source order per file.
   * `cache` (see SyncMapCallCache) keeps each top-level declaration's calls between analyses.
   */
  calls(cache?: SyncMapCallCache): SyncMapCall[] {
    const out: SyncMapCall[] = [];
    // Cheap text checks first: most packages declare no sync.Map, most files call none of its methods.
    if (!this.model.files.some((f) => f.text.includes('Map'))) return out;
    for (const file of this.model.files) {
      if (!(cache ? cache.mayCall(file) : CALL_TEXT.test(file.text))) continue;
      const whole = cache?.fileCalls.get(file.root);
      if (whole) {
        for (const c of whole) out.push(c);
        continue;
      }
      const inFile: SyncMapCall[] = [];
      for (const decl of file.root.children) {
        const kept = cache?.calls.get(decl);
        let found = kept && !changedSince(decl, kept.generation) ? kept.calls : undefined;
        if (!found) {
          found = this.callsIn(file, decl);
          cache?.calls.set(decl, { generation: syntaxGeneration(), calls: found });
        }
        for (const c of found) inFile.push(c);
      }
      cache?.fileCalls.set(file.root, inFile);
      for (const c of inFile) out.push(c);
    }
    return out;
  }

  private callsIn(file: SourceFile, decl: SyntaxNode): SyncMapCall[] {
    const out: SyncMapCall[] = [];
    walk(decl, (n) => {
      if (n.type !== 'call_expression') return;
      const fn = childByField(n, 'function');
      if (fn?.type !== 'selector_expression') return;
      const operand = childByField(fn, 'operand');
      const field = childByField(fn, 'field');
      const method = field && nodeText(file, field);
      if (!operand || !field || !method || !METHODS.has(method) || !this.isSyncMap(file, operand)) return;
      const args = childByField(n, 'arguments');
      out.push({
        file,
        call: n,
        method,
        methodNode: field,
        receiver: operand,
        receiverText: nodeText(file, operand).replace(/\s+/g, ''),
        args: args ? namedChildren(args) : [],
      });
    });
    return out;
  }

  /** Is this expression a sync.Map (or a pointer to one)? */
  isSyncMap(file: SourceFile, expr: SyntaxNode, depth = 0): boolean {
    const e = unparen(expr);
    if (depth > 4) return false;
    if (e.type === 'selector_expression') {
      const field = childByField(e, 'field');
      return !!field && this.fields.has(nodeText(file, field));
    }
    if (e.type === 'unary_expression' && nodeText(file, e).startsWith('&')) {
      const operand = childByField(e, 'operand');
      return !!operand && this.isSyncMap(file, operand, depth + 1);
    }
    if (e.type !== 'identifier') return false;
    const local = localDeclaration(file, e);
    if (local === undefined) return this.globals.has(nodeText(file, e));
    if (local.type) return isSyncMapType(file, this.namesOf(file), local.type);
    return !!local.value && this.makesSyncMap(file, local.value, depth);
  }

  private declaresSyncMap(file: SourceFile, spec: SyntaxNode, index: number): boolean {
    const type = childByField(spec, 'type');
    if (type) return isSyncMapType(file, this.namesOf(file), type);
    const values = childByField(spec, 'value');
    const value = values && namedChildren(values)[index];
    return !!value && this.makesSyncMap(file, value, 0);
  }

  /** `&sync.Map{}`, `sync.Map{}`, `new(sync.Map)`, or another sync.Map expression (`m := c.m`). */
  private makesSyncMap(file: SourceFile, value: SyntaxNode, depth: number): boolean {
    let v = unparen(value);
    if (v.type === 'unary_expression' && nodeText(file, v).startsWith('&')) v = unparen(childByField(v, 'operand') ?? v);
    if (v.type === 'composite_literal') {
      const type = childByField(v, 'type');
      return !!type && isSyncMapType(file, this.namesOf(file), type);
    }
    if (v.type === 'call_expression') {
      const fn = childByField(v, 'function');
      const arg = namedChildren(childByField(v, 'arguments') ?? v)[0];
      return !!fn && nodeText(file, fn) === 'new' && !!arg && isSyncMapType(file, this.namesOf(file), arg);
    }
    return this.isSyncMap(file, v, depth + 1);
  }
}

/** What declares a local name: its declared type, or the value it was initialised with. */
interface LocalDecl {
  type?: SyntaxNode;
  value?: SyntaxNode;
}

/** Nodes whose children are statements. */
export const STATEMENT_LISTS = new Set(['block', 'expression_case', 'default_case', 'type_case', 'communication_case']);

/**
 * The innermost declaration of an identifier inside its function (parameters, `var`, `:=`, `if`/`for`/
 * `switch` initialisers, range and case variables), or undefined when none: then it is package-level.
 */
export function localDeclaration(file: SourceFile, ident: SyntaxNode): LocalDecl | undefined {
  const name = nodeText(file, ident);
  let child = ident;
  for (let a = ident.parent; a && a.type !== 'source_file'; child = a, a = a.parent) {
    if (STATEMENT_LISTS.has(a.type)) {
      const before = a.children.slice(0, a.children.indexOf(child)).reverse();
      for (const stmt of before) {
        const d = declarationIn(file, stmt, name);
        if (d) return d;
      }
    } else if (a.type === 'if_statement' || a.type === 'expression_switch_statement' || a.type === 'type_switch_statement') {
      const init = childByField(a, 'initializer');
      if (init && init !== child) {
        const d = declarationIn(file, init, name);
        if (d) return d;
      }
      const alias = childByField(a, 'alias');
      if (alias && child !== alias && namedChildren(alias).some((n) => nodeText(file, n) === name)) return {};
    } else if (a.type === 'for_statement') {
      const clause = a.children.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
      if (clause && clause !== child) {
        if (clause.type === 'range_clause') {
          const left = childByField(clause, 'left');
          if (left && namedChildren(left).some((n) => nodeText(file, n) === name)) return {};
        } else {
          const init = childByField(clause, 'initializer');
          const d = init && declarationIn(file, init, name);
          if (d) return d;
        }
      }
    } else if (a.type === 'communication_case') {
      const comm = childByField(a, 'communication');
      const left = comm?.type === 'receive_statement' ? childByField(comm, 'left') : undefined;
      if (left && namedChildren(left).some((n) => nodeText(file, n) === name)) return {};
    } else if (a.type === 'function_declaration' || a.type === 'method_declaration' || a.type === 'func_literal') {
      for (const field of ['receiver', 'parameters', 'result']) {
        const list = childByField(a, field);
        for (const p of list?.children.filter((c) => c.type === 'parameter_declaration' || c.type === 'variadic_parameter_declaration') ?? []) {
          if (childrenByField(p, 'name').some((n) => nodeText(file, n) === name)) return { type: childByField(p, 'type') };
        }
      }
    }
  }
  return undefined;
}

/** The declaration of `name` made by one statement, if it makes one. */
function declarationIn(file: SourceFile, stmt: SyntaxNode, name: string): LocalDecl | undefined {
  if (stmt.type === 'short_var_declaration') {
    const left = namedChildren(childByField(stmt, 'left') ?? stmt);
    const i = left.findIndex((n) => nodeText(file, n) === name);
    if (i < 0) return undefined;
    const right = namedChildren(childByField(stmt, 'right') ?? stmt);
    // `a, b := f()`: one call, several results; their types are unknown here.
    return right.length === left.length ? { value: right[i] } : {};
  }
  if (stmt.type === 'var_declaration') {
    const specs = stmt.children.flatMap((c) => (c.type === 'var_spec' ? [c] : c.type === 'var_spec_list' ? c.children.filter((s) => s.type === 'var_spec') : []));
    for (const spec of specs) {
      const i = childrenByField(spec, 'name').findIndex((n) => nodeText(file, n) === name);
      if (i < 0) continue;
      const values = childByField(spec, 'value');
      return { type: childByField(spec, 'type'), value: values ? namedChildren(values)[i] : undefined };
    }
  }
  if (stmt.type === 'labeled_statement') {
    const inner = namedChildren(stmt).find((c) => c.type !== 'label_name');
    return inner && declarationIn(file, inner, name);
  }
  return undefined;
}
