// Quick fix "Suppress `<rule>` on this line": a `//maprace:ignore <rule> <reason>` directive that
// suppression.ts honours, placed so the file stays gofmt-clean. gofmt aligns neighbouring lines in columns
// (struct fields, keyed elements, spec groups, trailing comments), and a comment line between two of them
// splits the column: there the directive goes at the end of the line instead, or is not offered.
import { parseDirectives } from '../suppression';
import type { SourceFile, SyntaxNode } from '../syntax';
import { lineStarts } from '../textEdits';
import type { Fix } from '../types';
import { eolOf } from './layout';

export const REASON_PLACEHOLDER = 'TODO: explain why this is safe';

/** A suppression that cannot be written without breaking the code or its formatting, and why. */
export interface Unavailable {
  title: string;
  disabled: string;
}

/** Lists whose consecutive elements gofmt lines up in columns. */
const ALIGNED_LISTS = new Set([
  'field_declaration_list',
  'literal_value',
  'var_declaration',
  'const_declaration',
  'type_declaration',
  'import_spec_list',
  'parameter_list',
]);

/** Tokens that can span lines: a line starting or ending inside one cannot take a comment there. */
const MULTILINE_TOKENS = new Set(['raw_string_literal', 'comment', 'interpreted_string_literal']);

export function suppressTitle(rule: string): string {
  return `Suppress \`${rule}\` on this line`;
}

export function suppressWithComment(file: SourceFile, rule: string, line: number): Fix | Unavailable {
  const title = suppressTitle(rule);
  const text = new Lines(file.text);
  if (line < 0 || line >= text.count) return { title, disabled: `line ${line + 1} is not in the file` };
  const edit = (at: number, character: number, newText: string): Fix => ({
    title,
    preferred: false,
    edits: [{ file: file.path, range: { start: { line: at, character }, end: { line: at, character } }, newText }],
  });

  // A directive for other rules already covers this line: name this rule in it too.
  const tree = new LineFacts(file);
  const ours = (row: number) => parseDirectives(text.at(row)).find((d) => d.kind === 'maprace:ignore' && tree.inComment(row, d.start));
  const own = ours(line);
  if (own) return edit(line, own.rulesEnd, `,${rule}`);
  const above = line > 0 ? ours(line - 1) : undefined;
  if (above && text.at(line - 1).slice(0, above.start).trim() === '') return edit(line - 1, above.rulesEnd, `,${rule}`);

  if (tree.continuesToken(line - 1)) {
    return { title, disabled: `line ${line + 1} starts inside a multi-line string or comment` };
  }
  const directive = `//maprace:ignore ${rule} ${REASON_PLACEHOLDER}`;
  const source = text.at(line);
  const indent = /^[ \t]*/.exec(source)![0];
  const previous = text.at(line - 1).trim();
  // gofmt re-indents a comment before `}` or a label, and puts a blank line between a top-level
  // declaration and the next one's comment.
  const ownLineMoves =
    /^[)\]}]/.test(source.slice(indent.length)) ||
    tree.isLabel(line) ||
    (indent === '' && previous !== '' && !previous.startsWith('//'));
  const alignedWithAbove =
    tree.sameAlignedList(line - 1, line) || (tree.trailingComment(line - 1) !== undefined && tree.trailingComment(line) !== undefined);

  if (!ownLineMoves && !alignedWithAbove) {
    // A top-level doc comment keeps its directives after a `//` line (gofmt moves them there).
    const separator = indent === '' && text.docCommentTextAbove(line) ? `//${text.eol}` : '';
    return edit(line, 0, `${separator}${indent}${directive}${text.eol}`);
  }

  // At the end of the line: after its own `//` comment (the comment's column does not move), or as a new one.
  const end = source.length;
  const trailing = tree.trailingComment(line);
  if (trailing && trailing.type === 'comment' && source.slice(trailing.startPoint.column).startsWith('//')) {
    return edit(line, end, ` ${directive}`);
  }
  if (trailing) return { title, disabled: `line ${line + 1} ends in a block comment` };
  if (tree.continuesToken(line)) return { title, disabled: `line ${line + 1} ends inside a multi-line string` };
  if (tree.trailingComment(line - 1) || tree.trailingComment(line + 1)) {
    return { title, disabled: `a comment on line ${line + 1} would move the aligned comments next to it (gofmt)` };
  }
  if (!tree.sameColumnsAsNeighbours(line)) {
    return { title, disabled: `a comment on line ${line + 1} would change gofmt's alignment of the lines around it` };
  }
  return edit(line, end, ` ${directive}`);
}

/** The file's lines without their line endings, and the ending new lines should use. */
class Lines {
  private readonly starts: number[];
  readonly eol: string;

  constructor(private readonly text: string) {
    this.starts = lineStarts(text);
    this.eol = eolOf(text);
  }

  get count(): number {
    return this.starts.length;
  }

  at(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(this.starts[line], end).replace(/\r?\n$|\r$/, '');
  }

