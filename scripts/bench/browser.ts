import type { Library } from './generate';
import type { Timing } from './measure';

/** Browser-side benchmarks: filled in once the app's views exist. */
export async function browserBenchmarks(_options: { root: string; quick: boolean; library: Library; backupText: string }): Promise<{ timings: Timing[]; figures: Record<string, number | string> } | null> {
  return null;
}
