import { addDays, weekStartOf } from '../core/dates';
import { figuresOf, weekHistory, type History } from '../core/history';
import type { FoodLookup, LineParser } from '../core/plan/resolve';
import { libraryRecipe, memberSettings, scoreWeekMeals, scoringSettingsOf, suggest, type LibraryRecipe, type Suggestions } from '../core/scoring';
import type { UncountedLine, WeekScore } from '../core/scoring/types';
import type { Meal, Member, Recipe } from '../core/types';
import { addMeals, deleteMealRows, setFoodOfMeal } from '../db/meals-repository';
import { putRecipeBack, readRecipe } from '../db/recipe-repository';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { todayIso } from './ids';
import { plan } from './plan.svelte';
import { mealActions } from './meal-actions.svelte';
import { scoreOptions, weekScore } from './week-score.svelte';
import { recipes } from './recipes.svelte';
import { members } from './members.svelte';
import { settings } from './settings.svelte';
import { undoStack } from './undo.svelte';
import { liveWeek } from './week.svelte';

/** The trend periods the Scores view offers, in weeks. */
export const PERIODS = [4, 12, 52] as const;
export type Period = (typeof PERIODS)[number];

/** Where the member chosen in the Scores review is kept between sessions (the window's localStorage in the app). */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;

/** The localStorage key of the member chosen in the Scores review (absent: the household). */
export const MEMBER_CHOICE_KEY = 'thirtyfold.scores-member';

