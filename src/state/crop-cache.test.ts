import { describe, expect, it } from 'vitest';
import { CropCache, type CacheStorage } from './crop-cache';

function memoryStorage(): NonNullable<CacheStorage> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('CropCache', () => {
  const inputs = { meals: [{ id: 'm1', date: '2026-11-02', recipe: 'r1' }], recipes: [{ id: 'r1', ingredients: ['1 cup kale'] }], catalog: 'catalog-abc.json' };

  it('answers only while the key of the inputs is unchanged', () => {
    const cache = new CropCache(null);
    const key = CropCache.key(inputs);
    expect(cache.get('2026-11-30', key)).toBeNull();
    cache.set('2026-11-30', key, ['kale', 'apple']);
    expect(cache.get('2026-11-30', key)).toEqual(new Set(['apple', 'kale']));
    expect(cache.get('2026-12-07', key)).toBeNull();
    // Any change to what the crops depend on (a recipe line here) gives another key.
    const edited = CropCache.key({ ...inputs, recipes: [{ id: 'r1', ingredients: ['1 cup chard'] }] });
    expect(edited).not.toBe(key);
    expect(cache.get('2026-11-30', edited)).toBeNull();
    expect(CropCache.key(structuredClone(inputs))).toBe(key);
  });

  it('is kept in storage between sessions, newest 16 weeks', () => {
    const storage = memoryStorage();
    const first = new CropCache(storage);
    for (let week = 1; week <= 20; week++) first.set(`week-${week}`, `key-${week}`, [`crop-${week}`]);
    const second = new CropCache(storage);
    expect(second.get('week-20', 'key-20')).toEqual(new Set(['crop-20']));
    expect(second.get('week-5', 'key-5')).toEqual(new Set(['crop-5']));
    expect(second.get('week-4', 'key-4')).toBeNull();
  });

  it('treats damaged or unavailable storage as empty', () => {
    const damaged = memoryStorage();
    damaged.items.set('thirtyfold.previous-crops.v1', '{not json');
    expect(new CropCache(damaged).get('w', 'k')).toBeNull();
    damaged.items.set('thirtyfold.previous-crops.v1', JSON.stringify([['w', { key: 'k', crops: [1, 2] }], ['v', { key: 'k', crops: ['ok'] }]]));
    const cache = new CropCache(damaged);
    expect(cache.get('w', 'k')).toBeNull();
    expect(cache.get('v', 'k')).toEqual(new Set(['ok']));
    const full: CacheStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const quota = new CropCache(full);
    expect(() => quota.set('w', 'k', ['kale'])).not.toThrow();
    expect(quota.get('w', 'k')).toEqual(new Set(['kale']));
  });
});
