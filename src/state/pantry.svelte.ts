import { resolveMeals } from '../core/plan/resolve';
import { addToPantry, buildShoppingList, needsOf, takeFromPantry } from '../core/shopping';
import { AISLES, type Meal } from '../core/types';
import { changePantry, markEaten, putEaten, writePantry, type Pantry } from '../db/shopping-repository';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';

/** One line of the pantry as shown: a food with its grams, or held without an amount. */
export interface PantryEntry {
  food: string;
  name: string;
  grams: number | null;
}

/** Runs one change of the pantry in one transaction and offers Undo back to what was there. */
async function change(label: string, edit: (pantry: Pantry) => Partial<Pantry> | null): Promise<void> {
  const done = await changePantry(db, edit);
  if (!done) return;
  undoStack.push(
    label,
    () => writePantry(db, done.before),
    () => writePantry(db, done.after),
  );
}

/**
 * What the household keeps at home: amounts of foods ("500 g red lentils"),
 * foods held without an amount ("I have this") and staples it always buys
 * ("Buy it"). The shopping list reads all three.
 */
export class PantryState {
  /** Foods with an amount, then foods held without one, by name. */
  readonly entries: PantryEntry[] = $derived.by(() => {
    const nameOf = (id: string) => catalog.lookup(id)?.name ?? id;
    const amounts = settings.current.pantryAmounts;
    const out: PantryEntry[] = Object.entries(amounts).map(([food, grams]) => ({ food, name: nameOf(food), grams }));
    for (const food of settings.current.pantryFoods) if (amounts[food] === undefined) out.push({ food, name: nameOf(food), grams: null });
    return out.sort((a, b) => a.name.localeCompare(b.name));
  });

  /** Puts an amount in the pantry, read like a recipe line: "500 g red lentils", "2 cans chickpeas". */
  async add(text: string): Promise<void> {
    const line = text.trim().replace(/\s+/g, ' ');
    if (line === '') throw new Error('Type an amount and a food, e.g. "500 g red lentils".');
    const parsed = catalog.parse(line);
    const food = parsed.food ? catalog.lookup(parsed.food.id) : undefined;
    if (!food) throw new Error(`No food in the catalog matches “${line}”.`);
    if (parsed.grams === null || !(parsed.grams > 0)) throw new Error(`“${line}” has no amount that converts to grams; write it as e.g. "500 g ${food.name.toLowerCase()}".`);
    const grams = parsed.grams;
    await change(`Added ${line} to the pantry`, (pantry) => ({ amounts: addToPantry(pantry.amounts, food.id, grams) }));
  }

  /** Takes a food out of the pantry (its amount and "I have this"), with Undo. */
  remove(food: string): Promise<void> {
    const name = catalog.lookup(food)?.name ?? food;
    return change(`Removed ${name} from the pantry`, (pantry) => {
      if (pantry.amounts[food] === undefined && !pantry.have.includes(food)) return null;
      const amounts = { ...pantry.amounts };
      delete amounts[food];
      return { amounts, have: pantry.have.filter((id) => id !== food) };
    });
  }

  /** "I have this": the food is kept at home, listed under "Check you have" from now on. */
  have(food: string): Promise<void> {
    return change(`${catalog.lookup(food)?.name ?? food}: you have it`, (pantry) => ({
      have: pantry.have.includes(food) ? pantry.have : [...pantry.have, food],
      buy: pantry.buy.filter((id) => id !== food),
    }));
  }

  /** "Buy it": the staple goes on the list in its aisle from now on. */
  buy(food: string): Promise<void> {
    return change(`${catalog.lookup(food)?.name ?? food}: on the list`, (pantry) => ({
      have: pantry.have.filter((id) => id !== food),
      buy: pantry.buy.includes(food) ? pantry.buy : [...pantry.buy, food],
    }));
  }

  /**
   * Marks a planned meal eaten (or not), in one transaction: an eaten meal
   * needs nothing more on the shopping list, and what it uses comes off the
   * foods the pantry holds amounts of (cooked rice off the dry rice). Undo
   * puts both back.
   */
  async setEaten(id: string, eaten: boolean): Promise<void> {
    const done = await markEaten(db, id, eaten, (meal, recipe, amounts) => {
      // A throwaway lookup for one meal, not reactive state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const lines = resolveMeals([meal], new Map(recipe ? [[recipe.id, recipe]] : []), catalog.parse, catalog.lookup);
      const needs = needsOf(buildShoppingList({ lines }, catalog.lookup, catalog.parse, { aisleOrder: AISLES, units: 'metric' }));
      return eaten ? takeFromPantry(amounts, needs) : takeFromPantry(amounts, needs, -1);
    });
    if (!done) return;
    const put = (meal: Meal, amounts: Record<string, number>) => putEaten(db, meal, amounts);
    undoStack.push(eaten ? 'Marked eaten' : 'Marked not eaten', () => put(done.meal, done.amounts), () => put(done.next, done.after));
  }
}

export const pantry = new PantryState();
