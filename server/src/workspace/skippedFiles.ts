// Files (and packages) the server leaves out because they are over a limit, with the reason: shown to the
// user as an information diagnostic on the open document, and logged once per new reason.
import * as path from 'node:path';

export class SkippedFiles {
  private readonly files = new Map<string, string>();
  /** Packages whose analysis ran over its time budget: every file of them is left without findings. */
  private readonly packages = new Map<string, string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Records why `file` is skipped, or that it no longer is (`reason` undefined). */
  setFile(file: string, reason: string | undefined): void {
    this.set(this.files, file, reason, `maprace: skipped ${file}: ${reason}`);
  }

  setPackage(dir: string, reason: string | undefined): void {
    this.set(this.packages, dir, reason, `maprace: skipped package ${dir}: ${reason}`);
  }

  /** Why `file` has no findings although it is a Go file of the workspace, if it is skipped. */
  reasonOf(file: string): string | undefined {
    return this.files.get(file) ?? this.packages.get(path.dirname(file));
  }

  /** Skipped files of `dir` (they are not among the package's parsed sources). */
  inDirectory(dir: string): string[] {
    return [...this.files.keys()].filter((f) => path.dirname(f) === dir);
  }

  forget(dir: string): void {
    for (const f of this.inDirectory(dir)) this.files.delete(f);
    this.packages.delete(dir);
  }

  private set(map: Map<string, string>, key: string, reason: string | undefined, message: string): void {
    if (reason === undefined) {
      map.delete(key);
    } else if (map.get(key) !== reason) {
      map.set(key, reason);
      this.log(message);
    }
  }
}
