// Which declaration an identifier names, by Go's block scoping. A rewrite of every use of one variable
// needs this without type information: a local `m` that shadows the package's `m` is another variable.
import { childByField, childrenByField, namedChildren, nodeText, type SourceFile, type SyntaxNode } from '../syntax';
import { freshName } from './freshNames';

export const STATEMENT_LISTS = new Set(['block', 'expression_case', 'default_case', 'communication_case', 'type_case']);
const FUNCTIONS = new Set(['function_declaration', 'method_declaration', 'func_literal']);

/** The identifiers a statement declares in the scope it is written in. */
function declaredBy(stmt: SyntaxNode): SyntaxNode[] {
  switch (stmt.type) {
    case 'short_var_declaration': {
      const left = childByField(stmt, 'left');
      return left ? namedChildren(left) : [];
    }
    case 'var_declaration':
    case 'const_declaration':
      return stmt.children.flatMap((spec) => (spec.type === 'var_spec' || spec.type === 'const_spec' ? childrenByField(spec, 'name') : []));
    case 'type_declaration':
      return stmt.children.flatMap((spec) => (spec.type === 'type_spec' || spec.type === 'type_alias' ? childrenByField(spec, 'name') : []));
    case 'labeled_statement': {
      const inner = namedChildren(stmt).find((c) => c.type !== 'label_name');
      return inner ? declaredBy(inner) : [];
    }
    default:
      return [];
  }
}

/** The names a function's parameters, receiver and named results declare in its body. */
export function parameterNames(fn: SyntaxNode): SyntaxNode[] {
  const lists = ['receiver', 'parameters', 'result'].map((f) => childByField(fn, f)).filter((l): l is SyntaxNode => l?.type === 'parameter_list');
  return lists.flatMap((l) => l.children.filter((c) => c.type === 'parameter_declaration' || c.type === 'variadic_parameter_declaration').flatMap((p) => childrenByField(p, 'name')));
}

function declaredVia(p: SyntaxNode, child: SyntaxNode): SyntaxNode[] {
  if (STATEMENT_LISTS.has(p.type)) {
    const out: SyntaxNode[] = [];
    for (const s of p.children) {
      if (s === child) break;
      out.push(...declaredBy(s));
    }
    if (p.type === 'communication_case') {
      const comm = childByField(p, 'communication');
      const left = comm && comm !== child && comm.type === 'receive_statement' && comm.children.some((c) => c.type === ':=') ? childByField(comm, 'left') : undefined;
      if (left) out.push(...namedChildren(left));
    }
    return out;
  }
  if (FUNCTIONS.has(p.type)) return child === childByField(p, 'body') ? parameterNames(p) : [];
  if (p.type === 'if_statement' || p.type === 'expression_switch_statement' || p.type === 'type_switch_statement') {
    const init = childByField(p, 'initializer');
    const out = init && init !== child ? declaredBy(init) : [];
    const alias = p.type === 'type_switch_statement' ? childByField(p, 'alias') : undefined;
    if (alias && (child.type === 'type_case' || child.type === 'default_case')) out.push(...namedChildren(alias));
    return out;
  }
  if (p.type === 'for_clause') {
    const init = childByField(p, 'initializer');
    return init && init !== child ? declaredBy(init) : [];
  }
  if (p.type === 'for_statement' && child === childByField(p, 'body')) {
    const clause = p.children.find((c) => c.type === 'for_clause' || c.type === 'range_clause');
    if (clause?.type === 'for_clause') {
      const init = childByField(clause, 'initializer');
      return init ? declaredBy(init) : [];
    }
    const left = clause && clause.children.some((c) => c.type === ':=') ? childByField(clause, 'left') : undefined;
    return left ? namedChildren(left) : [];
  }
  return [];
}

/**
 * The identifier of the innermost local declaration of `name` visible at `node`, or undefined when
 * `name` there is the package's (or the universe's). The statement containing `node` does not count:
 * in `m := m[k]` the right-hand `m` is the outer one.
 */
export function localDeclaration(file: SourceFile, node: SyntaxNode, name: string): SyntaxNode | undefined {
  let child = node;
  for (let p = node.parent; p && p.type !== 'source_file'; child = p, p = p.parent) {
    const found = declaredVia(p, child).filter((d) => nodeText(file, d) === name);
    if (found.length) return found[found.length - 1];
  }
  return undefined;
}

/** Is `name` declared before `stmt` in the same block (or as a parameter, when the block is a function body)? */
export function declaredInSameScope(file: SourceFile, stmt: SyntaxNode, name: string): boolean {
  const list = stmt.parent;
  if (!list || !STATEMENT_LISTS.has(list.type)) return false;
  if (declaredVia(list, stmt).some((d) => nodeText(file, d) === name)) return true;
  const fn = list.parent;
  return !!fn && FUNCTIONS.has(fn.type) && childByField(fn, 'body') === list && parameterNames(fn).some((d) => nodeText(file, d) === name);
}

/**
 * An identifier that declares a new variable where it stands (a parameter, `var x`, `x :=` when x is not
 * in the same scope yet, a range or receive variable): not a use of an outer variable of that name.
 */
export function declaresHere(file: SourceFile, id: SyntaxNode): boolean {
  const p = id.parent;
  if (!p) return false;
  if (['parameter_declaration', 'variadic_parameter_declaration', 'var_spec', 'const_spec'].includes(p.type)) return id.field === 'name';
  if (p.type === 'expression_list' && p.field === 'alias') return true;
  if (p.type !== 'expression_list' || p.field !== 'left') return false;
  const owner = p.parent!;
  if (owner.type === 'range_clause' || owner.type === 'receive_statement') return owner.children.some((c) => c.type === ':=');
  if (owner.type !== 'short_var_declaration') return false;
  return !declaredInSameScope(file, owner, nodeText(file, id));
}

/** The identifiers (not field names, labels or types) spelled `name` in a file. */
export function identifiersNamed(file: SourceFile, name: string): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const stack = [file.root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'identifier') {
      if (n.end - n.start === name.length && nodeText(file, n) === name) out.push(n);
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * A name for a temporary near `at`: no identifier of its top-level declaration is spelled so (it could
 * shadow what the code there means), and none taken for that declaration yet.
 */
export function freshIdentifier(file: SourceFile, at: SyntaxNode, base: string, taken: Map<SyntaxNode, Set<string>>): string {
  let scope = at;
  while (scope.parent && scope.parent.type !== 'source_file') scope = scope.parent;
  let used = taken.get(scope);
  if (!used) {
    used = new Set();
    const words = used;
    const stack = [scope];
    while (stack.length) {
      const n = stack.pop()!;
      if (/identifier$|^label_name$/.test(n.type)) words.add(nodeText(file, n));
      else stack.push(...n.children);
    }
    taken.set(scope, used);
  }
  return freshName([base], used);
}
