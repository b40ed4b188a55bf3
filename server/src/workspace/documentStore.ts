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
  /**
   * One object for the document's life, updated in place after each change (lazily, when next asked
   * for): analysis caches keyed by it and by its untouched nodes stay valid across edits.
   */
  source?: SourceFile;
  /** `source` is behind the text. */
  stale: boolean;
}

export class DocumentStore {
  private readonly byUri = new Map<string, OpenDocument>();
  private readonly byPath = new Map<string, OpenDocument>();

  constructor(private readonly parser: Parser) {}

  open(uri: string, version: number, text: string): OpenDocument | undefined {
    const file = uriToPath(uri);
    if (!file) return undefined;
    this.close(uri);
    const doc: OpenDocument = { uri, path: file, version, tree: new DocumentTree(this.parser, text), stale: true };
    this.byUri.set(uri, doc);
    this.byPath.set(file, doc);
    return doc;
  }

  change(uri: string, version: number, changes: readonly TextChange[]): OpenDocument | undefined {
    const doc = this.byUri.get(uri);
    if (!doc) return undefined;
    doc.tree.applyChanges(changes);
    doc.version = version;
    doc.stale = true;
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
    if (doc.source && !doc.stale) return doc.source;
    const changes = doc.tree.takeChanges();
    const text = doc.tree.text;
    const previous = doc.source && !changes.reset ? { root: doc.source.root, edits: changes.edits, changed: changes.changed, lineStarts: doc.tree.lineStarts } : undefined;
    let root;
    try {
      root = toSyntax(doc.tree.tree, text, previous, { anchored: true });
    } catch (err) {
      // A copy that failed part-way (over a limit) may have moved nodes of the previous one: start afresh.
      doc.source = undefined;
      throw err;
    }
    if (doc.source) Object.assign(doc.source, { text, root });
    else doc.source = { path: doc.path, text, root };
    doc.stale = false;
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
