// describeMapAt on small real Go packages: guard counts over distinct places, locked helpers, the
// concurrent contexts that reach a map, what is not a map, and UTF-16 offsets.
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Parser } from 'web-tree-sitter';
import { createGoParser } from '../../server/src/parsing/goParser';
import { parseSourceFile } from '../../server/src/parsing/sourceFile';
import { describeMapAt, type SourceFile } from '../../server/src/analysis/index';

let parser: Parser;
before(async () => {
  parser = await createGoParser();
});

function pkg(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([p, text]) => parseSourceFile(parser, p, text));
}

/** UTF-16 offset of the `nth` occurrence of `needle`, plus `delta`. */
function offsetOf(text: string, needle: string, nth = 0, delta = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `occurrence ${i} of ${needle}`);
  }
  return at + delta;
}

const CACHE = `package cache

import "sync"

type Cache struct {
	mu   sync.Mutex
	data map[string]int
}

func (c *Cache) Put(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
	c.trimLocked()
}

func (c *Cache) Delete(k string) {
	c.mu.Lock()
	delete(c.data, k)
	c.trimLocked()
	c.mu.Unlock()
}

// trimLocked runs with c.mu held by every caller.
func (c *Cache) trimLocked() {
	for len(c.data) > 10 {
		for k := range c.data {
			delete(c.data, k)
			break
		}
	}
}
`;

// In another file of the package: the getter that forgot the lock.
const GET = `package cache

func (c *Cache) Get(k string) int {
	return c.data[k]
}
`;

test('a struct map field: guard held at every distinct place but the getter; a locked helper counts as guarded', () => {
  const files = pkg({ '/p/cache.go': CACHE, '/p/get.go': GET });
  const d = describeMapAt(files, '/p/get.go', offsetOf(GET, 'data'));
  assert.ok(d);
  assert.equal(d.name, 'c.data');
  assert.equal(d.kind, 'field');
  assert.deepEqual(d.range, { start: { line: 3, character: 8 }, end: { line: 3, character: 14 } });
  // Declared in the other file, at the field name.
  assert.equal(d.declaration.name, 'Cache.data');
  assert.equal(d.declaration.file, '/p/cache.go');
  assert.equal(d.declaration.where, 'cache.go:7');
  assert.deepEqual(d.declaration.range.start, { line: 6, character: 1 });
  // Put, Delete, three in trimLocked (under its callers' lock, each seen twice) and Get.
  assert.equal(d.places, 6);
  assert.deepEqual(d.guard, { mutex: 'c.mu', guarded: 5 });
  // Cache holds a mutex, so its exported methods are the concurrent contexts.
  assert.deepEqual(
    d.contexts.map((c) => c.replace(/ \(.*\)$/, '')),
    ['method Cache.Put', 'method Cache.Delete', 'method Cache.Get'],
  );
  assert.match(d.contexts[0], /Cache holds a mutex/);

  // The same map from any of its places, and from its declaration.
  const fromHelper = describeMapAt(files, '/p/cache.go', offsetOf(CACHE, 'c.data', 3, 2));
  assert.equal(fromHelper?.name, 'c.data');
  assert.equal(fromHelper?.range.start.line, 26);
  assert.deepEqual(fromHelper?.guard, d.guard);
  const fromDecl = describeMapAt(files, '/p/cache.go', offsetOf(CACHE, 'data map'));
  assert.equal(fromDecl?.name, 'data');
  assert.equal(fromDecl?.places, 6);
  assert.deepEqual(fromDecl?.guard, d.guard);
});

test('a helper that one caller runs without the lock is not guarded there', () => {
  const unlockedCaller = `${GET}
func (c *Cache) Trim() {
	c.trimLocked()
}
`;
  const files = pkg({ '/p/cache.go': CACHE, '/p/get.go': unlockedCaller });
  const d = describeMapAt(files, '/p/get.go', offsetOf(unlockedCaller, 'data'));
  assert.equal(d?.places, 6);
  // trimLocked's three places now have an instance without c.mu: only Put and Delete stay guarded.
  assert.deepEqual(d?.guard, { mutex: 'c.mu', guarded: 2 });
  assert.ok(d?.contexts.some((c) => c.startsWith('method Cache.Trim ')), JSON.stringify(d?.contexts));
});

const SERVER = `package main

import "net/http"

var hits = map[string]int{}

func count(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++
}

func main() {
	go func() {
		hits["boot"] = 1
	}()
	http.HandleFunc("/", count)
	_ = http.ListenAndServe(":8080", nil)
}
`;

