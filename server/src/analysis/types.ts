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
  /**
   * Why the fix cannot be made safely here (a lock that would deadlock, a struct that is copied by value):
   * shown to the user as a disabled action with this reason. A disabled fix has no edits, is never
   * preferred and is never applied.
   */
  disabled?: string;
  edits: TextEdit[];
}

/** A fix that can be applied: not disabled, and with edits. */
export function applicable(fix: Fix): boolean {
  return !fix.disabled && fix.edits.length > 0;
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
