import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { isParseCurrent, storedParse } from '../core/recipes/lines';
import type { LineParser } from '../core/plan/resolve';
import type { Recipe } from '../core/types';
import type { ThirtyfoldDatabase } from './database';

/**
 * The parser's reading of each recipe's lines, kept with the recipe
 * (`Recipe.parsed`) so that opening a week, a list or the library parses
 * nothing that was read before. A reading is redone when its line's text
 * changes, or when the foods it was read against change (the shipped
 * catalog's version or the user's own foods: the parser's `key`). Readings
 * are derived data: backups and household sync leave them out, and writing
 * one changes neither the recipe's revision nor its `updatedAt`.
 */

type KeyedParser = LineParser & { key: string };

/** How many recipes one write transaction stores readings for: big enough to be few, small enough not to hold the database long. */
export const PARSE_BATCH = 500;

/** Ids of the recipes whose stored reading is missing or out of date, among `ids` (all recipes when null). */
export async function staleParses(db: ThirtyfoldDatabase, key: string, ids: readonly string[] | null): Promise<string[]> {
  const probe = Object.assign(() => {
    throw new Error('not called');
  }, { key }) as unknown as LineParser;
  const stale: string[] = [];
  const check = (recipe: Recipe | undefined) => {
    if (recipe && !isParseCurrent(recipe, probe)) stale.push(recipe.id);
  };
  if (ids === null) await db.recipes.each(check);
  else (await db.recipes.bulkGet([...ids])).forEach(check);
  return stale;
}

/**
 * Reads and stores the lines of the given recipes against `parse`, in one
 * transaction: each recipe is read again inside it, so an edit saved in the
 * meantime is read as saved, and only the `parsed` field is written.
 * Returns how many recipes got a new reading.
 */
export function storeParses(db: ThirtyfoldDatabase, ids: readonly string[], parse: KeyedParser): Promise<number> {
  return db.transaction('rw', db.recipes, async () => {
    let stored = 0;
    for (const recipe of await db.recipes.bulkGet([...ids])) {
      if (!recipe || isParseCurrent(recipe, parse)) continue;
      await db.recipes.update(recipe.id, { parsed: storedParse(recipe, parse) });
      stored += 1;
    }
    return stored;
  });
}

/** The keys a mutated part names one by one, or null when it names a span of keys (a clear, a range delete). */
function keysOf(tree: IntervalTree): string[] | null {
  const keys: string[] = [];
  const walk = (node: IntervalTreeNode | null | undefined): boolean => {
    if (!node) return true;
    if (node.from !== node.to) return false;
    keys.push(String(node.from));
    return walk(node.l) && walk(node.r);
  };
  return 'from' in tree && !walk(tree) ? null : keys;
}

/**
 * Tells `changed` the ids of recipes written to (a new recipe, an edit, a
 * restore, an import, a change from household sync or from another window),
 * after the write is done, from Dexie's own change events (the ones its live
 * queries follow), so writes cost nothing more. Null means "many: check
 * them all". The readings' own writes are told too: checking them finds
 * them current. Returns the function that stops it.
 */
export function followLineWrites(db: ThirtyfoldDatabase, changed: (ids: string[] | null) => void): () => void {
  const part = `idb://${db.name}/recipes/`;
  const listener = (parts: ObservabilitySet) => {
    const tree = parts[part];
    if (!tree) return;
    const ids = keysOf(tree);
    if (ids === null || ids.length > 0) changed(ids);
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
