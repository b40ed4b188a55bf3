// The server's cache of parsed files on disk: fresh after a change, bounded in size, one directory per package.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createGoParser } from '../../server/src/parsing/goParser';
import { DiskFiles, goFilesIn } from '../../server/src/workspace/diskFiles';

test('parsed disk files are reused, re-read after a change, and evicted least recently used first', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-disk-'));
  const a = path.join(dir, 'a.go');
  const b = path.join(dir, 'b.go');
  fs.writeFileSync(a, 'package p\n\nvar a = 1\n');
  fs.writeFileSync(b, 'package p\n\nvar b = 2\n');
  fs.writeFileSync(path.join(dir, '_skip.go'), 'package p\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not go');
  assert.deepEqual(goFilesIn(dir), [a, b]);

  const parser = await createGoParser();
  const disk = new DiskFiles(parser, 40); // room for one of these files only
  const first = disk.get(a)!;
  assert.equal(first.root.type, 'source_file');
  assert.equal(disk.get(a), first, 'unchanged file: the cached tree');
  fs.writeFileSync(a, 'package p\n\nvar a = 12345\n');
  const second = disk.get(a)!;
  assert.notEqual(second, first);
  assert.match(second.text, /12345/);
  disk.get(b);
  assert.equal(disk.has(a), false, 'a was evicted to stay within the limit');
  assert.equal(disk.has(b), true);
  disk.invalidate(b);
  assert.equal(disk.has(b), false);
  fs.rmSync(b);
  assert.equal(disk.get(b), undefined, 'a deleted file has no tree');
  parser.delete();
});

test('files of a pinned directory (a package being edited) stay cached beyond the limit', async () => {
  const edited = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-pin-'));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'maprace-pin-'));
  const a = path.join(edited, 'a.go');
  const b = path.join(other, 'b.go');
  fs.writeFileSync(a, 'package p\n\nvar a = 1\n');
  fs.writeFileSync(b, 'package q\n\nvar b = 2\n');
  const parser = await createGoParser();
  const disk = new DiskFiles(parser, 40); // room for one of these files only
  disk.pin(edited);
  const kept = disk.get(a)!;
  disk.get(b);
  assert.equal(disk.get(a), kept, 'the pinned file was not evicted for another');
  disk.unpin(edited);
  disk.get(b);
  disk.get(path.join(other, 'missing.go'));
  fs.writeFileSync(path.join(other, 'c.go'), 'package q\n\nvar c = 3\n');
  disk.get(path.join(other, 'c.go'));
  assert.equal(disk.has(a), false, 'unpinned, it is evicted like any other');
  parser.delete();
});
