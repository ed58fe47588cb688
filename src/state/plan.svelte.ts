import { BACKUP_LIMITS, isServings } from '../core/backup';
import { addDays, daysBetween, weekDates, weekStartOf } from '../core/dates';
import { longDate } from '../core/date-format';
import { formatCount } from '../core/format';
import { MEMBER_LIMITS } from '../core/members';
import type { LineParser } from '../core/plan/resolve';
import { earlierCrops, scoreWeekMeals, scoringSettingsOf, type ScoreOptions } from '../core/scoring';
import type { WeekScore } from '../core/scoring/types';
import type { Meal, Recipe } from '../core/types';
import { addLeftover, addMeals, copyDays, leftoverPlace, moveMeal, removeMeals, removeMealsAgain, repeatMealWeekly, restoreMeals, setMealEaters, setMealServings } from '../db/meals-repository';
import { readWeek } from '../db/week-repository';
import { catalog } from './catalog.svelte';
import { windowStorage } from './derived-cache';
import { db } from './database';
import { newId, todayIso } from './ids';
import { recipesById } from './recipes.svelte';
import { Remembered } from './remembered.svelte';
import { members } from './members.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';
import { liveWeek } from './week.svelte';
import { isWeekView, type WeekView } from './week-view';

const NO_CROPS: ReadonlySet<string> = new Set();
/** A recipe as it counts for a remembered view: its stored reading of its lines is derived from the rest (and the catalog, keyed apart), so storing one changes nothing. */
const withoutReading = ({ parsed: _parsed, ...recipe }: Recipe): Omit<Recipe, 'parsed'> => recipe;
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
/**
 * The crops of the four weeks before each week shown: working them out means
 * reading and scoring four weeks of recipes, the largest part of opening the
 * planner on a big library.
 */
const cropMemory = new Remembered(windowStorage(), { name: 'thirtyfold.previous-crops.v3', limit: 16, valid: isStrings });
/**
 * What the planner shows of each recent week (its scores and the foods its
 * single-food meals count as), so that opening the app on an unchanged week
 * needs neither the food catalog nor the parser before the week is drawn.
 */
const viewMemory = new Remembered<WeekView>(windowStorage(), { name: 'thirtyfold.week-view.v3', limit: 8, valid: isWeekView });

/** A meal to add: a recipe or a single food line, in a slot on a date. */
export type NewMeal = Omit<Meal, 'id'>;

/**
 * The week on screen: its meals (live), its scores, and every planning action.
 * Each action is one transaction; destructive ones offer Undo.
 */
export class PlanState {
  /** Any date inside the week on screen. */
  anchor = $state(todayIso());
  readonly today = todayIso();

  readonly weekStart = $derived(weekStartOf(this.anchor, settings.current.weekStartDay));
  readonly dates: string[] = $derived(weekDates(this.weekStart));
  readonly weekEnd = $derived(this.dates[6]);

  /**
   * This week's meals and the recipes they use: all the week needs to be
   * drawn. The four weeks before (for "new plant" marks) are read beside it,
   * by a query of their own, so the week does not wait for them when
   * its view is remembered. The planner never reads the whole library.
   */
  #week = liveWeek(() => [this.weekStart, this.weekEnd]);
  #earlier = liveWeek(() => [addDays(this.weekStart, -28), addDays(this.weekStart, -1)]);
  readonly #weekRead = $derived(this.#week.read);
  readonly #earlierRead = $derived(this.#earlier.read);

