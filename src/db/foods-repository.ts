import type { Food } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/** The user's own foods and edits of catalog foods (the shipped catalog is a file, not a table). */
export function readUserFoods(db: ThirtyfoldDatabase): Promise<Food[]> {
  return db.foods.toArray();
}

/** Saves a custom food or an edit of a catalog food. */
export async function saveUserFood(db: ThirtyfoldDatabase, food: Food): Promise<void> {
  await db.foods.put({ ...food, custom: true });
}

/** Removes a custom food or an edit, in one transaction; returns it as it was (to put back on Undo). */
export function removeUserFood(db: ThirtyfoldDatabase, id: string): Promise<Food | undefined> {
  return db.transaction('rw', db.foods, async () => {
    const old = await db.foods.get(id);
    await db.foods.delete(id);
    return old;
  });
}
