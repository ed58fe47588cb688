import { parseIsoDate } from '../core/dates';
import { resolveMeals } from '../core/plan/resolve';
import { buildShoppingList, pantryForList, shoppingListToMarkdown, shoppingListToText, type ShoppingList } from '../core/shopping';
import type { Meal, ShoppingState } from '../core/types';
import { addManualItem, readShoppingState, removeManualItem, restoreManualItem, setTicked, tickLine } from '../db/shopping-repository';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { live } from './live.svelte';
import { plan } from './plan.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';
import { liveWeek } from './week.svelte';

/** The key of the saved state of the list for a date range. */
export function shoppingListId(from: string, to: string): string {
  return `${from}..${to}`;
}

/** The list without the items whose keys are checked (empty aisles dropped). */
export function withoutChecked(list: ShoppingList, checked: ReadonlySet<string>): ShoppingList {
  return {
    aisles: list.aisles
      .map((aisle) => ({ ...aisle, items: aisle.items.filter((item) => !checked.has(item.key)) }))
      .filter((aisle) => aisle.items.length > 0),
    pantry: list.pantry.filter((item) => !checked.has(item.key)),
    unmatched: list.unmatched.filter((item) => !checked.has(item.key)),
  };
}

/** Every aisle of the saved order, then any aisle the list holds that the order does not name. */
export function fullAisleOrder(order: readonly string[], present: readonly string[]): string[] {
  const seen = order.map((name) => name.toLowerCase());
  const extra = present.filter((name) => !seen.includes(name.toLowerCase()));
  return [...order, ...extra];
}

/**
 * The shopping list of a date range (by default the week on screen in the
 * planner): the planned meals live from the database, the saved check state
 * and manual items of that range, and every action on them.
 */
export class ShoppingListState {
  #from = $state<string | null>(null);
  #to = $state<string | null>(null);
  /** Show only what is still to buy. */
  hideChecked = $state(false);

