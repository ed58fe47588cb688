import { addDays } from '../core/dates';
import type { LineParser } from '../core/plan/resolve';
import { earlierCrops, scoreWeekMeals, scoringSettingsOf, type ScoreOptions } from '../core/scoring';
import type { WeekScore } from '../core/scoring/types';
import type { Meal, Recipe } from '../core/types';
import { catalog } from './catalog.svelte';
import { windowStorage } from './derived-cache';
import { members } from './members.svelte';
import { plan, type PlanState } from './plan.svelte';
import { recipesById } from './recipes.svelte';
import { Remembered } from './remembered.svelte';
import { settings } from './settings.svelte';
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

/**
 * How the app scores any week: the catalog's foods, the household's members,
 * the slots and the user's scoring settings, with `parse` reading the lines
 * (the catalog's parser unless given). The planner's week and the Scores
 * review's weeks are scored with it.
 */
export function scoreOptions(parse: LineParser = catalog.parse): ScoreOptions {
  return { parse, foods: catalog.lookup, members: members.list, slots: settings.current.slots, settings: scoringSettingsOf(settings.current) };
}

/**
 * The planner's week scored: the week comes from the planner's one reader
 * (`PlanState`), the four weeks before it (whose crops make a plant new or
 * not) are read here, and both go through the one core scorer,
 * `scoreWeekMeals`. What is worked out is remembered between sessions, so an
 * unchanged week shows before the food catalog has loaded.
 */
export class WeekScoring {
  /** The week on screen. */
  readonly #plan: PlanState = plan;

  /**
   * The four weeks before the week on screen, read by a query of their own so
   * that a remembered week does not wait for them.
   */
  readonly #earlier = liveWeek(() => [addDays(this.#plan.weekStart, -28), addDays(this.#plan.weekStart, -1)]);
  readonly #earlierRead: boolean = $derived(this.#earlier.read);

  /** The meals of the four weeks before the week on screen. */
  readonly earlierMeals: Meal[] = $derived(this.#earlier.meals.filter((meal) => meal.date < this.#plan.weekStart));
  /** The recipes of this week's and the four earlier weeks' meals. */
  readonly #recipes: ReadonlyMap<string, Recipe> = $derived(recipesById([...this.#earlier.recipes.values(), ...this.#plan.recipes.values()]));

  // The parser is passed as a call, so a week without food lines never builds it; its key lets recipes' stored readings be used.
  readonly #parse: LineParser = Object.defineProperty(
    Object.assign((line: string) => catalog.parse(line), {
      prime: (lines: readonly string[]) => {
        if (lines.length > 0) catalog.parse.prime?.(lines);
      },
    }),
    'key',
    { get: () => catalog.key },
  );

  /** How the week is scored (the parser passed as a call, see above). */
  readonly #options: ScoreOptions = $derived(scoreOptions(this.#parse));

  /** The key of the earlier weeks' crops (null: nothing to work out or remember yet). */
  readonly #cropsKey: string | null = $derived.by(() => {
    if (this.#plan.meals.length === 0 || !this.#earlierRead || !catalog.ready || this.earlierMeals.length === 0) return null;
    return Remembered.key({
      earlier: this.#earlierKey,
      catalog: catalog.identity,
      members: members.list,
      scoring: scoringSettingsOf(settings.current),
    });
  });
  readonly #cropsRecalled: string[] | null = $derived(this.#cropsKey === null ? null : cropMemory.recall(this.#plan.weekStart, this.#cropsKey));

  /** Crops of the four weeks before this one, remembered between sessions while their inputs are unchanged. */
  readonly #previousCrops: ReadonlySet<string> = $derived.by(() => {
    // A week without meals has no plant to be new; before the catalog and the earlier weeks are read the crops would be incomplete.
    if (this.#plan.meals.length === 0 || !this.#earlierRead || !catalog.ready) return NO_CROPS;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new set for each answer, never changed
    if (this.#cropsRecalled) return new Set(this.#cropsRecalled);
    return earlierCrops(this.earlierMeals, this.#plan.weekStart, this.#recipes, this.#options);
  });

  /**
   * The key of what the week view is worked out from in the week itself: its
   * meals and their recipes, the user's own foods and the shipped catalog's
   * file, and the settings. Null until those have been read.
   */
  readonly #weekKey: string | null = $derived.by(() => {
    if (!this.#plan.read || !settings.ready || !members.ready || !catalog.customReady) return null;
    const { slots } = settings.current;
    return Remembered.key({
      weekStart: this.#plan.weekStart,
      meals: this.#plan.meals,
      recipes: [...this.#plan.recipes.values()].map(withoutReading),
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
    const remembered = this.#weekKey === null ? null : viewMemory.recall(this.#plan.weekStart, this.#weekKey);
    if (remembered === null || (this.#earlierKey !== null && remembered.earlier !== this.#earlierKey)) return null;
    return remembered;
  });

  /** The week view worked out now (needs the catalog and the parser). */
  readonly #computed: WeekView = $derived.by(() => {
    const { weekStart, meals: all } = this.#plan;
    // Until the catalog has loaded, lines would all read as unknown foods: the week waits for it (see `ready`).
    const meals = all.length > 0 && !catalog.ready ? [] : all;
    const { score } = scoreWeekMeals({ weekStart, meals, recipes: this.#recipes, earlierCrops: this.#previousCrops }, this.#options);
    const foods: WeekView['foods'] = {};
    for (const meal of all) {
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
  readonly ready: boolean = $derived(
    this.#plan.read &&
      settings.ready &&
      members.ready &&
      (this.#plan.meals.length === 0 || this.#remembered !== null || (this.#earlierRead && catalog.ready)),
  );

  readonly score: WeekScore = $derived(this.#view.score);

  /**
   * For each meal, the plants (points above 0) it brings that no earlier meal
   * of the week had: meals ordered by date, then slot order, then cell order.
   */
  readonly newPlantsByMeal: Readonly<Record<string, string[]>> = $derived.by(() => {
    const slots = settings.current.slots;
    const mealOrder: Record<string, number> = Object.fromEntries(this.#plan.meals.map((meal, index) => [meal.id, index]));
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
  readonly needsCatalog: boolean = $derived(
    !viewMemory.has(this.#plan.weekStart) || (this.#weekKey !== null && this.#plan.meals.length > 0 && this.#remembered === null),
  );

  constructor() {
    // What is worked out is remembered for the next start: from effects, never while deriving.
    cropMemory.follow(() => {
      if (this.#remembered !== null || this.#cropsKey === null || this.#cropsRecalled !== null) return null;
      return { slot: this.#plan.weekStart, key: this.#cropsKey, value: [...this.#previousCrops].sort() };
    });
    viewMemory.follow(() => {
      // Only a view worked out from everything it depends on is worth remembering (a week without meals needs no catalog).
      const key = this.#weekKey;
      if (this.#remembered !== null || key === null || this.#earlierKey === null || (this.#plan.meals.length > 0 && !catalog.ready)) return null;
      return { slot: this.#plan.weekStart, key, value: this.#computed };
    });
  }

  /** The food a single-food meal's text counts as (null: not matched). */
  matchedFood(text: string): { id: string; name: string } | null {
    return this.#view.foods[text] ?? null;
  }

  /** The meal a leftover was cooked as, in this week or the four before (undefined: not planned there). */
  original(id: string): Meal | undefined {
    return this.#plan.meals.find((meal) => meal.id === id) ?? this.earlierMeals.find((meal) => meal.id === id);
  }
}

/** The planner's week, scored. */
export const weekScore = new WeekScoring();
