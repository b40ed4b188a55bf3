// Names a fix may introduce: not used anywhere in the function, so they shadow and capture nothing.
import { walk, nodeText, type SourceFile, type SyntaxNode } from '../syntax';

const KEYWORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
]);

const PREDECLARED = new Set([
  'any', 'append', 'bool', 'byte', 'cap', 'close', 'comparable', 'complex', 'complex64', 'complex128', 'copy', 'delete',
  'error', 'false', 'float32', 'float64', 'imag', 'int', 'int8', 'int16', 'int32', 'int64', 'iota', 'len', 'make', 'new',
  'nil', 'panic', 'print', 'println', 'real', 'recover', 'rune', 'string', 'true', 'uint', 'uint8', 'uint16', 'uint32',
  'uint64', 'uintptr', 'min', 'max', 'clear',
]);

/** Every identifier written in `scope` (variables, types, packages, labels). */
export function namesIn(scope: SyntaxNode, file: SourceFile): Set<string> {
  const names = new Set<string>();
  walk(scope, (n) => {
    if (n.type === 'identifier' || n.type === 'type_identifier' || n.type === 'package_identifier' || n.type === 'label_name') names.add(nodeText(file, n));
  });
  return names;
}

/** The first candidate that is free, or the last one numbered (`ok2`, `ok3`...). Adds the choice to `used`. */
export function freshName(candidates: readonly string[], used: Set<string>): string {
  const usable = (n: string) => /^[A-Za-z_]\w*$/.test(n) && !KEYWORDS.has(n) && !PREDECLARED.has(n) && !used.has(n);
  let name = candidates.find(usable);
  const base = candidates[candidates.length - 1]!;
  for (let i = 2; !name; i++) if (usable(`${base}${i}`)) name = `${base}${i}`;
  used.add(name);
  return name;
}

/** `users` → `user`, `entries` → `entry`: a name for one value of a map, when its name is a plural. */
export function singular(name: string): string | undefined {
  if (/[^aeiou]ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (name.length > 3 && /[^isu]s$/.test(name)) return name.slice(0, -1);
  return undefined;
}