test('a package-level map: the goroutine and the HTTP handler that reach it, no guard', () => {
  const files = pkg({ '/srv/main.go': SERVER });
  const d = describeMapAt(files, '/srv/main.go', offsetOf(SERVER, 'hits[r'));
  assert.ok(d);
  assert.equal(d.name, 'hits');
  assert.equal(d.kind, 'package variable');
  assert.equal(d.declaration.where, 'main.go:5');
  assert.equal(d.places, 2);
  assert.equal(d.guard, undefined);
  assert.deepEqual(d.contexts.sort(), ['the HTTP handler registered at main.go:15', 'the goroutine started at main.go:12']);
});

test('a package-level map under a package-level mutex, with its locked helper', () => {
  const src = `package jobs

import "sync"

var (
	mu    sync.Mutex
	state = map[string]string{}
)

func setLocked(id, s string) {
	state[id] = s
}

func start(id string, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	setLocked(id, "running")
	mu.Unlock()
}

func Run(ids []string) int {
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go start(id, &wg)
	}
	wg.Wait()
	return len(state)
}
`;
  const d = describeMapAt(pkg({ '/j/jobs.go': src }), '/j/jobs.go', offsetOf(src, 'state[id]'));
  assert.equal(d?.places, 2);
  assert.deepEqual(d?.guard, { mutex: 'mu', guarded: 1 });
  assert.deepEqual(d?.contexts, ['the goroutine started at jobs.go:25']);
});

test('not on a map: keys, other values, the operand of a field selector, blank space, bad offsets', () => {
  const files = pkg({ '/srv/main.go': SERVER, '/p/cache.go': CACHE, '/p/get.go': GET });
  const none = (file: string, offset: number) => assert.equal(describeMapAt(files, file, offset), undefined, `${file}@${offset}`);
  none('/srv/main.go', offsetOf(SERVER, 'r.URL.Path]'));
  none('/srv/main.go', offsetOf(SERVER, '"boot"'));
  none('/srv/main.go', offsetOf(SERVER, 'count)'));
  none('/srv/main.go', offsetOf(SERVER, 'package'));
  none('/srv/main.go', offsetOf(SERVER, '\n\nfunc main'));
  none('/p/get.go', offsetOf(GET, 'c.data'));
  none('/p/cache.go', offsetOf(CACHE, 'mu   sync'));
  none('/srv/main.go', -1);
  none('/srv/main.go', SERVER.length + 10);
  none('/srv/main.go', Number.NaN);
  none('/nowhere.go', 0);
  // The end of the expression is not in it: `[` after `hits` is the index.
  none('/srv/main.go', offsetOf(SERVER, '["boot"]'));
});

test('a local map: CJK and emoji before it, so the offset and range count UTF-16 code units', () => {
  const src = `package main

func main() {
	m := map[string]int{}
	done := make(chan bool)
	go func() { /* 地図 😀 */ m["a"] = 1; done <- true }()
	/* 読み 🗺️ */ _ = m["b"]
	<-done
}
`;
  const files = pkg({ '/l/main.go': src });
  const lineOf = (needle: string) => src.split('\n').findIndex((l) => l.includes(needle));
  const line = src.split('\n')[lineOf('m["b"]')];
  const d = describeMapAt(files, '/l/main.go', offsetOf(src, 'm["b"]'));
  assert.ok(d);
  assert.equal(d.name, 'm');
  assert.equal(d.kind, 'local variable');
  assert.deepEqual(d.range, {
    start: { line: lineOf('m["b"]'), character: line.indexOf('m["b"]') },
    end: { line: lineOf('m["b"]'), character: line.indexOf('m["b"]') + 1 },
  });
  // UTF-8 would put it 8 bytes further right; UTF-16 is what JS strings and LSP count.
  assert.equal(Buffer.byteLength(line.slice(0, line.indexOf('m["b"]'))) - line.indexOf('m["b"]'), 8);
  assert.equal(d.declaration.where, 'main.go:4');
  assert.equal(d.places, 2);
  assert.equal(d.guard, undefined);
  assert.deepEqual(d.contexts, ['the goroutine started at main.go:6']);
  const inGoroutine = describeMapAt(files, '/l/main.go', offsetOf(src, 'm["a"]'));
  assert.equal(inGoroutine?.range.start.character, src.split('\n')[5].indexOf('m["a"]'));
  assert.equal(inGoroutine?.declaration.where, 'main.go:4');
});
