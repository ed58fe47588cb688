import type { Component } from 'svelte';

/** A component read from its own chunk on first use; the same promise answers every later call. */
export function lazyComponent(load: () => Promise<{ default: Component }>): () => Promise<Component> {
  let loading: Promise<Component> | null = null;
  return () => {
    // A failed read (a chunk missing after an update) is tried again next time rather than remembered.
    loading ??= load().then(
      (module) => module.default,
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
}
