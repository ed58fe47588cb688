import { beforeEach, describe, expect, it } from 'vitest';
import type { Recipe } from '../../src/core/types';
import { db } from '../../src/state/database';
import { RecipeForm } from '../../src/state/recipe-form.svelte';
import { recipes } from '../../src/state/recipes.svelte';
import { undoStack } from '../../src/state/undo.svelte';
import { recipeRow } from './db/rows';

// The window's session storage, where the editor keeps drafts and the version they were typed over.
const session = new Map<string, string>();
globalThis.sessionStorage = {
  getItem: (key: string) => session.get(key) ?? null,
  setItem: (key: string, value: string) => void session.set(key, value),
  removeItem: (key: string) => void session.delete(key),
  clear: () => session.clear(),
  key: () => null,
  length: 0,
} as Storage;

async function stored(id: string): Promise<Recipe | undefined> {
  return db.recipes.get(id);
}

/** Opens the editor of `id` as the app does: from the recipe as stored now. */
async function open(id: string): Promise<RecipeForm> {
  const form = new RecipeForm(id);
  form.start(await stored(id));
  return form;
}

/** Another window's save of the same recipe (it has its own session storage, so it goes straight to the save). */
async function saveElsewhere(id: string, change: Partial<Recipe>): Promise<Recipe> {
  const current = (await stored(id))!;
  return recipes.save({ ...current, ...change }, current);
}

beforeEach(async () => {
  session.clear();
  await db.recipes.clear();
  await db.recipes.put(recipeRow('r1', { name: 'Dal' }));
});

describe('the recipe editor’s model when the recipe was saved elsewhere', () => {
  it('keeps the version it was opened from, says the stored one changed, and a save turns into a conflict', async () => {
    const form = await open('r1');
    form.values.servings = 6;
    const theirs = await saveElsewhere('r1', { name: 'Red lentil dal' });

    expect(form.base?.name).toBe('Dal');
    expect(form.changedSince(await stored('r1'))).toBe(true);
    expect(await form.save()).toBeNull();
    expect(form.conflict?.theirs).toEqual(theirs);
    expect(form.differencesFrom(theirs)).toEqual([
      { label: 'Name', mine: 'Dal', theirs: 'Red lentil dal' },
      { label: 'Servings', mine: '6', theirs: '4' },
    ]);
    expect(await stored('r1')).toEqual(theirs);
  });

  it('keep mine saves over theirs; Undo puts theirs back and Redo mine again, each checked like a save', async () => {
    const form = await open('r1');
    form.values.servings = 6;
    await saveElsewhere('r1', { name: 'Red lentil dal' });
    await form.save();
    const mine = await form.keepMine();
    expect(mine).toMatchObject({ name: 'Dal', servings: 6, rev: 2 });
    expect(form.conflict).toBeNull();
    expect(await stored('r1')).toEqual(mine);

    await undoStack.undo();
    expect(await stored('r1')).toMatchObject({ name: 'Red lentil dal', servings: 4, rev: 3 });
    await undoStack.redo();
    expect(await stored('r1')).toMatchObject({ name: 'Dal', servings: 6, rev: 4 });
  });

  it('take theirs loads the stored version; bringing mine back keeps the typed values', async () => {
    const form = await open('r1');
    form.values.servings = 6;
    const theirs = await saveElsewhere('r1', { name: 'Red lentil dal' });
    await form.save();
    const mine = form.takeTheirs()!;
    expect(form.values).toMatchObject({ name: 'Red lentil dal', servings: 4 });
    expect(form.base).toEqual(theirs);
    expect(form.changedSince(await stored('r1'))).toBe(false);
    form.bringBack(mine);
    expect(form.values).toMatchObject({ name: 'Dal', servings: 6 });
  });

  it('keep both saves mine as a new recipe named “… (my copy)”, within the name limit', async () => {
    const form = await open('r1');
    form.values.name = 'D'.repeat(500);
    await saveElsewhere('r1', { servings: 2 });
    await form.save();
    const copy = await form.keepBoth();
    expect(copy?.id).not.toBe('r1');
    expect(copy?.name).toBe(`${'D'.repeat(490)} (my copy)`);
    expect((await stored('r1'))?.servings).toBe(2);
    expect(await db.recipes.count()).toBe(2);
  });

  it('a recipe deleted elsewhere: keep mine saves it again, and Undo deletes it again', async () => {
    const form = await open('r1');
    form.values.servings = 6;
    await db.recipes.delete('r1');
    expect(form.changedSince(undefined)).toBe(true);
    expect(await form.save()).toBeNull();
    expect(form.conflict).toEqual({ theirs: null });
    expect(await form.keepMine()).toMatchObject({ id: 'r1', servings: 6, rev: 1 });
    await undoStack.undo();
    expect(await stored('r1')).toBeUndefined();
  });

  it('a draft brought back after a reload is checked against the version it was typed over', async () => {
    const form = await open('r1');
    form.values.servings = 6;
    form.keepDraft();
    await saveElsewhere('r1', { name: 'Red lentil dal' });

    const reloaded = await open('r1');
    expect(reloaded.restored).toBe(true);
    expect(reloaded.base?.name).toBe('Dal');
    expect(await reloaded.save()).toBeNull();
    expect(reloaded.conflict?.theirs?.name).toBe('Red lentil dal');
  });
});