  readonly from: string = $derived(this.#from ?? plan.weekStart);
  readonly to: string = $derived(this.#to ?? plan.weekEnd);
  /** True while the range follows the planner's week. */
  readonly followsPlan = $derived(this.#from === null && this.#to === null);
  readonly id = $derived(shoppingListId(this.from, this.to));

  /** The range's meals and exactly the recipes they eat (never the whole library). */
  #week = liveWeek(() => [this.from, this.to]);

  #saved = live(
    () => this.id,
    (id) => readShoppingState(db, id),
    null as ShoppingState | null,
  );

  readonly ready = $derived(this.#week.read && this.#saved.ready && catalog.ready && settings.ready);
  readonly meals: Meal[] = $derived(this.#week.meals);
  readonly manual: string[] = $derived(this.#saved.current?.manual ?? []);
  // Rebuilt whole from each saved row, never mutated.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly checked: ReadonlySet<string> = $derived(new Set(this.#saved.current?.checked ?? []));

  readonly list: ShoppingList = $derived(
    buildShoppingList(
      {
        lines: resolveMeals(this.meals, this.#week.recipes, catalog.parse, catalog.lookup),
        manual: this.manual,
        from: this.from,
        to: this.to,
      },
      catalog.lookup,
      catalog.parse,
      {
        aisleOrder: settings.current.aisleOrder,
        // Fresh sets from the settings each time; never mutated.
        // eslint-disable-next-line svelte/prefer-svelte-reactivity
        pantryIds: new Set(settings.current.pantryFoods),
        // eslint-disable-next-line svelte/prefer-svelte-reactivity
        buyIds: new Set(settings.current.buyFoods),
        pantryAmounts: pantryForList(settings.current.pantryAmounts, this.#saved.current?.stocked),
        units: settings.current.units,
      },
    ),
  );

  /** Every key on the list, to count what is checked. */
  readonly keys: string[] = $derived([
    ...this.list.aisles.flatMap((aisle) => aisle.items.map((item) => item.key)),
    ...this.list.unmatched.map((item) => item.key),
    ...this.list.pantry.map((item) => item.key),
  ]);
  readonly checkedCount = $derived(this.keys.filter((key) => this.checked.has(key)).length);

  /** What prints and exports: the whole list, or only the unchecked lines while "Hide checked" is on. */
  readonly shown: ShoppingList = $derived(this.hideChecked ? withoutChecked(this.list, this.checked) : this.list);

  /** The aisle order the user can arrange: the saved order plus aisles only this list names. */
  readonly aisleOrder: string[] = $derived(
    fullAisleOrder(
      settings.current.aisleOrder,
      this.list.aisles.map((aisle) => aisle.name),
    ),
  );

  /** Picks the dates of the list; throws a readable error for a bad range. */
  setRange(from: string, to: string): void {
    if (!parseIsoDate(from)) throw new Error(`"${from}" is not a date.`);
    if (!parseIsoDate(to)) throw new Error(`"${to}" is not a date.`);
    if (from > to) throw new Error('The first day must not come after the last day.');
    this.#from = from;
    this.#to = to;
  }

  /** Back to the week on screen in the planner. */
  followPlan(): void {
    this.#from = null;
    this.#to = null;
  }

  /**
   * Ticks or unticks one line of this list. With "Ticking adds to the pantry"
   * on, a ticked food line puts what it buys in the pantry and unticking takes
   * it out again, in the same transaction.
   */
  async setChecked(key: string, checked: boolean): Promise<void> {
    const id = this.id;
    const item = [...this.list.aisles.flatMap((aisle) => aisle.items), ...this.list.pantry].find((line) => line.key === key);
    const stock = settings.current.pantryFromTicks && item !== undefined ? item.buyGrams : null;
    await tickLine(db, id, key, checked, stock);
  }

  /** Turns "Ticking adds to the pantry" on or off. */
  setPantryFromTicks(on: boolean): Promise<void> {
    return settings.set('pantryFromTicks', on);
  }

  /** Unticks every line, with Undo. */
  async uncheckAll(): Promise<void> {
    const id = this.id;
    const before = await setTicked(db, id, []);
    if (!before || before.length === 0) return;
    undoStack.push(
      `Unticked ${before.length} item${before.length === 1 ? '' : 's'}`,
      () => setTicked(db, id, before).then(() => undefined),
      () => setTicked(db, id, []).then(() => undefined),
    );
  }

  /** Adds an item typed by hand ("2 lemons", "kitchen roll"). */
  async addManual(text: string): Promise<void> {
    const line = text.trim().replace(/\s+/g, ' ');
    if (line === '') throw new Error('Type what to add, e.g. "2 lemons".');
    if (line.length > 200) throw new Error('An item can be at most 200 characters long.');
    await addManualItem(db, this.id, line);
  }

  /** Removes one manual item, with Undo. */
  async removeManual(index: number): Promise<void> {
    const id = this.id;
    const removed = await removeManualItem(db, id, index);
    if (removed === null) return;
    undoStack.push(
      `Removed “${removed}”`,
      () => restoreManualItem(db, id, index, removed, true),
      () => restoreManualItem(db, id, index, removed, false),
    );
  }

  /** Saves a new aisle order (drag and drop, or Move up / Move down). */
  setAisleOrder(order: readonly string[]): Promise<void> {
    return settings.set('aisleOrder', [...order]);
  }

  /** Moves one aisle up (-1) or down (+1) in the order. */
  moveAisle(name: string, step: -1 | 1): Promise<void> {
    const order = [...this.aisleOrder];
    const from = order.indexOf(name);
    const to = from + step;
    if (from === -1 || to < 0 || to >= order.length) return Promise.resolve();
    [order[from], order[to]] = [order[to], order[from]];
    return this.setAisleOrder(order);
  }

  /** The list (what is shown) as plain text with "[ ]" boxes. */
  text(title: string): string {
    return shoppingListToText(this.shown, { title });
  }

  /** The list (what is shown) as a Markdown task list. */
  markdown(title: string): string {
    return shoppingListToMarkdown(this.shown, { title });
  }
}

export const shopping = new ShoppingListState();
