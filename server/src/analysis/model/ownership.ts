// Does a local of a function leave it only by being returned? Then each call makes its own instance.
import { childByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';

/** `x`, `x.f`, `x.f[k]`, `x.m().f`: the identifier an expression is rooted at. */
function rootOf(expr: SyntaxNode): SyntaxNode | undefined {
  let e = unparen(expr);
  for (;;) {
    if (e.type === 'identifier') return e;
    const inner = e.type === 'selector_expression' || e.type === 'index_expression' ? childByField(e, 'operand') : e.type === 'call_expression' ? childByField(e, 'function') : undefined;
    if (!inner) return undefined;
    e = unparen(inner);
  }
}

/** What else a use may be without letting the instance escape. */
export interface Harmless {
  /** `x := value`, `x = value`: a new instance (for a reassignment, another one). */
  construction(value: SyntaxNode): boolean;
  /** `f(x)`: a call of the package's own code, which fills the instance in. */
  ownCall(call: SyntaxNode): boolean;
}

/**
 * Every use of `name` in `body` (other than its declaration `declNode`) selects from it (`x.f`,
 * `x.m()`), returns it, stores it into itself (`x.f = x`), or is one of the `harmless` uses: no other
 * variable, no closure, no foreign call. A shadowing declaration of the same name counts as a use,
 * which only errs on the side of "escapes".
 */
export function onlyReturned(file: SourceFile, body: SyntaxNode, name: string, declNode: SyntaxNode, harmless: Harmless): boolean {
  let ok = true;
  walk(body, (n) => {
    if (!ok) return false;
    if (n.type !== 'identifier' || n === declNode || nodeText(file, n) !== name) return true;
    let e = n;
    while (e.parent?.type === 'parenthesized_expression') e = e.parent;
    const parent = e.parent;
    if (!parent) return (ok = false);
    for (let p: SyntaxNode | null = parent; p && p !== body; p = p.parent) if (p.type === 'func_literal') return (ok = false);
    if (parent.type === 'selector_expression' && e.field === 'operand') return true;
    if (parent.type === 'expression_list' && parent.parent?.type === 'return_statement') return true;
    if (parent.type === 'argument_list' && parent.parent?.type === 'call_expression' && harmless.ownCall(parent.parent)) return true;
    const assignment = parent.type === 'expression_list' && parent.parent?.type === 'assignment_statement' ? parent.parent : undefined;
    if (assignment && parent.field === 'right') {
      const left = childByField(assignment, 'left');
      const targets = left ? namedChildren(left) : [];
      if (targets.length && targets.every((t) => { const r = rootOf(t); return !!r && nodeText(file, r) === name && t.type !== 'identifier'; })) return true;
    }
    if (assignment && parent.field === 'left') {
      const value = valueOf(assignment, namedChildren(parent).indexOf(e));
      if (assignment.children.some((c) => c.type === '=') && value && harmless.construction(value)) return true;
    }
    // Its declaration under another name's identity (`e, err := newT()`): the value decides.
    const declaration = parent.type === 'expression_list' && parent.field === 'left' && parent.parent?.type === 'short_var_declaration' ? parent.parent : parent.type === 'var_spec' ? parent : undefined;
    if (declaration) {
      const names = parent.type === 'var_spec' ? namedChildren(parent).filter((c) => c.field === 'name') : namedChildren(parent);
      const value = valueOf(declaration, names.indexOf(e));
      if (value && harmless.construction(value)) return true;
    }
    return (ok = false);
  });
  return ok;
}

/** The value given to the `i`th name of an assignment or declaration (a lone call gives the first). */
function valueOf(statement: SyntaxNode, i: number): SyntaxNode | undefined {
  const right = childByField(statement, statement.type === 'var_spec' ? 'value' : 'right');
  const values = right ? namedChildren(right) : [];
  if (values.length === 1 && unparen(values[0]).type === 'call_expression') return i === 0 ? values[0] : undefined;
  return values[i];
}

/** `name = ...` in `body` (not in closures): at least one, and every value passes `construction`. */
export function assignedOnly(file: SourceFile, body: SyntaxNode, name: string, construction: (value: SyntaxNode) => boolean): boolean {
  let seen = 0;
  let ok = true;
  walk(body, (n) => {
    if (!ok || n.type === 'func_literal') return false;
    if (n.type !== 'assignment_statement') return true;
    const targets = namedChildren(childByField(n, 'left') ?? n);
    const values = namedChildren(childByField(n, 'right') ?? n);
    targets.forEach((t, i) => {
      if (unparen(t).type !== 'identifier' || nodeText(file, unparen(t)) !== name) return;
      seen++;
      const value = values[i];
      if (!n.children.some((c) => c.type === '=') || !value || !construction(value)) ok = false;
    });
    return true;
  });
  return ok && seen > 0;
}
