import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const include = ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'];
/** Tests of the state layer's live behaviour: named `*.svelte.test.ts`, run with Svelte's client runtime (effects run). */
const runes = ['src/**/*.svelte.test.ts', 'tests/unit/**/*.svelte.test.ts'];

export default defineConfig({
  plugins: [svelte()],
  test: {
    testTimeout: 60_000,
    setupFiles: ['tests/fast-check-seed.ts', 'tests/unit/support/locale.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include, exclude: runes, environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'state',
          include: runes,
          environment: './tests/unit/support/runes-environment.ts',
          setupFiles: ['tests/fast-check-seed.ts', 'tests/unit/support/locale.ts', 'tests/unit/support/state-setup.ts'],
          server: { deps: { inline: [/svelte/] } },
        },
      },
    ],
  },
});
