// A new mutex field for a struct whose map field races: its name, and where it goes. It opens the
// section of fields it guards (the Go convention: the mutex above what it guards, then a blank line),
// which leaves gofmt's alignment of every other field as it was.
import { walk, nodeText, type SourceFile, type SyntaxNode } from '../syntax';
import type { TextEdit } from '../types';
import type { FieldInfo, PackageModel } from '../model/packageModel';
import { eolOf, lineIndent } from './layout';
import { freshName } from './freshNames';

/**
 * `mu`, or `dataMu` when the struct has several maps. It must name nothing else selectable in the
 * package (a field, a method, an embedded type), so that `c.mu` can neither clash with nor be shadowed
 * by a name of a struct that embeds this one or that this one embeds.
 */
export function mutexFieldName(model: PackageModel, field: FieldInfo): string {
  const taken = new Set<string>();
  for (const file of model.files) {
    walk(file.root, (n) => {
      if (n.type === 'field_identifier' || n.type === 'type_identifier') taken.add(nodeText(file, n));
    });
  }
  const maps = [...field.owner.fields.values()].filter((f) => f.decl.isMap).length;
  const candidates = maps === 1 ? ['mu', `${field.name}Mu`] : [`${field.name}Mu`];
  return freshName(candidates, taken);
}

/** `mu sync.Mutex` and a blank line at the top of the map field's section, or why it cannot go there. */
export function declareMutexField(field: FieldInfo, name: string): TextEdit | { reason: string } {
  const file: SourceFile = field.decl.file;
  const decl = field.decl.node.parent;
  const list = decl?.parent;
  // The list starts with its `{` (the copy has no punctuation nodes).
  const brace = list?.type === 'field_declaration_list' ? list : undefined;
  if (!decl || decl.type !== 'field_declaration' || !list || !brace) return { reason: `the declaration of ${field.owner.name}.${field.name} could not be read` };
  const firstField = list.children.find((c: SyntaxNode) => c.named && c.type !== 'comment');
  if (decl.startPoint.row === brace.startPoint.row || (firstField && firstField.startPoint.row === brace.startPoint.row)) {
    return { reason: `${field.owner.name} is declared on one line; split its fields into lines first` };
  }
  const lines = file.text.split('\n');
  let row = decl.startPoint.row;
  while (row - 1 > brace.startPoint.row && lines[row - 1].trim() !== '') row--;
  const eol = eolOf(file.text);
  const at = { line: row, character: 0 };
  return { file: file.path, range: { start: at, end: at }, newText: `${lineIndent(file, decl)}${name} sync.Mutex${eol}${eol}` };
}
