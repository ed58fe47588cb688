import { describe, expect, it } from 'vitest';
import { DerivedCache, type CacheStorage } from './derived-cache';

function memoryStorage(): NonNullable<CacheStorage> & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const options = { name: 'test.crops.v1', limit: 16, valid: isStrings };

describe('DerivedCache', () => {
  const inputs = { meals: [{ id: 'm1', date: '2026-11-02', recipe: 'r1' }], recipes: [{ id: 'r1', ingredients: ['1 cup kale'] }], catalog: 'catalog-abc.json' };

  it('answers only while the key of the inputs is unchanged', () => {
    const cache = new DerivedCache(null, options);
    const key = DerivedCache.key(inputs);
    expect(cache.get('2026-11-30', key)).toBeNull();
    expect(cache.has('2026-11-30')).toBe(false);
    cache.set('2026-11-30', key, ['apple', 'kale']);
    expect(cache.has('2026-11-30')).toBe(true);
    expect(cache.get('2026-11-30', key)).toEqual(['apple', 'kale']);
    expect(cache.get('2026-12-07', key)).toBeNull();
    // Any change to what the value depends on (a recipe line here) gives another key.
    const edited = DerivedCache.key({ ...inputs, recipes: [{ id: 'r1', ingredients: ['1 cup chard'] }] });
    expect(edited).not.toBe(key);
    expect(cache.get('2026-11-30', edited)).toBeNull();
    expect(DerivedCache.key(structuredClone(inputs))).toBe(key);
  });

  it('is kept in storage between sessions, newest entries up to the limit', () => {
    const storage = memoryStorage();
    const first = new DerivedCache(storage, options);
    for (let week = 1; week <= 20; week++) first.set(`week-${week}`, `key-${week}`, [`crop-${week}`]);
    const second = new DerivedCache(storage, options);
    expect(second.get('week-20', 'key-20')).toEqual(['crop-20']);
    expect(second.get('week-5', 'key-5')).toEqual(['crop-5']);
    expect(second.get('week-4', 'key-4')).toBeNull();
    // Caches under other names do not see each other.
    expect(new DerivedCache(storage, { ...options, name: 'test.other.v1' }).get('week-20', 'key-20')).toBeNull();
  });

  it('writes storage again only for a new value, also under the same key', () => {
    let writes = 0;
    const storage = memoryStorage();
    const counting: CacheStorage = { getItem: storage.getItem, setItem: (key, value) => ((writes += 1), storage.setItem(key, value)) };
    const cache = new DerivedCache(counting, options);
    const kale = ['kale'];
    cache.set('w', 'k', kale);
    cache.set('w', 'k', kale);
    expect(writes).toBe(1);
    // A value worked out again under the same key (e.g. with other earlier weeks) replaces the one held.
    cache.set('w', 'k', ['chard']);
    expect(writes).toBe(2);
    expect(new DerivedCache(storage, options).get('w', 'k')).toEqual(['chard']);
    cache.set('w', 'k2', ['leek']);
    expect(writes).toBe(3);
  });

  it('treats damaged or unavailable storage as empty', () => {
    const damaged = memoryStorage();
    damaged.items.set('test.crops.v1', '{not json');
    expect(new DerivedCache(damaged, options).get('w', 'k')).toBeNull();
    damaged.items.set('test.crops.v1', JSON.stringify([['w', { key: 'k', value: [1, 2] }], ['v', { key: 'k', value: ['ok'] }], ['x', null]]));
    const cache = new DerivedCache(damaged, options);
    expect(cache.get('w', 'k')).toBeNull();
    expect(cache.get('v', 'k')).toEqual(['ok']);
    const full: CacheStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const quota = new DerivedCache(full, options);
    expect(() => quota.set('w', 'k', ['kale'])).not.toThrow();
    expect(quota.get('w', 'k')).toEqual(['kale']);
  });
});
