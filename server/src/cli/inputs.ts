// Turns CLI paths (files, directories, `dir/...` patterns) into per-package jobs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { groupByPackage, listGoFiles } from '../project/goFiles';
import { describeFsError } from '../project/sourceText';

export class InputError extends Error {}

/** One Go package (a directory): every file is analysed, only `report` files are printed ('all' for all). */
export interface PackageJob {
  dir: string;
  files: string[];
  report: 'all' | Set<string>;
}

function isGoSource(name: string): boolean {
  return name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');
}

/** The .go files directly in `dir` (not below it): the package a single named file belongs to. */
function packageFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && isGoSource(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** `./...`, `dir/...` and `...` mean the directory, recursively, as for the go tool. */
function stripPattern(p: string): string {
  if (p === '...') return '.';
  if (p.endsWith('/...')) return p.slice(0, -4) || '/';
  return p;
}

export function resolveInputs(paths: readonly string[]): PackageJob[] {
  const jobs = new Map<string, PackageJob>();
  const jobFor = (dir: string): PackageJob => {
    const key = path.resolve(dir);
    let job = jobs.get(key);
    if (!job) jobs.set(key, (job = { dir, files: [], report: new Set() }));
    return job;
  };
  const addFiles = (job: PackageJob, files: string[]) => {
    const known = new Set(job.files.map((f) => path.resolve(f)));
    for (const f of files) {
      // A named file is also one of its directory's files: analysed twice, every place would count double.
      if (known.has(path.resolve(f))) continue;
      known.add(path.resolve(f));
      job.files.push(f);
    }
  };

  for (const given of paths) {
    const p = stripPattern(given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (err) {
      throw new InputError(`${given}: ${describeFsError(err)}`);
    }
    if (stat.isDirectory()) {
      for (const [dir, files] of groupByPackage(listGoFiles(p))) {
        const job = jobFor(dir);
        addFiles(job, files);
        job.report = 'all';
      }
    } else if (stat.isFile()) {
      if (!p.endsWith('.go')) throw new InputError(`${given}: not a Go file`);
      const file = path.normalize(p);
      const dir = path.dirname(file);
      let siblings: string[];
      try {
        siblings = packageFiles(dir);
      } catch (err) {
        throw new InputError(`${dir}: ${describeFsError(err)}`);
      }
      const job = jobFor(dir);
      addFiles(job, [file, ...siblings]);
      const match = job.files.find((f) => path.resolve(f) === path.resolve(file))!;
      if (job.report !== 'all') job.report.add(match);
    } else {
      throw new InputError(`${given}: not a file or directory`);
    }
  }
  return [...jobs.values()];
}
