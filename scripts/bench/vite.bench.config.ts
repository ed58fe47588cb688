import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/** The bench-only page (scripts/bench/page): the app's database and backup code, driven by the benchmark. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  logLevel: 'warn',
  build: { outDir: process.env.BENCH_PAGE_OUT ?? '/tmp/tf-bench-page', emptyOutDir: true },
});
