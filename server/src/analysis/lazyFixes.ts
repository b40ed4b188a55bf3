// Fixes planned when first read. Planning one (a sync.Map conversion walks every use in the package)
// is wasted on findings nobody asks to fix, which while typing is nearly all of them; the CLI's
// --fix and --format json, code actions and fix-all read them and get the same fixes as before.
import type { Finding, Fix } from './types';

/**
 * Gives `finding` a `fixes` property that runs `plan` on first read and keeps its result. The property
 * stays enumerable, so JSON output and deep comparisons see the fixes as before.
 */
export function withLazyFixes<T extends Omit<Finding, 'fixes'>>(finding: T, plan: () => Fix[]): T & Finding {
  let fixes: Fix[] | undefined;
  return Object.defineProperty(finding, 'fixes', {
    enumerable: true,
    configurable: true,
    get: () => (fixes ??= plan()),
    set: (value: Fix[]) => {
      fixes = value;
    },
  }) as T & Finding;
}

/** A copy of `finding` with other fields changed, its fixes still unplanned if they were. */
export function withChanges(finding: Finding, changes: Partial<Omit<Finding, 'fixes'>>): Finding {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(finding)) as Finding;
  return Object.assign(copy, changes);
}
