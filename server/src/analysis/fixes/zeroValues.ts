// The zero value of a type, spelled so that it compiles where the type is written: `0`, `""`, `false`,
// `nil`, `T{}`. Undefined when the spelling is not certain (imported types we do not know, type
// parameters, generic types): a fix that needs it is then not offered.
import { childByField, childrenByField, nodeText, unparen, type SourceFile, type SyntaxNode } from '../syntax';
import type { PackageModel } from '../model/packageModel';
import { typeSpecOf } from '../model/mapValueType';

const NUMERIC = new Set([
  'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'float32', 'float64', 'complex64', 'complex128', 'byte', 'rune',
]);

const NIL_KINDS = new Set(['pointer_type', 'slice_type', 'map_type', 'channel_type', 'function_type', 'interface_type']);

/** Imported types whose zero value we know how to write. */
const KNOWN_IMPORTED: Readonly<Record<string, string>> = {
  'time.Duration': '0',
  'time.Time': 'time.Time{}',
  'context.Context': 'nil',
  'http.Handler': 'nil',
  'io.Reader': 'nil',
  'io.Writer': 'nil',
  'io.ReadCloser': 'nil',
  'fmt.Stringer': 'nil',
};

/** The zero values a `return` in function (or func literal) `fn` must give, one per result. */
export function zeroResults(fn: SyntaxNode, file: SourceFile, model: PackageModel): string[] | undefined {
  const result = childByField(fn, 'result');
  if (!result) return [];
  const typeParams = typeParameterNames(fn, file);
  if (result.type !== 'parameter_list') {
    const z = zeroOf(result, file, model, typeParams, 0);
    return z === undefined ? undefined : [z];
  }
  const out: string[] = [];
  for (const p of result.children.filter((c) => c.type === 'parameter_declaration')) {
    const type = childByField(p, 'type');
    const z = type && zeroOf(type, file, model, typeParams, 0);
    if (z === undefined) return undefined;
    for (let i = 0; i < Math.max(1, childrenByField(p, 'name').length); i++) out.push(z);
  }
  return out;
}

function typeParameterNames(fn: SyntaxNode, file: SourceFile): Set<string> {
  const names = new Set<string>();
  const list = childByField(fn, 'type_parameters');
  for (const decl of list?.children ?? []) for (const n of childrenByField(decl, 'name')) names.add(nodeText(file, n));
  return names;
}

export function zeroOf(type: SyntaxNode, file: SourceFile, model: PackageModel, typeParams: ReadonlySet<string>, depth: number): string | undefined {
  const t = unparen(type);
  const text = nodeText(file, t);
  if (depth > 5) return undefined;
  if (NIL_KINDS.has(t.type)) return 'nil';
  if (t.type === 'struct_type' || t.type === 'array_type') return text.includes('\n') ? undefined : `${text}{}`;
  if (t.type === 'qualified_type') return KNOWN_IMPORTED[text];
  if (t.type !== 'type_identifier' || typeParams.has(text)) return undefined;
  const spec = typeSpecOf(model, text);
  if (spec) {
    const under = childByField(spec.node, 'type');
    if (!under || childByField(spec.node, 'type_parameters')) return undefined;
    // `type A B` with B a struct is still written `A{}`; a basic underlying type's literal converts itself.
    const z = zeroOf(under, spec.file, model, new Set(), depth + 1);
    return z === undefined ? undefined : z.endsWith('{}') ? `${text}{}` : z;
  }
  if (NUMERIC.has(text)) return '0';
  if (text === 'string') return '""';
  if (text === 'bool') return 'false';
  if (text === 'error' || text === 'any') return 'nil';
  return undefined;
}