  readonly meals: Meal[] = $derived(this.#week.meals.filter((meal) => meal.date >= this.weekStart && meal.date <= this.weekEnd));
  readonly earlierMeals: Meal[] = $derived(this.#earlier.meals.filter((meal) => meal.date < this.weekStart));
  /** The recipes of this week's and the four earlier weeks' meals. */
  readonly recipes: ReadonlyMap<string, Recipe> = $derived(recipesById([...this.#earlier.recipes.values(), ...this.#week.recipes.values()]));

  // The parser is passed as a call, so a week without food lines never builds it.
  readonly #parse: LineParser = Object.assign((line: string) => catalog.parse(line), {
    prime: (lines: readonly string[]) => {
      if (lines.length > 0) catalog.parse.prime?.(lines);
    },
  });

  /** How the week is scored: the catalog's parser and foods and the user's settings. */
  readonly #options: ScoreOptions = $derived({
    parse: this.#parse,
    foods: catalog.lookup,
    members: members.list,
    slots: settings.current.slots,
    settings: scoringSettingsOf(settings.current),
  });

  /** The key of the earlier weeks' crops (null: nothing to work out or remember yet). */
  readonly #cropsKey: string | null = $derived.by(() => {
    if (this.meals.length === 0 || !this.#earlierRead || !catalog.ready || this.earlierMeals.length === 0) return null;
    return Remembered.key({
      earlier: this.#earlierKey,
      catalog: catalog.identity,
      members: members.list,
      scoring: scoringSettingsOf(settings.current),
    });
  });
  readonly #cropsRecalled: string[] | null = $derived(this.#cropsKey === null ? null : cropMemory.recall(this.weekStart, this.#cropsKey));

