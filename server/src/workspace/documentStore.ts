// The open documents: one incrementally reparsed DocumentTree each, and its SourceFile on demand.
import * as path from 'node:path';
import type { Parser } from '../parsing/goParser';
import type { SourceFile } from '../analysis/syntax';
import { DocumentTree, type TextChange } from '../parsing/documentTree';
import { toSyntax } from '../parsing/toSyntax';
import { uriToPath } from './uris';

export interface OpenDocument {
  uri: string;
  path: string;
  version: number;
  tree: DocumentTree;
  /** Rebuilt lazily after each change: toSyntax walks the whole tree. */
  source?: SourceFile;
}

export class DocumentStore {
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly byPath = new Map<string, OpenDocument>();

  constructor(private readonly parser: Parser) {}

  open(uri: string, version: number, text: string): OpenDocument | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    this.close(uri);
    const doc: OpenDocument = { uri, path: file, version, tree: new DocumentTree(this.parser, text) };
    this.byUri.set(uri, doc);
    this.byPath.set(file, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly TextChange[]): OpenDocument | undefined {
    const doc = this.byUri.get(uri);
    if (!doc) return undefined;
    doc.tree.applyChanges(changes);
    doc.version = version;
    doc.source = undefined;
    return doc;
  }

  close(uri: string): OpenDocument | undefined {
    const doc = this.byUri.get(uri);
    if (!doc) return undefined;
    doc.tree.delete();
    this.byUri.delete(uri);
    if (this.byPath.get(doc.path) === doc) this.byPath.delete(doc.path);
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.byUri.get(uri);
  }

  atPath(file: string): OpenDocument | undefined {
    return this.byPath.get(file);
  }

  sourceFile(doc: OpenDocument): SourceFile {
    doc.source ??= { path: doc.path, text: doc.tree.text, root: toSyntax(doc.tree.tree, doc.tree.text) };
    return doc.source;
  }

  /** Open Go documents whose directory is `dir`. */
  inDirectory(dir: string): OpenDocument[] {
    return [...this.byPath.values()].filter((d) => path.dirname(d.path) === dir && d.path.endsWith('.go'));
  }

  all(): OpenDocument[] {
    return [...this.byUri.values()];
  }
}
