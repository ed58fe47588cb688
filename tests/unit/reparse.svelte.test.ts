import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createIngredientParser } from '../../src/core/ingredients';
import { isParseCurrent, parseKey } from '../../src/core/recipes/lines';
import type { Food } from '../../src/core/types';
import { db } from '../../src/state/database';
import { reparse, ReparseState } from '../../src/state/reparse.svelte';
import { recipeRow } from './db/rows';
import { storedFoods } from './support/readings';

const FOODS = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const lookup = (id: string) => FOODS.find((food) => food.id === id);

describe('the background reparse', () => {
  it('stores a reading for every recipe, then for a recipe whose lines change, then for all again when the foods change', async () => {
    await db.recipes.bulkAdd(Array.from({ length: 1_200 }, (_, i) => recipeRow(`r${i}`, { ingredients: [{ id: 'l1', text: `${i + 1} g kale` }] })));
    const first = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.a.json', []) });
    reparse.use(first);
    await reparse.run();
    const all = await db.recipes.toArray();
    expect(all.every((recipe) => isParseCurrent(recipe, first))).toBe(true);
    expect(storedFoods(all[0], first.key, lookup)).toEqual(['kale']);

    await db.recipes.update('r5', { ingredients: [{ id: 'l1', text: '1 can chickpeas' }] });
    await vi.waitFor(async () => expect(isParseCurrent((await db.recipes.get('r5'))!, first)).toBe(true));
    expect(storedFoods((await db.recipes.get('r5'))!, first.key, lookup)).toEqual([expect.stringMatching(/chickpea/)]);

    const second = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.b.json', []) });
    reparse.use(second);
    await reparse.run();
    expect((await db.recipes.toArray()).every((recipe) => recipe.parsed?.with === second.key)).toBe(true);
    reparse.stop();
  });

  it('at each start stores what no pass stored under the current foods, reading only keys to find it', async () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (name: string) => kept.get(name) ?? null, setItem: (name: string, value: string) => void kept.set(name, value) };
    await db.recipes.bulkPut([recipeRow('s1'), recipeRow('s2')]);
    const parser = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.c.json', []) });
    const first = new ReparseState(storage);
    first.use(parser);
    await first.run();
    first.stop();
    expect(isParseCurrent((await db.recipes.get('s1'))!, parser)).toBe(true);
    expect(kept.get('thirtyfold.parsed-with.v1')).toBe(parser.key);

    // A reading lost while nothing followed the writes (a write behind the app's back, a window closed before its pass):
    // the next start with the same foods finds it missing from the index and stores it, and only it.
    const { parsed: _gone, ...bare } = (await db.recipes.get('s1'))!;
    await db.recipes.put(bare);
    const again = new ReparseState(storage);
    again.use(parser);
    await again.run();
    expect(isParseCurrent((await db.recipes.get('s1'))!, parser)).toBe(true);
    expect(again.stored).toBe(1);

    // Other foods: every recipe is read again.
    const other = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.d.json', []) });
    again.use(other);
    await again.run();
    expect(again.stored).toBe(1 + (await db.recipes.count()));
    expect(isParseCurrent((await db.recipes.get('s1'))!, other)).toBe(true);
    again.stop();
  });
});
