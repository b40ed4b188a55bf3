// A time budget for one package's analysis, so code that defeats the model's bounds ends in a clear
// "too slow" instead of a hang. The analysis is synchronous: one deadline at a time is enough.

export class AnalysisTooSlow extends Error {
  constructor(readonly budgetMs: number) {
    super(`analysis over its budget of ${budgetMs} ms`);
    this.name = 'AnalysisTooSlow';
  }
}

let deadline = Infinity;
let budget = 0;
let ticks = 0;

/** Runs `work` (an analyzePackage call) and throws AnalysisTooSlow if it runs past `ms`. */
export function withBudget<T>(ms: number, work: () => T): T {
  const saved = { deadline, budget };
  deadline = performance.now() + ms;
  budget = ms;
  try {
    return work();
  } finally {
    ({ deadline, budget } = saved);
  }
}

/** Called from the analysis' loops; looks at the clock every 1,024 calls. */
export function checkBudget(): void {
  if ((++ticks & 1023) === 0 && performance.now() > deadline) throw new AnalysisTooSlow(budget);
}
