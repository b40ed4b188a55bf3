// "Copy under the lock" for map-escapes-lock: where the map is taken (an alias, an assignment, or a
// locked getter's `return`), take a copy made while the lock is held instead: `maps.Clone` when the
// module's go version has it (1.21), a copy loop otherwise.
import { ancestors, childByField, enclosingFunction, namedChildren, nodeText, returnValues, unparen, type SyntaxNode } from '../syntax';
import type { Access } from '../model/timeline';
import type { VarDecl } from '../model/variables';
import type { Fix } from '../types';
import { nodeRange } from '../positions';
import { addImportEdit, importedNames } from './imports';
import { goAtLeast } from '../goVersion';
import { lineIndent, eolOf } from './layout';

/** The map's type as written where it is declared (`map[string]int`), if it is evident. */
function mapTypeText(v: VarDecl): string | undefined {
  const p = v.node.parent;
  if (!p) return undefined;
  if (p.type === 'field_declaration' || p.type === 'parameter_declaration') {
    const type = childByField(p, 'type');
    return type && unparen(type).type === 'map_type' ? nodeText(v.file, type) : undefined;
  }
  if (p.type === 'var_spec') {
    const type = childByField(p, 'type');
    if (type) return unparen(type).type === 'map_type' ? nodeText(v.file, type) : undefined;
  }
  const values = p.type === 'var_spec' ? childByField(p, 'value') : p.type === 'expression_list' ? p.parent && childByField(p.parent, 'right') : undefined;
  const value = values && namedChildren(values)[0];
  const made = value && unparen(value);
  if (made?.type === 'composite_literal') {
    const type = childByField(made, 'type');
    return type?.type === 'map_type' ? nodeText(v.file, type) : undefined;
  }
  if (made?.type === 'call_expression' && nodeText(v.file, childByField(made, 'function') ?? made) === 'make') {
    const args = childByField(made, 'arguments');
    const type = args && namedChildren(args)[0];
    return type?.type === 'map_type' ? nodeText(v.file, type) : undefined;
  }
  return undefined;
}


function copyLines(target: string, declare: boolean, type: string, source: string, indent: string, eol: string, clone: boolean): string {
  if (clone) return `${target} ${declare ? ':=' : '='} maps.Clone(${source})`;
  const [k, val] = /\b(k|v)\b/.test(`${source} ${target}`) ? ['key', 'val'] : ['k', 'v'];
  return [
    `${target} ${declare ? ':=' : '='} make(${type}, len(${source}))`,
    `${indent}for ${k}, ${val} := range ${source} {`,
    `${indent}\t${target}[${k}] = ${val}`,
    `${indent}}`,
  ].join(eol);
}

export function copyUnderLock(a: Access, accesses: readonly Access[], goVersion?: string): Fix | undefined {
  const escape = a.escape;
  if (!escape) return undefined;
  // Writes through the escaped reference must reach the shared map: a copy would lose them.
  if (accesses.some((o) => o.escape?.node === escape.node && o.kind === 'write')) return undefined;
  const type = mapTypeText(a.v);
  const file = escape.file;
  const qualifiers = type ? [...type.matchAll(/\b([A-Za-z_]\w*)\./g)].map((m) => m[1]) : [];
  if (!type || qualifiers.some((q) => !importedNames(file).has(q))) return undefined;
  const eol = eolOf(file.text);
  // `maps` must name the package: a local or import called maps would capture the call.
  const clone = goAtLeast(goVersion, '1.21') && !/\bmaps\b/.test(file.text.replace(/"maps"/g, ''));
  const node = escape.node;
  const lock = escape.locks[0]?.text ?? 'the lock';
  let stmt: SyntaxNode | undefined;
  let text: string | undefined;
  if (node.type === 'return_statement') {
    const list = returnValues(node);
    const fn = enclosingFunction(node);
    if (list.length !== 1 || !fn) return undefined;
    const taken = new Set(nodeText(file, fn).match(/[A-Za-z_]\w*/g));
    const name = ['cp', 'copied', 'snapshot'].find((n) => !taken.has(n));
    if (!name) return undefined;
    const indent = lineIndent(file, node);
    stmt = node;
    text = `${copyLines(name, true, type, nodeText(file, list[0]), indent, eol, clone)}${eol}${indent}return ${name}`;
  } else {
    stmt = ancestors(node).find((n) => n.type === 'short_var_declaration' || n.type === 'assignment_statement');
    const left = stmt && childByField(stmt, 'left');
    const right = stmt && childByField(stmt, 'right');
    if (!stmt || !left || !right || namedChildren(left).length !== 1 || namedChildren(right).length !== 1) return undefined;
    if (stmt.type === 'assignment_statement' && !stmt.children.some((c) => c.type === '=')) return undefined;
    text = copyLines(nodeText(file, left), stmt.type === 'short_var_declaration', type, nodeText(file, namedChildren(right)[0]), lineIndent(file, stmt), eol, clone);
  }
  const imp = clone ? addImportEdit(file, 'maps') : undefined;
  return {
    title: clone ? `Copy the map with maps.Clone while ${lock} is held` : `Copy the map while ${lock} is held`,
    preferred: true,
    edits: [...(imp ? [imp] : []), { file: file.path, range: nodeRange(stmt), newText: text }],
  };
}
