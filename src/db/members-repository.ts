import { householdOf, mealPortions } from '../core/members';
import { settingsFromRows } from '../core/settings';
import type { Meal, Member } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/** The member rows as stored (for a live query; householdOf orders them and fills in the default household). */
export function readMemberRows(db: ThirtyfoldDatabase): Promise<Member[]> {
  return db.members.toArray();
}

/** The household as stored, in order; with no members stored, the `people` setting's adults. */
export async function readHousehold(db: ThirtyfoldDatabase): Promise<Member[]> {
  return db.transaction('r', db.members, db.settings, async () => householdOf(await db.members.toArray(), settingsFromRows(await db.settings.toArray())));
}

/** What a change of the household replaced: the members and meal rows as they were, to put back on Undo. */
export interface HouseholdChange {
  members: Member[];
  meals: Meal[];
  people: unknown;
}

/**
 * Servings of a meal whose portions change from `before` to `after`: in
 * proportion, so a meal planned for its eaters stays planned for them (and one
 * planned with extra servings keeps its extra). Unchanged when nobody is left.
 */
export function rescaleServings(servings: number, before: number, after: number): number {
  if (!(before > 0) || !(after > 0) || before === after) return servings;
  return Math.round(((servings * after) / before) * 1000) / 1000;
}

/**
 * Replaces the household's members in one transaction. Meals from `from` on
 * follow the change (their servings rescale with their eaters' portions);
 * earlier meals keep the portions they were eaten with. A member who leaves is
 * taken off every meal that lists them. The `people` setting follows the
 * number of members. Returns what was replaced, for Undo.
 */
export async function changeHousehold(db: ThirtyfoldDatabase, next: readonly Member[], from: string): Promise<HouseholdChange> {
  return db.transaction('rw', db.members, db.meals, db.settings, async () => {
    const storedMembers = await db.members.toArray();
    const settingRows = await db.settings.toArray();
    const before = householdOf(storedMembers, settingsFromRows(settingRows));
    const after = householdOf(next, settingsFromRows(settingRows));
    const kept = new Set(after.map((member) => member.id));
    const gone = before.filter((member) => !kept.has(member.id)).map((member) => member.id);
    const touched = new Map<string, Meal>();
    for (const meal of await db.meals.where('date').aboveOrEqual(from).toArray()) touched.set(meal.id, meal);
    if (gone.length > 0) for (const meal of await db.meals.where('eaters').anyOf(gone).toArray()) touched.set(meal.id, meal);
    const changed: Meal[] = [];
    const rewritten: Meal[] = [];
    for (const meal of touched.values()) {
      const eaters = meal.eaters?.filter((id) => kept.has(id));
      const moved: Meal = eaters === undefined ? { ...meal } : { ...meal, eaters };
      if (meal.date >= from) moved.servings = rescaleServings(meal.servings, mealPortions(meal, before), mealPortions(moved, after));
      if (moved.servings === meal.servings && (meal.eaters?.length ?? 0) === (moved.eaters?.length ?? 0)) continue;
      changed.push(meal);
      rewritten.push(moved);
    }
    const people = settingRows.find((row) => row.key === 'people')?.value;
    await db.members.clear();
    await db.members.bulkPut([...next]);
    await db.meals.bulkPut(rewritten);
    await db.settings.put({ key: 'people', value: Math.max(1, next.length) });
    return { members: storedMembers, meals: changed, people };
  });
}

/** Puts back what changeHousehold replaced, in one transaction. */
export async function restoreHousehold(db: ThirtyfoldDatabase, change: HouseholdChange): Promise<void> {
  await db.transaction('rw', db.members, db.meals, db.settings, async () => {
    await db.members.clear();
    await db.members.bulkPut(change.members);
    await db.meals.bulkPut(change.meals);
    if (change.people === undefined) await db.settings.delete('people');
    else await db.settings.put({ key: 'people', value: change.people });
  });
}
