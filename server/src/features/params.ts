// Checks the shape of what a client sends before any handler trusts it: a malformed request is answered
// with InvalidParams naming the bad field, never with a TypeError deep in a feature.
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver/node';

export class InvalidParams extends ResponseError<void> {
  constructor(message: string) {
    super(ErrorCodes.InvalidParams, `maprace: ${message}`);
  }
}

type Obj = Record<string, unknown>;

function object(v: unknown, at: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InvalidParams(`${at} must be an object`);
  return v as Obj;
}

function string(v: unknown, at: string): string {
  if (typeof v !== 'string') throw new InvalidParams(`${at} must be a string`);
  return v;
}

function optionalString(v: unknown, at: string): string | undefined {
  return v === undefined || v === null ? undefined : string(v, at);
}

function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new InvalidParams(`${at} must be an array`);
  return v;
}

/** LSP's uinteger: 0 to 2^31 - 1. Past the end of a line or of the text is fine (LSP clamps); negative is not. */
function uinteger(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
    throw new InvalidParams(`${at} must be an integer from 0 to 2^31-1, got ${JSON.stringify(v)}`);
  }
  return v;
}

function integer(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new InvalidParams(`${at} must be an integer, got ${JSON.stringify(v)}`);
  return v;
}

export function position(v: unknown, at: string): Position {
  const o = object(v, at);
  return { line: uinteger(o.line, `${at}.line`), character: uinteger(o.character, `${at}.character`) };
}

export function range(v: unknown, at: string): Range {
  const o = object(v, at);
  return { start: position(o.start, `${at}.start`), end: position(o.end, `${at}.end`) };
}

function textDocument(params: Obj, at = 'params.textDocument'): Obj & { uri: string } {
  const td = object(params.textDocument, at);
  return { ...td, uri: string(td.uri, `${at}.uri`) };
}

/** textDocument/diagnostic */
export function documentDiagnosticParams(p: unknown) {
  const o = object(p, 'params');
  return { uri: textDocument(o).uri, previousResultId: optionalString(o.previousResultId, 'params.previousResultId') };
}

/** workspace/diagnostic */
export function workspaceDiagnosticParams(p: unknown) {
  const o = object(p, 'params');
  const ids = array(o.previousResultIds, 'params.previousResultIds').map((x, i) => {
    const e = object(x, `params.previousResultIds[${i}]`);
    return { uri: string(e.uri, `params.previousResultIds[${i}].uri`), value: string(e.value, `params.previousResultIds[${i}].value`) };
  });
  return { previousResultIds: ids };
}

/** textDocument/hover */
export function hoverParams(p: unknown) {
  const o = object(p, 'params');
  return { textDocument: { uri: textDocument(o).uri }, position: position(o.position, 'params.position') };
}

/** textDocument/codeAction: the diagnostics are echoed back from ours, but a client may send anything. */
export function codeActionParams<D>(p: unknown) {
  const o = object(p, 'params');
  const context = object(o.context, 'params.context');
  const diagnostics = array(context.diagnostics, 'params.context.diagnostics').map((d, i) => {
    const at = `params.context.diagnostics[${i}]`;
    const diagnostic = object(d, at);
    range(diagnostic.range, `${at}.range`);
    string(diagnostic.message, `${at}.message`);
    return diagnostic as D;
  });
  const only = context.only === undefined || context.only === null
    ? undefined
    : array(context.only, 'params.context.only').map((k, i) => string(k, `params.context.only[${i}]`));
  return {
    textDocument: { uri: textDocument(o).uri },
    range: range(o.range, 'params.range'),
    context: { diagnostics, ...(only ? { only } : {}) },
  };
}

/** textDocument/didOpen */
export function didOpenParams(p: unknown) {
  const td = textDocument(object(p, 'params'));
  return {
    uri: td.uri,
    languageId: string(td.languageId, 'params.textDocument.languageId'),
    version: integer(td.version, 'params.textDocument.version'),
    text: string(td.text, 'params.textDocument.text'),
  };
}

/** textDocument/didChange: every change is checked before any is applied, so a bad one changes nothing. */
export function didChangeParams(p: unknown) {
  const o = object(p, 'params');
  const td = textDocument(o);
  const contentChanges = array(o.contentChanges, 'params.contentChanges').map((c, i) => {
    const at = `params.contentChanges[${i}]`;
    const change = object(c, at);
    const text = string(change.text, `${at}.text`);
    return change.range === undefined ? { text } : { range: range(change.range, `${at}.range`), text };
  });
  return { uri: td.uri, version: integer(td.version, 'params.textDocument.version'), contentChanges };
}

/** textDocument/didClose */
export function didCloseParams(p: unknown) {
  return { uri: textDocument(object(p, 'params')).uri };
}

/** workspace/didChangeWatchedFiles */
export function didChangeWatchedFilesParams(p: unknown) {
  const o = object(p, 'params');
  return array(o.changes, 'params.changes').map((c, i) => {
    const change = object(c, `params.changes[${i}]`);
    return { uri: string(change.uri, `params.changes[${i}].uri`), type: integer(change.type, `params.changes[${i}].type`) };
  });
}