function browserStorage(): ChoiceStorage {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Scores one week of meals per person with the user's settings. */
function scoreMeals(weekStart: string, meals: readonly Meal[], eaten: ReadonlyMap<string, Recipe>): WeekScore {
  return scoreWeekMeals({ weekStart, meals, recipes: eaten }, scoreOptions()).score;
}

/**
 * The Scores review over time: per-week figures for the last 4, 12 or 52 weeks
 * (live over the meals of the period), and two weeks side by side, for the
 * household or one member. Every week is scored by the one week scorer, again
 * on each change (and on choosing another member, whose figures are their own
 * score from the same scoring): a week scores in about a millisecond once its
 * lines are parsed (the catalog keeps each line's parse), so 52 weeks need no
 * cache of their own.
 */
export class HistoryState {
  period = $state<Period>(12);
  readonly today = todayIso();
  readonly #storage: ChoiceStorage;

  constructor(storage: ChoiceStorage = browserStorage()) {
    this.#storage = storage;
    this.#chosen = storage?.getItem(MEMBER_CHOICE_KEY) ?? null;
  }

  /**
   * Whose figures the review shows: the household (null) or one member, by
   * id. Kept between sessions; a member no longer in the household reads as
   * the household.
   */
  #chosen = $state<string | null>(null);

  /** The members the review can show one by one: none unless the household has two or more of its own. */
  readonly choices: Member[] = $derived(members.stored && members.list.length > 1 ? members.list : []);

  /** The member whose figures are shown, or null for the household. */
  readonly member: Member | null = $derived(this.choices.find((member) => member.id === this.#chosen) ?? null);

  /** Shows one member's figures (an id), or the household's (null). */
  choose(id: string | null): void {
    this.#chosen = id;
    try {
      if (id === null) this.#storage?.removeItem(MEMBER_CHOICE_KEY);
      else this.#storage?.setItem(MEMBER_CHOICE_KEY, id);
    } catch {
      // Storage full or switched off: the choice holds while the app runs.
    }
  }

  /** The chosen member's entry in a scored week (undefined: the household is shown). */
  #entry(score: WeekScore): WeekScore['members'][number] | undefined {
    const member = this.member;
    return member ? score.members.find((entry) => entry.id === member.id) : undefined;
  }

  /** The figures of a scored week for whoever the review shows: the chosen member's own score, or the household's. */
  of(score: WeekScore): WeekScore {
    return this.#entry(score)?.score || score;
  }

  /** How many of a scored week's meals the chosen member eats (null: the household is shown). */
  mealsOf(score: WeekScore): number | null {
    return this.#entry(score)?.meals ?? null;
  }

  /** The fiber target and lower line whoever is shown is read against (the chosen member's own). */
  readonly fiberTarget = $derived.by(() => {
    const rules = scoringSettingsOf(settings.current);
    const own = this.member ? memberSettings(this.member, rules) : rules;
    return { target: own.fiberTarget, lower: own.fiberLower };
  });
  readonly lastWeek = $derived(weekStartOf(this.today, settings.current.weekStartDay));
  readonly firstWeek = $derived(addDays(this.lastWeek, -7 * (this.period - 1)));

  /** The period's meals and exactly the recipes they eat. */
  #period = liveWeek(() => [this.firstWeek, addDays(this.lastWeek, 6)]);

  readonly ready = $derived(this.#period.read && catalog.ready && settings.ready && members.ready);

  readonly history: History = $derived(
    weekHistory({
      meals: this.#period.meals,
      weekStartDay: settings.current.weekStartDay,
      until: this.today,
      weeks: this.period,
      score: (start, meals) => {
        const scored = scoreMeals(start, meals, this.#period.recipes);
        const eaten = this.mealsOf(scored);
        const figures = figuresOf(this.of(scored));
        return eaten === null ? figures : { ...figures, meals: eaten };
      },
    }),
  );

  /** The two weeks compared side by side (week starts). */
  compareA = $state('');
  compareB = $state('');
  readonly weekA = $derived(this.compareA || addDays(this.lastWeek, -7));
  readonly weekB = $derived(this.compareB || this.lastWeek);

  #compareA = liveWeek(() => [this.weekA, addDays(this.weekA, 6)]);
  #compareB = liveWeek(() => [this.weekB, addDays(this.weekB, 6)]);

  readonly compareReady = $derived(this.#compareA.read && this.#compareB.read && catalog.ready);
  /** The two weeks as scored (the household, with each member's own score). */
  readonly #scoredA: WeekScore = $derived(scoreMeals(this.weekA, this.#compareA.meals, this.#compareA.recipes));
  readonly #scoredB: WeekScore = $derived(scoreMeals(this.weekB, this.#compareB.meals, this.#compareB.recipes));
  /** The two weeks' figures for whoever the review shows. */
  readonly scoreA: WeekScore = $derived(this.of(this.#scoredA));
  readonly scoreB: WeekScore = $derived(this.of(this.#scoredB));

  /** Picks one side of the comparison by any date inside the week. */
  pick(side: 'a' | 'b', date: string): void {
    const start = weekStartOf(date, settings.current.weekStartDay);
    if (side === 'a') this.compareA = start;
    else this.compareB = start;
  }
}

export const history = new HistoryState();

/**
 * What to add next to the week on screen: single plants and library recipes
 * ranked by the plant points they would add (SCORING.md "Suggestions").
 */
export class SuggestionsState {
  // Resolved recipes by id, reused while the recipe and the catalog are unchanged.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #library = new Map<string, { updatedAt: string; parse: LineParser; lookup: FoodLookup; entry: LibraryRecipe }>();

  readonly library: LibraryRecipe[] = $derived.by(() => {
    const parse = catalog.parse;
    const lookup = catalog.lookup;
    const out = recipes.all.map((recipe) => {
      const held = this.#library.get(recipe.id);
      if (held && held.updatedAt === recipe.updatedAt && held.parse === parse && held.lookup === lookup) return held.entry;
      const entry = libraryRecipe(recipe, parse, lookup);
      this.#library.set(recipe.id, { updatedAt: recipe.updatedAt, parse, lookup, entry });
      return entry;
    });
    if (this.#library.size > out.length) {
      // A local copy while pruning deleted recipes, not state.
      // eslint-disable-next-line svelte/prefer-svelte-reactivity
      const kept = new Map(out.map((entry) => [entry.recipe.id, this.#library.get(entry.recipe.id)!]));
      this.#library.clear();
      for (const [id, held] of kept) this.#library.set(id, held);
    }
    return out;
  });

  readonly current: Suggestions = $derived(
    suggest(
      { plants: weekScore.score.plants, catalog: catalog.foods, recipes: this.library, days: plan.dates.length },
      catalog.lookup,
      scoringSettingsOf(settings.current),
      { crops: 8, recipes: 5 },
    ),
  );

  /** Adds a single food as a meal, one portion for each person, with Undo. */
  addFood(text: string, date: string, slot: string, label: string): Promise<void> {
    return this.#add({ date, slot, recipe: null, food: text, servings: members.portions, leftoverOf: null }, label);
  }

  /** Adds a recipe as a meal, one serving for each person, with Undo. */
  addRecipe(id: string, date: string, slot: string, label: string): Promise<void> {
    return this.#add({ date, slot, recipe: id, food: null, servings: members.portions, leftoverOf: null }, label);
  }

  async #add(meal: Omit<Meal, 'id'>, label: string): Promise<void> {
    const ids = await mealActions.add(meal);
    const rows = ids.map((id) => ({ ...meal, id }));
    undoStack.push(
      label,
      () => deleteMealRows(db, ids),
      () => addMeals(db, rows),
    );
  }
}

export const suggestions = new SuggestionsState();

/**
 * Fixes a line the scores could not count: saves a chosen food and/or grams on
 * the recipe as an override of that line, with Undo.
 */
export async function fixRecipeLine(line: UncountedLine, fix: { food?: string | null; grams?: number | null }): Promise<void> {
  if (!line.recipe) throw new Error('This line is a single food; change the meal’s text instead.');
  const recipe = await readRecipe(db, line.recipe.id);
  if (!recipe) throw new Error(`The recipe “${line.recipe.name}” no longer exists.`);
  if (fix.grams !== undefined && fix.grams !== null && !(Number.isFinite(fix.grams) && fix.grams >= 0)) {
    throw new Error('Grams must be a number, 0 or more.');
  }
  const before = recipe;
  const at = before.ingredients.findIndex((candidate) => candidate.id === line.lineId);
  if (at < 0) throw new Error(`The line “${line.text}” is no longer in “${line.recipe.name}”.`);
  const fixed = { ...before.ingredients[at], ...(fix.food !== undefined ? { food: fix.food } : {}) };
  if (fix.grams !== undefined) {
    if (fix.grams === null) delete fixed.grams;
    else fixed.grams = fix.grams;
  }
  const after = { ...before, ingredients: before.ingredients.map((candidate, index) => (index === at ? fixed : candidate)) };
  await recipes.save(after, before);
  const label =
    fix.food !== undefined
      ? fix.food === null
        ? `“${line.text}” is left out of the scores`
        : `“${line.text}” now counts as ${catalog.byId.get(fix.food)?.name ?? fix.food}`
      : `“${line.text}” set to ${fix.grams} g`;
  undoStack.push(
    label,
    () => putRecipeBack(db, before),
    () => recipes.save(after, before).then(() => undefined),
  );
}

/** Changes the text of a single-food meal (e.g. "1 apple" → "1 medium apple"), with Undo. */
export async function setMealFood(id: string, text: string): Promise<void> {
  const value = text.trim();
  if (value === '') throw new Error('Type what was eaten, e.g. “1 apple” or “100 g spinach”.');
  const old = await setFoodOfMeal(db, id, value);
  undoStack.push(
    `Changed “${old ?? ''}” to “${value}”`,
    () => setFoodOfMeal(db, id, old).then(() => undefined),
    () => setFoodOfMeal(db, id, value).then(() => undefined),
  );
}
