import { describe, expect, it } from 'vitest';
import { copyMeals, freeLeftoverSlot } from '../../../src/core/plan/copies';
import type { Meal } from '../../../src/core/types';
import { addLeftover, copyDays, leftoverPlace, moveMeal, removeMeals, restoreMeals } from '../../../src/db/meals-repository';
import { migrationHarness } from './harness';
import { mealRow as meal } from './rows';

const SLOTS = ['breakfast', 'lunch', 'dinner'];

function counter(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

async function fresh() {
  const db = migrationHarness().open();
  await db.open();
  return db;
}

describe('copies of meals', () => {
  it('keeps a leftover linked to the copy of its original, and drops a link to a meal left behind', () => {
    const cooked = meal('a', { date: '2026-11-23', slot: 'dinner', recipe: 'dal', food: null });
    const leftover = meal('b', { date: '2026-11-24', slot: 'lunch', recipe: 'dal', food: null, leftoverOf: 'a' });
    const orphan = meal('c', { date: '2026-11-25', slot: 'lunch', recipe: 'soup', food: null, leftoverOf: 'elsewhere' });
    const copies = copyMeals([cooked, leftover, orphan], (m) => ({ date: m.date.replace('-11-', '-12-') }), counter('new'));
    expect(copies.map((m) => [m.id, m.date, m.leftoverOf])).toEqual([
      ['new1', '2026-12-23', null],
      ['new2', '2026-12-24', 'new1'],
      ['new3', '2026-12-25', null],
    ]);
  });

  it('does not copy "eaten": a copied meal is still to cook', () => {
    const [copy] = copyMeals([meal('a', { eaten: true })], () => ({ date: '2026-11-30' }), counter('n'));
    expect(copy.eaten).toBeUndefined();
  });
});

describe('where leftovers go', () => {
  const cooked = { date: '2026-11-23', slot: 'dinner' };

  it('proposes the next day lunch when it is free', () => {
    expect(freeLeftoverSlot(cooked, SLOTS, [])).toEqual({ date: '2026-11-24', slot: 'lunch' });
  });

  it('skips taken slots: next day dinner, then the day after', () => {
    expect(freeLeftoverSlot(cooked, SLOTS, [{ date: '2026-11-24', slot: 'lunch' }])).toEqual({ date: '2026-11-24', slot: 'dinner' });
    const busy = ['lunch', 'dinner', 'breakfast'].map((slot) => ({ date: '2026-11-24', slot }));
    expect(freeLeftoverSlot(cooked, SLOTS, busy)).toEqual({ date: '2026-11-25', slot: 'lunch' });
  });

  it('falls back to the next day lunch when the whole week after is full', () => {
    const busy = Array.from({ length: 7 }, (_, day) => SLOTS.map((slot) => ({ date: `2026-11-${24 + day}`.replace('-11-31', '-12-01').replace('-11-30', '-11-30'), slot }))).flat();
    expect(freeLeftoverSlot(cooked, SLOTS, busy)).toEqual({ date: '2026-11-24', slot: 'lunch' });
  });

  it('only proposes slots the household plans', () => {
    expect(freeLeftoverSlot(cooked, ['breakfast', 'dinner'], [])).toEqual({ date: '2026-11-24', slot: 'dinner' });
  });
});

describe('the meals repository', () => {
  it('copies last week with its leftover links onto the copies', async () => {
    const db = await fresh();
    await db.meals.bulkAdd([
      meal('a', { date: '2026-11-23', slot: 'dinner', recipe: null, food: '200 g red lentils' }),
      meal('b', { date: '2026-11-24', slot: 'lunch', recipe: null, food: '200 g red lentils', leftoverOf: 'a' }),
      meal('next-week', { date: '2026-11-30', slot: 'lunch' }),
    ]);
    const copied = await copyDays(db, { from: '2026-11-23', to: '2026-11-29' }, 7, counter('copy'));
    expect(copied).toBe(2);
    const week = await db.meals.where('date').between('2026-11-30', '2026-12-06', true, true).sortBy('date');
    const original = week.find((m) => m.date === '2026-11-30' && m.slot === 'dinner')!;
    const leftover = week.find((m) => m.date === '2026-12-01')!;
    expect(original.id).toMatch(/^copy/);
    expect(leftover.leftoverOf).toBe(original.id);
    db.close();
  });

  it('proposes a free slot for leftovers, reading the week after the meal', async () => {
    const db = await fresh();
    await db.meals.bulkAdd([meal('a', { date: '2026-11-23', slot: 'dinner' }), meal('taken', { date: '2026-11-24', slot: 'lunch' })]);
    expect(await leftoverPlace(db, 'a', SLOTS)).toEqual({ date: '2026-11-24', slot: 'dinner' });
    expect(await leftoverPlace(db, 'gone', SLOTS)).toBeNull();
    db.close();
  });

  it('moves and copies in one transaction, a copy linked to nothing', async () => {
    const db = await fresh();
    await db.meals.bulkAdd([meal('a'), meal('b', { leftoverOf: 'a', date: '2026-11-24' })]);
    await moveMeal(db, 'a', { date: '2026-11-25', slot: 'lunch' }, null);
    await moveMeal(db, 'b', { date: '2026-11-26', slot: 'lunch' }, { id: 'b2' });
    expect(await db.meals.get('a')).toMatchObject({ date: '2026-11-25', slot: 'lunch' });
    expect(await db.meals.get('b2')).toMatchObject({ date: '2026-11-26', leftoverOf: null });
    db.close();
  });

  it('unlinks leftovers of a deleted meal, and Undo puts the link back', async () => {
    const db = await fresh();
    await db.meals.bulkAdd([meal('a'), meal('b', { date: '2026-11-24' })]);
    await addLeftover(db, 'a', { date: '2026-11-25', slot: 'lunch' }, 'left');
    const removed = await removeMeals(db, ['a']);
    expect((await db.meals.get('left'))?.leftoverOf).toBeNull();
    await restoreMeals(db, removed);
    expect((await db.meals.get('left'))?.leftoverOf).toBe('a');
    expect(((await db.meals.toArray()) as Meal[]).map((m) => m.id).sort()).toEqual(['a', 'b', 'left']);
    db.close();
  });
});
