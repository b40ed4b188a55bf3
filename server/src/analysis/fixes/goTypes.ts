// A map's key or value type as sync.Map sees it: everything goes through interface{}, so a stored value
// must have exactly the dynamic type the reads assert. An untyped constant (`m[k] = 1` in a
// map[string]float64) would be stored as an int: it needs `float64(1)`. And a read must survive a stored
// nil (`m[k] = nil`), so loads use the comma-ok assertion.
import { childByField, namedChildren, nodeText, unparen, walk, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel } from '../model/packageModel';

export interface GoType {
  text: string;
  /**
   * exact: string and bool (constants default to them); numeric: predeclared numbers; interface: a value
   * keeps its dynamic type; unnamed: `*T`, `[]T`, `struct{...}` and the like; named: a defined type, which
   * constants and values of its underlying type would not have.
   */
  kind: 'exact' | 'numeric' | 'interface' | 'unnamed' | 'named';
  /** For numeric types: the predeclared name (`uint8` for byte). */
  canonical?: string;
  /** May hold nil, or unknown (a type of another package): reads in a Range use the comma-ok assertion. */
  nilable: boolean;
  /** Packages the type names (`time` in `time.Time`): files that spell it must import them. */
  qualifiers: string[];
}

const NUMERIC: Readonly<Record<string, string>> = Object.fromEntries(
  ['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'float32', 'float64', 'complex64', 'complex128']
    .map((t) => [t, t])
    .concat([['byte', 'uint8'], ['rune', 'int32']]),
);
const NILABLE_TYPES = new Set(['pointer_type', 'slice_type', 'map_type', 'function_type', 'channel_type', 'interface_type']);
const CONSTANT_DEFAULT: Readonly<Record<string, string>> = { int: 'int', rune: 'int32', float: 'float64', complex: 'complex128' };
const KIND_ORDER = ['int', 'rune', 'float', 'complex'];

/** The type, or why sync.Map cannot hold it faithfully. */
export function classifyType(file: SourceFile, node: SyntaxNode, model: PackageModel): GoType | string {
  const text = nodeText(file, node);
  const qualifiers: string[] = [];
  let generic = false;
  walk(node, (n) => {
    if (n.type === 'qualified_type') {
      const pkg = childByField(n, 'package');
      if (pkg) qualifiers.push(nodeText(file, pkg));
    }
    if (n.type === 'generic_type' || n.type === 'type_parameter_list') generic = true;
  });
  if (generic) return `its type \`${text}\` is generic`;
  const base = { text, qualifiers };
  switch (node.type) {
    case 'type_identifier': {
      if (text === 'string' || text === 'bool') return { ...base, kind: 'exact', nilable: false };
      if (NUMERIC[text]) return { ...base, kind: 'numeric', canonical: NUMERIC[text], nilable: false };
      if (text === 'any' || text === 'error') return { ...base, kind: 'interface', nilable: true };
      const underlying = packageType(model, text);
      if (underlying?.type === 'interface_type') return { ...base, kind: 'interface', nilable: true };
      const nilable = !underlying || NILABLE_TYPES.has(underlying.type);
      return { ...base, kind: 'named', nilable };
    }
    case 'qualified_type':
      return { ...base, kind: 'named', nilable: true };
    case 'interface_type':
      return { ...base, kind: 'interface', nilable: true };
    case 'channel_type':
      // A `chan<- T` also holds a `chan T`, stored under the wider type: its assertion would fail.
      if (/^chan\s*<-|^<-/.test(text)) return `its type \`${text}\` is a directional channel`;
      return { ...base, kind: 'unnamed', nilable: true };
    case 'pointer_type':
    case 'slice_type':
    case 'map_type':
    case 'function_type':
      return { ...base, kind: 'unnamed', nilable: true };
    case 'struct_type':
    case 'array_type':
      return { ...base, kind: 'unnamed', nilable: false };
    default:
      return `its type \`${text}\` is not one the fix can spell`;
  }
}

/** The underlying type of a package-level named type (followed through other named types). */
function packageType(model: PackageModel, name: string, depth = 0): SyntaxNode | undefined {
  if (depth > 5) return undefined;
  for (const file of model.files) {
    for (const decl of file.root.children) {
      if (decl.type !== 'type_declaration') continue;
      for (const spec of namedChildren(decl)) {
        const n = childByField(spec, 'name');
        if (spec.type !== 'type_spec' || !n || nodeText(file, n) !== name) continue;
        const t = childByField(spec, 'type');
        if (t?.type === 'type_identifier' && !NUMERIC[nodeText(file, t)] && !['string', 'bool'].includes(nodeText(file, t))) return packageType(model, nodeText(file, t), depth + 1);
        return t;
      }
    }
  }
  return undefined;
}

/** What an expression's dynamic type would depend on: the package's constants and imported names. */
export interface ExprContext {
  file: SourceFile;
  consts: ReadonlySet<string>;
  imports: ReadonlySet<string>;
}

/** `expr` (spelled `text`) as it must be passed to Store/Load/Delete so that it is stored as a `t`. */
export function asType(expr: SyntaxNode, text: string, t: GoType, ctx: ExprContext): string {
  if (!needsConversion(expr, t, ctx)) return text;
  const spelled = /^(\*|<-|func\b|chan\b)/.test(t.text) ? `(${t.text})` : t.text;
  return `${spelled}(${text})`;
}

function needsConversion(expr: SyntaxNode, t: GoType, ctx: ExprContext): boolean {
  const e = unparen(expr);
  switch (t.kind) {
    case 'exact':
    case 'interface':
    case 'unnamed':
      return false;
    case 'numeric': {
      if (certainlyTyped(e, ctx)) return false;
      const kind = constantKind(e);
      return !kind || CONSTANT_DEFAULT[kind] !== t.canonical;
    }
    case 'named': {
      if (e.type === 'composite_literal') return nodeText(ctx.file, childByField(e, 'type') ?? e) !== t.text;
      if (e.type === 'nil') return false;
      return !certainlyTyped(e, ctx);
    }
  }
}

/**
 * An expression that has a type of its own, so it is stored as the map's type (Go only lets a typed value
 * of the map's type in): not an untyped constant.
 */
function certainlyTyped(e: SyntaxNode, ctx: ExprContext): boolean {
  const text = () => nodeText(ctx.file, e);
  switch (e.type) {
    case 'identifier':
      return !['nil', 'true', 'false', 'iota'].includes(text()) && !ctx.consts.has(text());
    case 'call_expression': {
      const fn = childByField(e, 'function');
      return !(fn?.type === 'identifier' && ['real', 'imag', 'complex', 'min', 'max'].includes(nodeText(ctx.file, fn)));
    }
    case 'type_conversion_expression':
    case 'index_expression':
    case 'slice_expression':
    case 'type_assertion_expression':
    case 'composite_literal':
    case 'func_literal':
      return true;
    case 'selector_expression': {
      const operand = childByField(e, 'operand');
      return !(operand?.type === 'identifier' && ctx.imports.has(nodeText(ctx.file, operand)));
    }
    case 'parenthesized_expression':
      return certainlyTyped(unparen(e), ctx);
    case 'unary_expression': {
      const op = childByField(e, 'operator');
      const operand = childByField(e, 'operand');
      if (op && ['<-', '&', '*'].includes(op.type)) return true;
      return !!operand && certainlyTyped(operand, ctx);
    }
    case 'binary_expression': {
      const op = childByField(e, 'operator')?.type ?? '';
      const left = childByField(e, 'left');
      const right = childByField(e, 'right');
      if (['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(op)) return false;
      if (op === '<<' || op === '>>') return !!left && certainlyTyped(left, ctx);
      return (!!left && certainlyTyped(left, ctx)) || (!!right && certainlyTyped(right, ctx));
    }
    default:
      return false;
  }
}

/** The kind of an untyped constant made of literals only (`-1 + 2.5` is a float constant). */
function constantKind(e: SyntaxNode): string | undefined {
  switch (e.type) {
    case 'int_literal':
      return 'int';
    case 'rune_literal':
      return 'rune';
    case 'float_literal':
      return 'float';
    case 'imaginary_literal':
      return 'complex';
    case 'parenthesized_expression':
      return constantKind(unparen(e));
    case 'unary_expression': {
      const op = childByField(e, 'operator')?.type;
      const operand = childByField(e, 'operand');
      return op && ['+', '-', '^'].includes(op) && operand ? constantKind(operand) : undefined;
    }
    case 'binary_expression': {
      const op = childByField(e, 'operator')?.type ?? '';
      if (!['+', '-', '*', '/', '%', '&', '|', '^', '&^'].includes(op)) return undefined;
      const l = childByField(e, 'left');
      const r = childByField(e, 'right');
      const kl = l && constantKind(l);
      const kr = r && constantKind(r);
      return kl && kr ? KIND_ORDER[Math.max(KIND_ORDER.indexOf(kl), KIND_ORDER.indexOf(kr))] : undefined;
    }
    default:
      return undefined;
  }
}

/** Every constant name declared in the package, at any scope: an identifier among them may be untyped. */
export function constantNames(files: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  for (const file of files) {
    walk(file.root, (n) => {
      if (n.type === 'const_spec') for (const c of n.children) if (c.field === 'name') out.add(nodeText(file, c));
    });
  }
  return out;
}
