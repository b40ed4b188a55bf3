// Which uses of a map value's zero value panic: a field through a nil pointer, a method that dereferences
// its nil receiver, any method of a nil interface. A method that checks for a nil receiver, or never
// touches it, is fine on nil and is not one of them.
import { childByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import { lookupField, type FuncInfo, type PackageModel } from '../model/packageModel';
import type { NilableValue } from '../model/mapValueType';

/** What `x.name` (or `x.name(...)`) does to a nil x, as message text (`writes field Name through it`), when it panics. */
export function panicsOnNil(selector: SyntaxNode, file: SourceFile, value: NilableValue, model: PackageModel): string | undefined {
  const field = childByField(selector, 'field');
  if (!field) return undefined;
  const name = nodeText(file, field);
  const called = selector.field === 'function' && selector.parent?.type === 'call_expression';
  if (value.kind === 'interface') return called ? `calls method ${name} on it` : undefined;
  if (lookupField(model, value.struct, name)) {
    if (called) return `calls func field ${name} through it`;
    return isWritten(selector) ? `writes field ${name} through it` : `reads field ${name} through it`;
  }
  if (!called) return undefined;
  const method = model.methods.get(name)?.find((m) => m.receiverType === value.struct);
  return method && methodPanicsOnNil(method, model) ? `calls ${value.struct}.${name} on it, which dereferences its receiver` : undefined;
}

/** `x.f = v`, `x.f += v`, `x.f++`. */
function isWritten(selector: SyntaxNode): boolean {
  let e = selector;
  while (e.parent?.type === 'parenthesized_expression') e = e.parent;
  const p = e.parent;
  if (p?.type === 'inc_statement' || p?.type === 'dec_statement') return true;
  return p?.type === 'expression_list' && p.field === 'left' && p.parent?.type === 'assignment_statement';
}

/**
 * A value receiver is copied out of the pointer, so the call itself panics. A pointer receiver panics only
 * when the body dereferences it (a field, `*r`) and never compares it with nil.
 */
function methodPanicsOnNil(method: FuncInfo, model: PackageModel): boolean {
  const receiver = childByField(method.node, 'receiver');
  const param = receiver?.children.find((c) => c.type === 'parameter_declaration');
  const type = param && childByField(param, 'type');
  if (!param || !type) return false;
  if (type.type !== 'pointer_type') return true;
  const nameNode = childByField(param, 'name');
  const body = childByField(method.node, 'body');
  if (!nameNode || !body || !method.receiverType) return false;
  const recv = nodeText(method.file, nameNode);
  if (recv === '_') return false;
  const isRecv = (n: SyntaxNode | undefined) => !!n && unparen(n).type === 'identifier' && nodeText(method.file, unparen(n)) === recv;
  let derefs = false;
  let nilChecked = false;
  walk(body, (n) => {
    if (n.type === 'func_literal') return false;
    if (n.type === 'selector_expression' && isRecv(childByField(n, 'operand'))) {
      const f = childByField(n, 'field');
      if (f && lookupField(model, method.receiverType!, nodeText(method.file, f))) derefs = true;
    } else if (n.type === 'unary_expression' && nodeText(method.file, n).startsWith('*') && isRecv(childByField(n, 'operand'))) {
      derefs = true;
    } else if (n.type === 'binary_expression') {
      const sides = namedChildren(n);
      if (sides.some((s) => isRecv(s)) && sides.some((s) => unparen(s).type === 'nil')) nilChecked = true;
    }
    return undefined;
  });
  return derefs && !nilChecked;
}
