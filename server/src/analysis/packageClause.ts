// Files of one directory grouped by their `package` clause: `foo_test` external tests are their own package.
import type { SourceFile } from './syntax';

export function packageName(file: SourceFile): string {
  const clause = file.root.children.find((c) => c.type === 'package_clause');
  return clause ? file.text.slice(clause.start, clause.end).replace(/^package\s+/, '').trim() : '';
}

export function splitByPackageClause(files: readonly SourceFile[]): SourceFile[][] {
  const groups = new Map<string, SourceFile[]>();
  for (const f of files) {
    const name = packageName(f);
    let g = groups.get(name);
    if (!g) groups.set(name, (g = []));
    g.push(f);
  }
  return [...groups.values()];
}
