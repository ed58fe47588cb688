import type { Environment } from 'vitest/environments';

/**
 * Node, with modules compiled as for the browser: Svelte's client runtime, so
 * the state layer's effects (and the live queries they hold) run as in the app.
 * A test file opts in with `// @vitest-environment ./tests/unit/support/runes-environment.ts`.
 */
export default <Environment>{
  name: 'runes',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
};
