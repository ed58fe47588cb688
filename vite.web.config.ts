import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The renderer alone, for `vite dev` in a browser, tests and the benchmark (RENDERER_OUT picks the output folder). */
export default defineConfig({
  root: resolve(__dirname, 'src'),
  base: './',
  plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
  build: { outDir: process.env.RENDERER_OUT ?? resolve(__dirname, 'out/renderer'), emptyOutDir: true },
});
