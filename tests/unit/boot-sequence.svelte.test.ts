import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { catalog } from '../../src/state/catalog.svelte';
import type { CacheStorage } from '../../src/state/derived-cache';
import { recipes } from '../../src/state/recipes.svelte';
import { Remembered } from '../../src/state/remembered.svelte';

describe('reading state starts no loading', () => {
  it('reading the catalog and the library fetches and reads nothing until they are loaded', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    expect([catalog.ready, catalog.byId.size, catalog.foods.length, recipes.all.length, recipes.byId.size, recipes.ready]).toEqual([false, 0, 0, 0, 0, false]);
    catalog.parse('1 apple');
    catalog.shipped('apple');
    await new Promise((done) => setTimeout(done, 200));
    expect(fetch).not.toHaveBeenCalled();
    expect(catalog.ready).toBe(false);
    expect(recipes.ready).toBe(false);

    catalog.load();
    recipes.load();
    await vi.waitFor(() => expect(catalog.ready && recipes.ready).toBe(true), { timeout: 20_000 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(catalog.byId.get('apple')?.name).toBe('Apple');
    fetch.mockRestore();
  });
});

describe('Remembered', () => {
  it('writes what it follows from an effect, not while the value is worked out', async () => {
    const writes: string[] = [];
    const storage: CacheStorage = { getItem: () => null, setItem: (name) => void writes.push(name) };
    const memory = new Remembered<number>(storage, { name: 'test.remembered.v1', limit: 2, valid: (value): value is number => typeof value === 'number' });
    let worked = 0;
    const stop = memory.follow(() => ({ slot: 'w1', key: 'k1', value: (worked += 1) }));
    expect(writes).toEqual([]);
    expect(worked).toBe(0);
    await tick();
    expect(writes).toEqual(['test.remembered.v1']);
    expect(worked).toBe(1);
    expect(memory.recall('w1', 'k1')).toBe(1);
    expect(memory.recall('w1', 'other')).toBeNull();
    stop();
  });

  it('remembers nothing while its source has nothing worth remembering', async () => {
    const writes: string[] = [];
    const storage: CacheStorage = { getItem: () => null, setItem: (name) => void writes.push(name) };
    const memory = new Remembered<number>(storage, { name: 'test.remembered.v1', limit: 2, valid: (value): value is number => typeof value === 'number' });
    const stop = memory.follow(() => null);
    await tick();
    expect(writes).toEqual([]);
    expect(memory.has('w1')).toBe(false);
    stop();
  });
});