  /** The unindented `//` comment block right above `line` holds text, and no directive yet. */
  docCommentTextAbove(line: number): boolean {
    let text = false;
    for (let l = line - 1; l >= 0 && this.at(l).startsWith('//'); l--) {
      const body = this.at(l).slice(2);
      if (isGoDirective(body)) return false;
      if (body.trim() !== '') text = true;
    }
    return text;
  }
}

/** `//go:build`, `//line ...`: what gofmt keeps apart from a doc comment's text (go/printer isDirective). */
function isGoDirective(body: string): boolean {
  if (/^(line|extern|export) /.test(body)) return true;
  return /^[a-z0-9]+:[a-z0-9]/.test(body);
}

/** What the syntax tree says about lines: tokens crossing line ends, trailing comments, aligned lists. */
class LineFacts {
  /** Rows whose line break lies inside a token. */
  private readonly crossing = new Set<number>();
  /** The comment after code on a row. */
  private readonly trailing = new Map<number, SyntaxNode>();
  /** The outermost node that starts at a row's first token. */
  private readonly lead = new Map<number, SyntaxNode>();
  private readonly comments: SyntaxNode[] = [];

  constructor(file: SourceFile) {
    const lastCode = new Map<number, number>();
    const visit = (n: SyntaxNode) => {
      if (MULTILINE_TOKENS.has(n.type)) {
        for (let r = n.startPoint.row; r < n.endPoint.row; r++) this.crossing.add(r);
      }
      if (n.children.length === 0 || MULTILINE_TOKENS.has(n.type)) {
        const row = n.startPoint.row;
        if (n.type === 'comment') {
          this.comments.push(n);
          if (lastCode.has(row) && !this.trailing.has(row)) this.trailing.set(row, n);
        } else if (n.start < n.end) {
          if (!lastCode.has(row)) this.lead.set(row, outermostStartingAt(n));
          lastCode.set(row, n.end);
        }
        return;
      }
      for (const c of n.children) visit(c);
    };
    visit(file.root);
  }

  /** Is (row, column) inside a comment (not, say, a string that happens to hold `//maprace:ignore`)? */
  inComment(row: number, column: number): boolean {
    return this.comments.some((c) => {
      const afterStart = row > c.startPoint.row || (row === c.startPoint.row && column >= c.startPoint.column);
      const beforeEnd = row < c.endPoint.row || (row === c.endPoint.row && column < c.endPoint.column);
      return afterStart && beforeEnd;
    });
  }

  continuesToken(row: number): boolean {
    return this.crossing.has(row);
  }

  trailingComment(row: number): SyntaxNode | undefined {
    return this.trailing.get(row);
  }

  /** `row`'s leading element follows, in a list gofmt aligns, an element that ends on `prevRow`. */
  sameAlignedList(prevRow: number, row: number): boolean {
    const elem = this.lead.get(row);
    const list = elem?.parent;
    if (!elem || !list || !ALIGNED_LISTS.has(list.type)) return false;
    const i = list.children.indexOf(elem);
    const prev = list.children.slice(0, i).reverse().find((c) => c.named && c.type !== 'comment');
    return !!prev && prev.endPoint.row === prevRow;
  }

  isLabel(row: number): boolean {
    return this.lead.get(row)?.type === 'labeled_statement';
  }

  /**
   * A comment after `row` ends its last cell, which then lines up with the same column of a neighbour
   * that has more cells: safe when no line next to it has more cells than it.
   */
  sameColumnsAsNeighbours(row: number): boolean {
    const own = this.cells(row);
    return [row - 1, row + 1].every((r) => {
      const theirs = this.cells(r);
      if (typeof own === 'string' || typeof theirs === 'string') return own === theirs || theirs === 1;
      return theirs <= own;
    });
  }

  /** How many cells gofmt aligns the line in; a spec's shape, as its type column depends on the group. */
  private cells(row: number): number | string {
    const elem = this.lead.get(row);
    if (!elem || !elem.named || elem.endPoint.row !== row) return 1;
    const has = (field: string) => elem.children.some((c) => c.field === field);
    switch (elem.type) {
      case 'field_declaration':
        return (has('name') ? 1 : 0) + 1 + (has('tag') ? 1 : 0);
      case 'parameter_declaration':
      case 'variadic_parameter_declaration':
      case 'import_spec':
        return (has('name') ? 1 : 0) + 1;
      case 'keyed_element':
      case 'type_spec':
      case 'type_alias':
      case 'function_declaration':
      case 'method_declaration':
        return 2;
      case 'var_spec':
      case 'const_spec':
        return shape(elem);
      default:
        return 1;
    }
  }
}

function outermostStartingAt(leaf: SyntaxNode): SyntaxNode {
  let n = leaf;
  while (n.parent && n.parent.start === leaf.start && n.parent.type !== 'source_file') n = n.parent;
  return n;
}

/** The columns gofmt gives an element: which of its fields are present. */
function shape(n: SyntaxNode): string {
  const parts = n.children.map((c) => c.field ?? (c.named && c.type !== 'comment' ? c.type : '')).filter(Boolean);
  return `${n.type}:${[...new Set(parts)].join(',')}`;
}

export function isUnavailable(x: Fix | Unavailable): x is Unavailable {
  return 'disabled' in x;
}
