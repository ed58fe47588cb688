/** Timing helpers for the benchmarks: medians and 95th percentiles over repeated runs. */

export interface Timing {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  budgetMs?: number;
  note?: string;
  /** Every sample in the order measured, for short series (the browser's): the spread behind the median. */
  samplesMs?: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Times `fn` `runs` times after `warmup` unmeasured runs. */
export function time(name: string, fn: () => unknown, options: { runs?: number; warmup?: number; budgetMs?: number; note?: string } = {}): Timing {
  const runs = options.runs ?? 30;
  for (let i = 0; i < (options.warmup ?? 3); i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return fromSamples(name, samples, options.budgetMs, options.note);
}

/** A Timing from samples measured elsewhere (e.g. inside a browser). */
export function fromSamples(name: string, samples: number[], budgetMs?: number, note?: string): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name,
    runs: samples.length,
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    ...(budgetMs !== undefined ? { budgetMs } : {}),
    ...(note ? { note } : {}),
    ...(samples.length <= 50 ? { samplesMs: samples.map((value) => round(value, 1)) } : {}),
  };
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** The timings as an aligned text table. */
export function table(timings: readonly Timing[]): string {
  const rows = timings.map((t) => [
    t.name,
    String(t.runs),
    t.medianMs.toFixed(3),
    t.p95Ms.toFixed(3),
    t.budgetMs === undefined ? '' : `${t.budgetMs}`,
    t.budgetMs === undefined ? '' : t.p95Ms <= t.budgetMs ? 'ok' : 'OVER',
    t.note ?? '',
  ]);
  const head = ['measure', 'runs', 'median ms', 'p95 ms', 'budget ms', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
