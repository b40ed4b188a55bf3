// Typing right after the first document opens was slow: the first edits cost 25-40 ms instead of 8. The
// first incremental copy of a syntax tree, the first kept parameter of a summary and the first moved
// declaration write fields that V8 had seen written only once (in constructors, in object literals);
// its optimized code that counted on that was thrown away at once, dozens of functions, and compiled
// again while the next edits ran slower. So once per process, as the first document opens and before it
// is analysed, a built-in Go file goes through the same path: opened, analysed, and edited a space at a
// time in bodies, signatures, types, variables and comments, each edit analysed as the server would.
// The fields are then written before the server's code is optimized, and the incremental path has its
// type feedback. It runs on instances of its own (a store, packages, a session): no diagnostics are sent,
// the server's documents, packages and indexing never hear of it, and its tree is deleted.
// MAPRACE_NO_WARMUP=1 turns it off.
import * as path from 'node:path';
import type { Parser } from '../parsing/goParser';
import { lineStarts, pointAt } from '../analysis/textEdits';
import { DiskFiles } from '../workspace/diskFiles';
import { DocumentStore } from '../workspace/documentStore';
import { Packages } from '../workspace/packages';
import { pathToUri } from '../workspace/uris';
import { toDiagnostic } from './convert';

/** A small package with what the rules look at: a guarded struct, a method without the lock, goroutines, a sync.Map. */
export const WARM_UP_SOURCE = `package warm

import (
	"net/http"
	"sync"
)

// Cache is read by handlers.
type Cache struct {
	mu    sync.Mutex
	data  map[string]int
	hits  map[string]int
	count int
}

var pool = sync.Pool{New: func() interface{} { return new(Cache) }}

var names sync.Map

var totals = map[string]int{}

func NewCache() *Cache {
	return &Cache{data: make(map[string]int), hits: map[string]int{}}
}

// Get reads without the lock.
func (c *Cache) Get(k string) int {
	c.hits[k]++
	return c.data[k]
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
	c.count++
}

func (c *Cache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	k := r.URL.Path
	if v, ok := names.Load(k); ok {
		names.Store(k, v.(int)+1)
	}
	c.Put(k, c.Get(k))
}

func run(keys []string) {
	var wg sync.WaitGroup
	c := NewCache()
	for _, k := range keys {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			totals[k]++
			c.Put(k, len(k))
		}(k)
	}
	wg.Wait()
	for k, v := range totals {
		_ = c.Get(k) + v
	}
}
`;

/**
 * Where a space is typed and deleted, as [text, offset in it]: a body, a parameter's type, a struct
 * field, a package-level variable, a comment, a closure, ... (each kind of edit writes other fields).
 */
const PLACES: readonly [string, number][] = [
  ['totals[k]++', 3],
  ['Get(k string) int', 8],
  ['hits  map', 2],
  ['var totals', 7],
  ['// Get reads', 5],
  ['c.Put(k, len(k))', 5],
  ['var pool', 6],
  ['c.mu.Lock()', 4],
  ['.Store(k', 3],
  ['type Cache', 2],
  ['wg.Wait()', 1],
  ['for k, v := range', 6],
];

/**
 * Twice over PLACES: 49 analyses, 110-150 ms at the first open (the first round, on cold code, is most of
 * it). Measured with net/http/h2_bundle.go (npm run bench): one round left more of the first edits slow;
 * three or four were no better than two, and sometimes got the warm-up's own code optimized, then thrown
 * away (and the open slower by 300 ms) when the real package was analysed.
 */
const ROUNDS = 2;

let done = false;

/**
 * Runs the warm-up once per process (unless MAPRACE_NO_WARMUP=1) and logs how long it took; later calls
 * return at once. Never throws: a failure costs only the time.
 */
export function warmUpOnce(parser: Parser, log: { info(message: string): void; error(message: string): void }): void {
  if (done) return;
  done = true;
  if (process.env.MAPRACE_NO_WARMUP === '1') return;
  const started = performance.now();
  try {
    const { analyses } = warmUp(parser);
    log.info(`maprace: warmed up (${analyses} analyses of a built-in file) in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    log.error(`maprace: warm-up failed (no harm done): ${(err as Error).stack ?? err}`);
  }
}

/** What a warm-up did, for tests. */
export interface WarmUpStats {
  analyses: number;
  /** Findings of the last analysis (the built-in file has races: the rules ran). */
  findings: number;
}

export function warmUp(parser: Parser): WarmUpStats {
  // Under this bundle's own path, which is a file: the directory cannot exist, so the package is the
  // built-in file alone and nothing is read from disk.
  const file = path.join(__filename, 'maprace-warm-up', 'warm.go');
  const dir = path.dirname(file);
  const uri = pathToUri(file);
  const docs = new DocumentStore(parser);
  const packages = new Packages(docs, new DiskFiles(parser), () => {});
  let text = WARM_UP_SOURCE;
  let version = 1;
  const stats: WarmUpStats = { analyses: 0, findings: 0 };
  const analyse = () => {
    packages.touch(file, true);
    packages.analyze(dir, file);
    const findings = packages.findingsOf(file);
    for (const f of findings) toDiagnostic(f, pathToUri, version);
    stats.analyses++;
    stats.findings = findings.length;
  };
  const replace = (at: number, removed: number, inserted: string) => {
    const starts = lineStarts(text);
    const start = pointAt(starts, at);
    const end = pointAt(starts, at + removed);
    const range = { start: { line: start.row, character: start.column }, end: { line: end.row, character: end.column } };
    docs.change(uri, ++version, [{ range, text: inserted }]);
    text = text.slice(0, at) + inserted + text.slice(at + removed);
    analyse();
  };
  try {
    docs.open(uri, version, text);
    analyse();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [needle, offset] of PLACES) {
        const found = text.indexOf(needle);
        if (found < 0) throw new Error(`maprace: the warm-up's file has no ${JSON.stringify(needle)}`);
        const at = found + offset;
        replace(at, 0, ' ');
        replace(at, 1, '');
      }
    }
  } finally {
    docs.close(uri);
  }
  return stats;
}