  /** Crops of the four weeks before this one, remembered between sessions while their inputs are unchanged. */
  readonly previousCrops: ReadonlySet<string> = $derived.by(() => {
    // A week without meals has no plant to be new; before the catalog and the earlier weeks are read the crops would be incomplete.
    if (this.meals.length === 0 || !this.#earlierRead || !catalog.ready) return NO_CROPS;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new set for each answer, never changed
    if (this.#cropsRecalled) return new Set(this.#cropsRecalled);
    return earlierCrops(this.earlierMeals, this.weekStart, this.recipes, this.#options);
  });

  /**
   * The key of what the week view is worked out from in the week itself: its
   * meals and their recipes, the user's own foods and the shipped catalog's
   * file, and the settings. Null until those have been read.
   */
  readonly #weekKey: string | null = $derived.by(() => {
    if (!this.#weekRead || !settings.ready || !members.ready || !catalog.customReady) return null;
    const { slots } = settings.current;
    return Remembered.key({
      weekStart: this.weekStart,
      meals: this.meals,
      recipes: [...this.#week.recipes.values()].map(withoutReading),
      catalog: catalog.identity,
      members: members.list,
      slots,
      scoring: scoringSettingsOf(settings.current),
    });
  });

  /** The key of the rest: the four earlier weeks' meals and their recipes (their crops make plants new or not). */
  readonly #earlierKey: string | null = $derived.by(() => {
    if (!this.#earlierRead) return null;
    return Remembered.key({ meals: this.earlierMeals, recipes: [...this.#earlier.recipes.values()].map(withoutReading) });
  });

  /**
   * The week view as remembered from an earlier session, while nothing it
   * depends on has changed. It is used as soon as the week itself is read;
   * once the earlier weeks are read too, it stays only if they are as they
   * were (else the view is worked out again, a moment later).
   */
  readonly #remembered: WeekView | null = $derived.by(() => {
    const remembered = this.#weekKey === null ? null : viewMemory.recall(this.weekStart, this.#weekKey);
    if (remembered === null || (this.#earlierKey !== null && remembered.earlier !== this.#earlierKey)) return null;
    return remembered;
  });

  /** The week view worked out now (needs the catalog and the parser). */
  readonly #computed: WeekView = $derived.by(() => {
    // Until the catalog has loaded, lines would all read as unknown foods: the week waits for it (see `ready`).
    const meals = this.meals.length > 0 && !catalog.ready ? [] : this.meals;
    const { score } = scoreWeekMeals({ weekStart: this.weekStart, meals, recipes: this.recipes, earlierCrops: this.previousCrops }, this.#options);
    const foods: WeekView['foods'] = {};
    for (const meal of this.meals) {
      if (meal.recipe !== null || !meal.food || meal.food in foods) continue;
      const food = catalog.ready ? catalog.parse(meal.food).food : null;
      foods[meal.food] = food ? { id: food.id, name: food.name } : null;
    }
    return { score, foods, earlier: this.#earlierKey ?? '' };
  });

  readonly #view: WeekView = $derived(this.#remembered ?? this.#computed);

  /**
   * The week can be drawn: its meals and settings are read, and its view is
   * remembered, or the earlier weeks are read and the catalog has loaded. A
   * week without meals needs neither: it shows as soon as the database
   * answers.
   */
  readonly ready = $derived(
    this.#weekRead && settings.ready && members.ready && (this.meals.length === 0 || this.#remembered !== null || (this.#earlierRead && catalog.ready)),
  );

  readonly score: WeekScore = $derived(this.#view.score);

  /** The food a single-food meal's text counts as (null: not matched). */
  matchedFood(text: string): { id: string; name: string } | null {
    return this.#view.foods[text] ?? null;
  }

  /**
   * For each meal, the plants (points above 0) it brings that no earlier meal
   * of the week had: meals ordered by date, then slot order, then cell order.
   */
  readonly newPlantsByMeal: Readonly<Record<string, string[]>> = $derived.by(() => {
    const slots = settings.current.slots;
    const mealOrder: Record<string, number> = Object.fromEntries(this.meals.map((meal, index) => [meal.id, index]));
    const rank = (slot: string) => (slots.includes(slot) ? slots.indexOf(slot) : slots.length);
    const result: Record<string, string[]> = {};
    for (const plant of this.score.plants) {
      if (plant.points <= 0 || plant.meals.length === 0) continue;
      const first = plant.meals.reduce((best, meal) => {
        if (meal.date !== best.date) return meal.date < best.date ? meal : best;
        if (rank(meal.slot) !== rank(best.slot)) return rank(meal.slot) < rank(best.slot) ? meal : best;
        return (mealOrder[meal.id] ?? 0) < (mealOrder[best.id] ?? 0) ? meal : best;
      });
      (result[first.id] ??= []).push(plant.name);
    }
    return result;
  });

  /**
   * The week needs the food catalog: nothing is remembered of it (it will be
   * worked out), or what is remembered no longer matches its meals. The boot
   * sequence loads the catalog when this holds.
   */
  readonly needsCatalog = $derived(!viewMemory.has(this.weekStart) || (this.#weekKey !== null && this.meals.length > 0 && this.#remembered === null));

  constructor() {
    // What is worked out is remembered for the next start: from effects, never while deriving.
    cropMemory.follow(() => {
      if (this.#remembered !== null || this.#cropsKey === null || this.#cropsRecalled !== null) return null;
      return { slot: this.weekStart, key: this.#cropsKey, value: [...this.previousCrops].sort() };
    });
    viewMemory.follow(() => {
      // Only a view worked out from everything it depends on is worth remembering (a week without meals needs no catalog).
      const key = this.#weekKey;
      if (this.#remembered !== null || key === null || this.#earlierKey === null || (this.meals.length > 0 && !catalog.ready)) return null;
      return { slot: this.weekStart, key, value: this.#computed };
    });
  }

  /** Meals of one cell, in the order they were added. */
  mealsAt(date: string, slot: string): Meal[] {
    return this.meals.filter((meal) => meal.date === date && meal.slot === slot);
  }

  goTo(date: string): void {
    this.anchor = date;
  }

  next(): void {
    this.anchor = addDays(this.weekStart, 7);
  }

  previous(): void {
    this.anchor = addDays(this.weekStart, -7);
  }

  thisWeek(): void {
    this.anchor = todayIso();
  }

  /** Adds meals in one transaction; returns their ids. */
  async add(...meals: NewMeal[]): Promise<string[]> {
    const rows = meals.map((meal) => ({ ...meal, id: newId('meal') }));
    await addMeals(db, rows);
    return rows.map((row) => row.id);
  }

  /** Changes a meal's servings. */
  /** Says who eats a meal (undefined: everyone) and how many guests; its servings follow the portions. */
  async setEaters(id: string, eaters: string[] | undefined, guests: number): Promise<void> {
    if (!Number.isInteger(guests) || guests < 0 || guests > MEMBER_LIMITS.guests) throw new Error(`Guests must be a whole number from 0 to ${MEMBER_LIMITS.guests}.`);
    const everyone = eaters !== undefined && members.list.every((member) => eaters.includes(member.id));
    if (eaters !== undefined && eaters.length === 0 && guests === 0) throw new Error('Someone has to eat the meal: pick at least one person or add a guest.');
    await setMealEaters(db, id, { eaters: everyone ? undefined : eaters, guests }, members.list);
  }

  async setServings(id: string, servings: number): Promise<void> {
    if (!isServings(servings)) throw new Error(`Servings must be a number above 0, at most ${formatCount(BACKUP_LIMITS.servings)}.`);
    await setMealServings(db, id, servings);
  }

  /** Moves a meal to another cell, or copies it there, in one transaction. */
  move(id: string, date: string, slot: string, copy = false): Promise<void> {
    return moveMeal(db, id, { date, slot }, copy ? { id: newId('meal') } : null);
  }

  /** Deletes meals (one, a day, a week) with Undo; leftovers of a deleted meal lose their link until Undo. */
  async remove(ids: string[], label: string): Promise<void> {
    const removed = await removeMeals(db, ids);
    if (removed.rows.length === 0) return;
    undoStack.push(
      label,
      () => restoreMeals(db, removed),
      () => removeMealsAgain(db, removed),
    );
  }

  clearDay(date: string): Promise<void> {
    const ids = this.meals.filter((meal) => meal.date === date).map((meal) => meal.id);
    return this.remove(ids, `Cleared ${longDate(date)}`);
  }

  clearWeek(): Promise<void> {
    return this.remove(
      this.meals.map((meal) => meal.id),
      `Cleared the week of ${longDate(this.weekStart)}`,
    );
  }

  /** Copies every meal of one day onto another (a leftover eaten the same day stays linked to its copy). */
  async copyDay(from: string, to: string): Promise<void> {
    await copyDays(db, { from, to: from }, daysBetween(from, to), () => newId('meal'));
  }

  /** Copies last week's meals into this week, day for day, leftovers still linked to their copied originals. */
  copyPreviousWeek(): Promise<number> {
    return copyDays(db, { from: addDays(this.weekStart, -7), to: addDays(this.weekStart, -1) }, 7, () => newId('meal'));
  }

  /** Repeats a meal on the same weekday for the next `weeks` weeks ("pizza every Friday"). */
  repeatWeekly(id: string, weeks: number): Promise<void> {
    return repeatMealWeekly(db, id, weeks, () => newId('meal'));
  }

  /** "Cook once, eat twice": a leftover meal of the same recipe, linked to the original. */
  leftover(id: string, date: string, slot: string): Promise<void> {
    return addLeftover(db, id, { date, slot }, newId('meal'));
  }

  /** Where the leftovers of a meal go by default: the first free slot after it. */
  leftoverPlace(id: string): Promise<{ date: string; slot: string } | null> {
    return leftoverPlace(db, id, settings.current.slots);
  }

  /** What is already planned in a cell of any week, by name, leaving out the meal `except` (one being moved). */
  async cellContents(date: string, slot: string, except: string | null = null): Promise<string[]> {
    const week = await readWeek(db, date, date);
    return week.meals
      .filter((meal) => meal.slot === slot && meal.id !== except)
      .map((meal) => (meal.recipe === null ? (meal.food ?? 'a food') : (week.recipes.get(meal.recipe)?.name ?? 'a recipe no longer in the library')));
  }
}

export const plan = new PlanState();
