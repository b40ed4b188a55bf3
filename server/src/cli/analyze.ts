// Parses each file once with one parser and analyses one package at a time, so memory stays per package.
import * as path from 'node:path';
import { analyzePackage } from '../analysis/index';
import type { Finding, SeverityOverride, SourceFile } from '../analysis/index';
import { createGoParser } from '../parsing/goParser';
import { parseSourceFile } from '../parsing/sourceFile';
import { readSource, type PackageJob } from './inputs';
import { goVersionFor } from '../project/goMod';

export interface ScanResult {
  findings: Finding[];
  files: number;
  /** Packages whose analysis threw: reported, and the run exits 2. */
  internalErrors: string[];
}

export async function scan(jobs: readonly PackageJob[], severities: Record<string, SeverityOverride>): Promise<ScanResult> {
  const parser = await createGoParser();
  const result: ScanResult = { findings: [], files: 0, internalErrors: [] };
  try {
    for (const job of jobs) {
      const sources: SourceFile[] = job.files.map((f) => parseSourceFile(parser, f, readSource(f)));
      result.files += job.report === 'all' ? sources.length : job.report.size;
      let findings: Finding[];
      try {
        findings = analyzePackage(sources, { severities, goVersion: goVersionFor(job.dir) });
      } catch (err) {
        result.internalErrors.push(`${job.dir}: ${(err as Error).stack ?? String(err)}`);
        continue;
      }
      const report = job.report;
      if (report !== 'all') {
        const wanted = new Set([...report].map((f) => path.resolve(f)));
        findings = findings.filter((f) => wanted.has(path.resolve(f.file)));
      }
      result.findings.push(...findings);
    }
  } finally {
    parser.delete();
  }
  return result;
}
