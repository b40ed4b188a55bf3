// The one place that loads web-tree-sitter and the Go grammar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Parser, Language } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';
import { checkSize, FileSkipped, PARSE_TIMEOUT_MS, duration } from './limits';

export type { Tree, Node as TreeNode, Edit, Point, Parser } from 'web-tree-sitter';

export const GRAMMAR_FILE = 'tree-sitter-go.wasm';
export const RUNTIME_FILE = 'tree-sitter.wasm';

export class GrammarLoadError extends Error {}

/** Finds grammars/ by walking up from the running bundle (dist/, out/test/ or src/). */
export function findGrammarDir(start: string = __dirname): string {
  const fromEnv = process.env.MAPRACE_GRAMMARS;
  if (fromEnv) return fromEnv;
  let dir = start;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'grammars');
    if (fs.existsSync(path.join(candidate, GRAMMAR_FILE))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.join(start, '..', 'grammars');
}

function readGrammarFile(dir: string, file: string): Uint8Array {
  const full = path.join(dir, file);
  try {
    return fs.readFileSync(full);
  } catch (err) {
    throw new GrammarLoadError(
      `maprace: cannot read ${full} (${(err as Error).message}). ` +
        `Run "npm run build" to copy the Go grammar into grammars/.`,
    );
  }
}

let runtimeReady: Promise<void> | undefined;
/** The emscripten module web-tree-sitter was initialised with: Parser.init fills in the object it is given. */
let binding: WasmBinding | undefined;

/** The raw wasm exports toSyntax calls directly, so a tree walk costs one call per fact, not a marshal each. */
export interface WasmBinding {
  HEAP32: Int32Array;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_current_node_is_missing_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_delete_wasm(tree: number): void;
  _ts_language_type_is_named_wasm(language: number, typeId: number): number;
}

export function wasmBinding(): WasmBinding {
  if (!binding) throw new Error('maprace: the tree-sitter runtime is not loaded');
  return binding;
}
let loaded: Promise<Language> | undefined;

/** Reads both wasm files from `grammarDir` and loads the grammar; no caching. */
export async function loadGoLanguageUncached(grammarDir: string): Promise<Language> {
  const runtime = readGrammarFile(grammarDir, RUNTIME_FILE);
  const grammar = readGrammarFile(grammarDir, GRAMMAR_FILE);
  try {
    if (!runtimeReady) {
      const moduleObject = { wasmBinary: runtime };
      runtimeReady = Parser.init(moduleObject as object).then(() => {
        binding = moduleObject as unknown as WasmBinding;
      });
    }
    await runtimeReady;
    return await Language.load(grammar);
  } catch (err) {
    runtimeReady = undefined;
    throw new GrammarLoadError(
      `maprace: cannot load the Go grammar from ${grammarDir}: ${(err as Error).message || String(err)}. ` +
        `web-tree-sitter must be 0.25.x (0.26+ cannot load tree-sitter-wasms' grammar).`,
    );
  }
}

/** Loads the tree-sitter runtime and the Go grammar once, from grammars/ only, as bytes. */
export function loadGoLanguage(grammarDir = findGrammarDir()): Promise<Language> {
  if (!loaded) {
    loaded = loadGoLanguageUncached(grammarDir);
    loaded.catch(() => (loaded = undefined));
  }
  return loaded;
}

/** A parser for Go; call delete() when done with it. */
export async function createGoParser(grammarDir?: string): Promise<Parser> {
  const language = await loadGoLanguage(grammarDir);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/** Trees from parseGo not yet given to deleteTree: wasm memory that no garbage collector reclaims. */
let liveTrees = 0;

/**
 * Parses `text` (reusing `oldTree` when it was edited to match). Throws FileSkipped when the text is over
 * MAX_FILE_BYTES, or when the parse runs past PARSE_TIMEOUT_MS and is cancelled.
 */
export function parseGo(parser: Parser, text: string, oldTree?: Tree | null): Tree {
  checkSize(text);
  const deadline = performance.now() + PARSE_TIMEOUT_MS;
  // tree-sitter asks every 100 parse operations; the runtime calls into JS for it whether we answer or not.
  const tree = parser.parse(text, oldTree ?? null, { progressCallback: () => performance.now() > deadline });
  if (!tree) {
    // A cancelled parse would otherwise resume, on the next document, where this one stopped.
    parser.reset();
    throw new FileSkipped(`too slow to parse (over ${duration(PARSE_TIMEOUT_MS)})`);
  }
  liveTrees++;
  return tree;
}

/** Frees a tree from parseGo (every tree must end here, or its wasm memory leaks). */
export function deleteTree(tree: Tree): void {
  tree.delete();
  liveTrees--;
}

export function liveTreeCount(): number {
  return liveTrees;
}

/** Bytes of the tree-sitter runtime's linear memory: it grows with live trees and never shrinks. */
export function wasmMemoryBytes(): number {
  return binding?.HEAP32.buffer.byteLength ?? 0;
}
