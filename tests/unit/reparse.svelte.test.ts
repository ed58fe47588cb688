import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createIngredientParser } from '../../src/core/ingredients';
import { isParseCurrent, parseKey } from '../../src/core/recipes/lines';
import type { Food } from '../../src/core/types';
import { db } from '../../src/state/database';
import { reparse } from '../../src/state/reparse.svelte';
import { recipeRow } from './db/rows';

const FOODS = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];

describe('the background reparse', () => {
  it('stores a reading for every recipe, then for a recipe whose lines change, then for all again when the foods change', async () => {
    await db.recipes.bulkAdd(Array.from({ length: 1_200 }, (_, i) => recipeRow(`r${i}`, { ingredients: [{ id: 'l1', text: `${i + 1} g kale` }] })));
    const first = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.a.json', []) });
    reparse.use(first);
    await reparse.run();
    const all = await db.recipes.toArray();
    expect(all.every((recipe) => isParseCurrent(recipe, first))).toBe(true);
    expect(all[0].parsed?.lines[0].food?.id).toBe('kale');

    await db.recipes.update('r5', { ingredients: [{ id: 'l1', text: '1 can chickpeas' }] });
    await vi.waitFor(async () => expect(isParseCurrent((await db.recipes.get('r5'))!, first)).toBe(true));
    expect((await db.recipes.get('r5'))?.parsed?.lines[0].food?.id).toMatch(/chickpea/);

    const second = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.b.json', []) });
    reparse.use(second);
    await reparse.run();
    expect((await db.recipes.toArray()).every((recipe) => recipe.parsed?.with === second.key)).toBe(true);
    reparse.stop();
  });
});
