import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ShoppingItem, ShoppingList } from '../core/shopping';
import { db } from './database';
import { fullAisleOrder, shopping, shoppingListId, withoutChecked } from './shopping.svelte';
import { undoStack } from './undo.svelte';

function item(key: string, aisle: string): ShoppingItem {
  return { key, food: key, name: key, quantity: 1, unit: 'piece', amount: '1', display: `1 ${key}`, grams: 100, buyGrams: 100, from: [], optional: false, aisle, staple: false, choice: null, have: null };
}

const LIST: ShoppingList = {
  aisles: [
    { name: 'Produce', items: [item('onion', 'Produce'), item('carrot', 'Produce')] },
    { name: 'Bakery', items: [item('rye-bread', 'Bakery')] },
  ],
  pantry: [item('salt', 'Spices & seasonings')],
  unmatched: [{ key: 'text:zorblax', text: 'zorblax', display: 'zorblax', scale: 1, from: [], optional: false }],
};

describe('withoutChecked', () => {
  it('drops checked lines from every section and aisles left empty', () => {
    const shown = withoutChecked(LIST, new Set(['rye-bread', 'carrot', 'salt', 'text:zorblax']));
    expect(shown.aisles.map((aisle) => [aisle.name, aisle.items.map((i) => i.key)])).toEqual([['Produce', ['onion']]]);
    expect(shown.pantry).toEqual([]);
    expect(shown.unmatched).toEqual([]);
  });

  it('returns every line when nothing is checked', () => {
    expect(withoutChecked(LIST, new Set())).toEqual(LIST);
  });
});

describe('fullAisleOrder', () => {
  it('keeps the saved order and adds aisles it does not name, case-insensitively', () => {
    expect(fullAisleOrder(['Produce', 'Bakery'], ['bakery', 'Asian shop', 'Produce'])).toEqual(['Produce', 'Bakery', 'Asian shop']);
  });
});

describe('the shopping list state', () => {
  beforeEach(async () => {
    await db.shopping.clear();
    await db.settings.clear();
    shopping.setRange('2026-11-23', '2026-11-29');
  });

  it('keys a list by its dates', () => {
    expect(shopping.id).toBe(shoppingListId('2026-11-23', '2026-11-29'));
    expect(shopping.id).toBe('2026-11-23..2026-11-29');
  });

  it('refuses a bad range with a readable message and keeps the old one', () => {
    expect(() => shopping.setRange('2026-11-30', '2026-11-23')).toThrow('must not come after');
    expect(() => shopping.setRange('next week', '2026-11-23')).toThrow('is not a date');
    expect(shopping.id).toBe('2026-11-23..2026-11-29');
  });

  it('saves ticks per list, once per key', async () => {
    await shopping.setChecked('onion', true);
    await shopping.setChecked('onion', true);
    await shopping.setChecked('carrot', true);
    await shopping.setChecked('carrot', false);
    expect(await db.shopping.get('2026-11-23..2026-11-29')).toEqual({ id: '2026-11-23..2026-11-29', checked: ['onion'], manual: [] });
    shopping.setRange('2026-11-30', '2026-12-06');
    await shopping.setChecked('onion', false);
    expect((await db.shopping.get('2026-11-23..2026-11-29'))?.checked).toEqual(['onion']);
  });

  it('adds manual items, rejects empty ones, and removes them with Undo', async () => {
    await shopping.addManual('  2   lemons ');
    await shopping.addManual('kitchen roll');
    await expect(shopping.addManual('   ')).rejects.toThrow('Type what to add');
    expect((await db.shopping.get(shopping.id))?.manual).toEqual(['2 lemons', 'kitchen roll']);
    await shopping.removeManual(0);
    expect((await db.shopping.get(shopping.id))?.manual).toEqual(['kitchen roll']);
    await undoStack.undo();
    expect((await db.shopping.get(shopping.id))?.manual).toEqual(['2 lemons', 'kitchen roll']);
  });

  it('unticks everything with Undo', async () => {
    await shopping.setChecked('onion', true);
    await shopping.setChecked('salt', true);
    await shopping.uncheckAll();
    expect((await db.shopping.get(shopping.id))?.checked).toEqual([]);
    await undoStack.undo();
    expect((await db.shopping.get(shopping.id))?.checked).toEqual(['onion', 'salt']);
  });
});
