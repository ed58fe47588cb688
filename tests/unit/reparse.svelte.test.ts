import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createIngredientParser } from '../../src/core/ingredients';
import { isParseCurrent, parseKey } from '../../src/core/recipes/lines';
import type { Food } from '../../src/core/types';
import { db } from '../../src/state/database';
import { reparse, ReparseState } from '../../src/state/reparse.svelte';
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

  it('checks every recipe only when the foods differ from those of the last complete pass on this device', async () => {
    const kept = new Map<string, string>();
    const storage = { getItem: (name: string) => kept.get(name) ?? null, setItem: (name: string, value: string) => void kept.set(name, value) };
    await db.recipes.bulkPut([recipeRow('s1'), recipeRow('s2')]);
    const parser = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.c.json', []) });
    const first = new ReparseState(storage);
    first.use(parser);
    await first.run();
    first.stop();
    expect(isParseCurrent((await db.recipes.get('s1'))!, parser)).toBe(true);

    // A reading lost while nothing followed the writes: a start with the same foods does not scan the library for it.
    const { parsed: _gone, ...bare } = (await db.recipes.get('s1'))!;
    await db.recipes.put(bare);
    const again = new ReparseState(storage);
    again.use(parser);
    await again.run();
    expect((await db.recipes.get('s1'))?.parsed).toBeUndefined();
    expect(again.stored).toBe(0);

    // Other foods: every recipe is checked, and the lost reading comes back.
    const other = Object.assign(createIngredientParser(FOODS), { key: parseKey('catalog.d.json', []) });
    again.use(other);
    await again.run();
    expect(isParseCurrent((await db.recipes.get('s1'))!, other)).toBe(true);
    again.stop();
  });
});
