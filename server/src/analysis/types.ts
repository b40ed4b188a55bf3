// What the analysis reports: plain data shared by the CLI and the language server.

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Location {
  file: string;
  range: Range;
}

export interface RelatedInfo extends Location {
  message: string;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  preferred: boolean;
  /**
   * Safe to apply unreviewed (on save, with `source.fixAll.maprace`): set by the producer only when the
   * edits cannot change behaviour beyond removing the race. Absent means: review it first.
   */
  safe?: boolean;
  edits: TextEdit[];
}

export interface Finding {
  file: string;
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related: RelatedInfo[];
  fixes: Fix[];
}
