import Dexie, { type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie';
import { isParseCurrent, storedParse } from '../core/recipes/lines';
import type { LineParser } from '../core/plan/resolve';
import type { Recipe, StoredParse } from '../core/types';
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

/**
 * Ids of the recipes whose stored reading is missing or out of date, among
 * `ids`. For the whole library (`ids` null) only indexes are read, never a
 * record: every recipe not stored under `key` (the `parsed.with` index against
 * the `name` index, counted first), so a check at each start costs little
 * however large the library; a recipe stored under `key` whose
 * lines changed since is found when it is written (`followLineWrites`), and
 * read correctly meanwhile (its lines' hashes no longer match).
 */
export async function staleParses(db: ThirtyfoldDatabase, key: string, ids: readonly string[] | null): Promise<string[]> {
  if (ids === null) {
    // Indexes only, never the records: every recipe has a name (required), and the readings' index lists those stored under `key`.
    return db.transaction('r', db.recipes, async () => {
      const stored = db.recipes.where('parsed.with').equals(key);
      if ((await stored.count()) === (await db.recipes.orderBy('name').count())) return [];
      const done = new Set(await stored.primaryKeys());
      return (await db.recipes.orderBy('name').primaryKeys()).filter((id) => !done.has(id));
    });
  }
  const probe = Object.assign(() => {
    throw new Error('not called');
  }, { key }) as unknown as LineParser;
  return (await db.recipes.bulkGet([...ids])).filter((recipe) => recipe !== undefined && !isParseCurrent(recipe, probe)).map((recipe) => recipe!.id);
}

/** A recipe's new reading, with the lines it was read from. */
export interface NewReading {
  id: string;
  texts: string;
  parsed: StoredParse;
}

/** The given recipes (those that exist), to read their lines outside any write transaction. */
export async function recipesToParse(db: ThirtyfoldDatabase, ids: readonly string[]): Promise<Recipe[]> {
  return (await db.recipes.bulkGet([...ids])).filter((recipe): recipe is Recipe => recipe !== undefined);
}

/** The reading to store for `recipe`, or null when its stored one is current. */
export function newReading(recipe: Recipe, parse: KeyedParser): NewReading | null {
  return isParseCurrent(recipe, parse) ? null : { id: recipe.id, texts: textsOf(recipe), parsed: storedParse(recipe, parse) };
}

/**
 * Stores readings in one write transaction: each recipe is read again in it,
 * and its reading is written only while its lines are still the ones read (an
 * edit saved meanwhile is left to the next pass, which its write starts) and
 * its stored reading is not already current; only the `parsed` field changes.
 * Returns how many recipes got a new reading.
 */
export function storeReadings(db: ThirtyfoldDatabase, readings: readonly NewReading[], parse: KeyedParser): Promise<number> {
  if (readings.length === 0) return Promise.resolve(0);
  const byId = new Map(readings.map((reading) => [reading.id, reading]));
  return db.transaction('rw', db.recipes, async () => {
    const writes: Recipe[] = [];
    for (const recipe of await db.recipes.bulkGet([...byId.keys()])) {
      const reading = recipe && byId.get(recipe.id);
      if (!reading || reading.texts !== textsOf(recipe) || isParseCurrent(recipe, parse)) continue;
      writes.push({ ...recipe, parsed: reading.parsed });
    }
    if (writes.length > 0) await db.recipes.bulkPut(writes);
    return writes.length;
  });
}

/**
 * Reads the lines of the given recipes against `parse` and stores the
 * readings (`storeReadings`); the lines are read outside the write
 * transaction, so the database is held only for the write.
 */
export async function storeParses(db: ThirtyfoldDatabase, ids: readonly string[], parse: KeyedParser): Promise<number> {
  const readings = (await recipesToParse(db, ids)).map((recipe) => newReading(recipe, parse)).filter((reading) => reading !== null);
  return storeReadings(db, readings, parse);
}

/** A recipe's lines' texts as one string, to tell whether they changed. */
function textsOf(recipe: Recipe): string {
  return JSON.stringify(recipe.ingredients.map((line) => line.text));
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
