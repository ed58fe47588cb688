import * as v from 'valibot';
import { parseIsoDate } from '../dates';
import type { Meal, Recipe } from '../types';

/** Format tag of the plan file (DESIGN.md), also the app's "export this week" format. */
export const PLAN_FORMAT = 'thirtyfold.plan/1';

const isoDate = v.pipe(
  v.string(),
  v.check((text) => parseIsoDate(text) !== null, 'must be a date written YYYY-MM-DD'),
);
const positive = v.pipe(v.number(), v.finite(), v.minValue(0, 'must not be negative'));

const recipeSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  name: v.pipe(v.string(), v.maxLength(500)),
  servings: v.pipe(positive, v.minValue(0.001, 'must be more than 0')),
  ingredients: v.array(v.pipe(v.string(), v.maxLength(10_000))),
  steps: v.optional(v.array(v.string())),
  tags: v.optional(v.array(v.string())),
  source: v.optional(v.nullable(v.string())),
});

const mealSchema = v.pipe(
  v.object({
    date: isoDate,
    slot: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    recipe: v.optional(v.string()),
    food: v.optional(v.string()),
    servings: v.optional(positive),
  }),
  v.check((meal) => (meal.recipe === undefined) !== (meal.food === undefined), 'needs exactly one of "recipe" or "food"'),
);

const planSchema = v.object({
  format: v.literal(PLAN_FORMAT, `must be "${PLAN_FORMAT}"`),
  people: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'), v.maxValue(100))),
  weekStart: v.optional(isoDate),
  recipes: v.optional(v.array(recipeSchema)),
  meals: v.array(mealSchema),
});

/** A validated plan file, normalised to the domain types. */
export interface PlanFile {
  people: number;
  weekStart: string | null;
  recipes: Recipe[];
  meals: Meal[];
}

/** Thrown for a plan file that cannot be used; the message is one line for the user. */
export class PlanFileError extends Error {
  override name = 'PlanFileError';
}

/**
 * Reads a plan file's text. Throws PlanFileError naming what is wrong
 * (unreadable JSON, wrong format, a bad field with its path, an unknown recipe id).
 */
export function readPlanFile(text: string): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`not valid JSON: ${(error as Error).message}`);
  }
  const result = v.safeParse(planSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new PlanFileError(path ? `${path}: ${issue.message}` : issue.message);
  }
  const plan = result.output;
  const recipes: Recipe[] = (plan.recipes ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    servings: r.servings,
    ingredients: r.ingredients,
    steps: r.steps ?? [],
    tags: r.tags ?? [],
    source: r.source ?? null,
    prepMinutes: null,
    cookMinutes: null,
    createdAt: '',
    updatedAt: '',
  }));
  const ids = new Set<string>();
  for (const recipe of recipes) {
    if (ids.has(recipe.id)) throw new PlanFileError(`recipes: duplicate recipe id "${recipe.id}"`);
    ids.add(recipe.id);
  }
  const people = plan.people ?? 1;
  const meals: Meal[] = plan.meals.map((m, index) => {
    if (m.recipe !== undefined && !ids.has(m.recipe)) {
      throw new PlanFileError(`meals.${index}.recipe: unknown recipe id "${m.recipe}"`);
    }
    return {
      id: `m${index + 1}`,
      date: m.date,
      slot: m.slot,
      recipe: m.recipe ?? null,
      food: m.food ?? null,
      servings: m.servings ?? people,
    };
  });
  return { people, weekStart: plan.weekStart ?? null, recipes, meals };
}

/** Writes a plan file (the inverse of readPlanFile for the fields it carries). */
export function writePlanFile(plan: PlanFile): string {
  return JSON.stringify(
    {
      format: PLAN_FORMAT,
      people: plan.people,
      ...(plan.weekStart ? { weekStart: plan.weekStart } : {}),
      recipes: plan.recipes.map((r) => ({
        id: r.id,
        name: r.name,
        servings: r.servings,
        ingredients: r.ingredients,
        ...(r.steps.length ? { steps: r.steps } : {}),
        ...(r.tags.length ? { tags: r.tags } : {}),
        ...(r.source ? { source: r.source } : {}),
      })),
      meals: plan.meals.map((m) => ({
        date: m.date,
        slot: m.slot,
        ...(m.recipe !== null ? { recipe: m.recipe } : { food: m.food ?? '' }),
        servings: m.servings,
      })),
    },
    null,
    2,
  );
}
