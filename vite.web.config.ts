import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/** The renderer alone, for `vite dev` in a browser and the benchmark. */
export default defineConfig({
  root: resolve(__dirname, 'src'),
  base: './',
  plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.js') })],
  build: { outDir: resolve(__dirname, 'out/renderer'), emptyOutDir: true },
});
