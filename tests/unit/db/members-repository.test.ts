import { describe, expect, it } from 'vitest';
import type { Meal, Member } from '../../../src/core/types';
import { setMealEaters } from '../../../src/db/meals-repository';
import { changeHousehold, readHousehold, restoreHousehold } from '../../../src/db/members-repository';
import { migrationHarness } from './harness';

const adult = (id: string, order: number): Member => ({ id, name: id, portion: 1, fiberTarget: 30, ageBand: '19-50', sex: 'unspecified', order });
const cleo: Member = { id: 'cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 3 };
const meal = (id: string, date: string, servings: number, extra: Partial<Meal> = {}): Meal => ({ id, date, slot: 'dinner', recipe: null, food: '1 apple', servings, ...extra });

describe('the household repository', () => {
  it('reads the `people` adults while no member is stored', async () => {
    const db = migrationHarness().open();
    await db.settings.put({ key: 'people', value: 3 });
    expect((await readHousehold(db)).map((m) => m.name)).toEqual(['Person 1', 'Person 2', 'Person 3']);
    db.close();
  });

  it('a new member is added to meals from today on (in proportion); earlier meals and Undo keep what was', async () => {
    const db = migrationHarness().open();
    await db.members.bulkPut([adult('ana', 1), adult('ben', 2)]);
    await db.meals.bulkPut([meal('past', '2026-11-20', 2), meal('today', '2026-11-23', 2), meal('double', '2026-11-24', 4), meal('ana-only', '2026-11-25', 1, { eaters: ['ana'] })]);
    const change = await changeHousehold(db, [adult('ana', 1), adult('ben', 2), cleo], '2026-11-23');
    const servings = async () => Object.fromEntries((await db.meals.toArray()).map((m) => [m.id, m.servings]));
    // 2 → 2.5 portions; a meal planned at twice the portions stays at twice (4 → 5); a meal only Ana eats is unchanged.
    expect(await servings()).toEqual({ past: 2, today: 2.5, double: 5, 'ana-only': 1 });
    expect((await db.settings.get('people'))?.value).toBe(3);
    await restoreHousehold(db, change);
    expect(await servings()).toEqual({ past: 2, today: 2, double: 4, 'ana-only': 1 });
    expect((await db.members.toArray()).map((m) => m.id)).toEqual(['ana', 'ben']);
    db.close();
  });

  it('a member who leaves is taken off every meal that lists them, even past ones', async () => {
    const db = migrationHarness().open();
    await db.members.bulkPut([adult('ana', 1), adult('ben', 2), cleo]);
    await db.meals.bulkPut([meal('past', '2026-11-01', 1.5, { eaters: ['ana', 'cleo'] }), meal('next', '2026-11-30', 2.5)]);
    await changeHousehold(db, [adult('ana', 1), adult('ben', 2)], '2026-11-23');
    expect(await db.meals.get('past')).toMatchObject({ eaters: ['ana'], servings: 1.5 });
    expect(await db.meals.get('next')).toMatchObject({ servings: 2 });
    db.close();
  });

  it('who eats a meal sets its servings: one adult away turns 2.5 portions into 1.5, a guest adds one', async () => {
    const db = migrationHarness().open();
    const members = [adult('ana', 1), adult('ben', 2), cleo];
    await db.members.bulkPut(members);
    await db.meals.put(meal('m', '2026-11-24', 2.5));
    await setMealEaters(db, 'm', { eaters: ['ana', 'cleo'], guests: 0 }, members);
    expect(await db.meals.get('m')).toMatchObject({ eaters: ['ana', 'cleo'], servings: 1.5 });
    await setMealEaters(db, 'm', { eaters: undefined, guests: 1 }, members);
    const back = await db.meals.get('m');
    expect(back).toMatchObject({ guests: 1, servings: 3.5 });
    expect(back).not.toHaveProperty('eaters');
    await expect(setMealEaters(db, 'm', { eaters: undefined, guests: 2.5 }, members)).rejects.toThrow(/guests/);
    db.close();
  });
});
