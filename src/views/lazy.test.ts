import { describe, expect, it } from 'vitest';
import type { Component } from 'svelte';
import { lazyComponent } from './lazy';

const View = (() => {}) as unknown as Component;

describe('lazyComponent', () => {
  it('reads the chunk once and answers every call with it', async () => {
    let loads = 0;
    const load = lazyComponent(async () => {
      loads += 1;
      return { default: View };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(View);
    expect(b).toBe(View);
    expect(await load()).toBe(View);
    expect(loads).toBe(1);
  });

  it('tries again after a failed read instead of remembering the failure', async () => {
    let loads = 0;
    const load = lazyComponent(async () => {
      loads += 1;
      if (loads === 1) throw new Error('Failed to fetch dynamically imported module');
      return { default: View };
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    expect(await load()).toBe(View);
    expect(loads).toBe(2);
  });
});
