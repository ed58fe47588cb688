import * as v from 'valibot';
import { mealSchema as backupMeal, recipeSchema as backupRecipe, recipeV1Schema } from '../backup/schema';
import { printable } from '../format';
import { lineTexts, linesFromTexts } from '../recipes/lines';
import type { Meal, Recipe } from '../types';

/** Format tag of the plan file (DESIGN.md), also the app's "export this week" format. */
export const PLAN_FORMAT = 'thirtyfold.plan/1';

// Every field takes the values a backup takes (one set of limits for every write): the same schemas.
const recipeField = backupRecipe.entries;
const mealField = backupMeal.entries;

const recipeSchema = v.object({
  id: recipeField.id,
  name: recipeField.name,
  servings: recipeField.servings,
  // The plan file keeps ingredient lines as plain strings, with the limits backups gave them.
  ingredients: recipeV1Schema.entries.ingredients,
  steps: v.optional(recipeField.steps),
  tags: v.optional(recipeField.tags),
  source: v.optional(recipeField.source),
});

const mealSchema = v.pipe(
  v.object({
    date: mealField.date,
    slot: mealField.slot,
    recipe: v.optional(recipeField.id),
    food: v.optional(v.nonNullable(mealField.food)),
    servings: v.optional(mealField.servings),
  }),
  v.check((meal) => (meal.recipe === undefined) !== (meal.food === undefined), 'needs exactly one of "recipe" or "food"'),
);

const planSchema = v.object({
  format: v.literal(PLAN_FORMAT, `must be "${PLAN_FORMAT}"`),
  people: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'), v.maxValue(100))),
  weekStart: v.optional(mealField.date),
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

/** A refusal whose text came partly from the file: control and direction characters are escaped. */
function refuse(message: string): PlanFileError {
  return new PlanFileError(printable(message));
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
    throw refuse(`not valid JSON: ${(error as Error).message}`);
  }
  const result = v.safeParse(planSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw refuse(path ? `${path}: ${issue.message}` : issue.message);
  }
  const plan = result.output;
  const recipes: Recipe[] = (plan.recipes ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    servings: r.servings,
    ingredients: linesFromTexts(r.ingredients),
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
    if (ids.has(recipe.id)) throw refuse(`recipes: duplicate recipe id ${JSON.stringify(recipe.id)}`);
    ids.add(recipe.id);
  }
  const people = plan.people ?? 1;
  const meals: Meal[] = plan.meals.map((m, index) => {
    if (m.recipe !== undefined && !ids.has(m.recipe)) {
      throw refuse(`meals.${index}.recipe: unknown recipe id ${JSON.stringify(m.recipe)}`);
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
        ingredients: lineTexts(r.ingredients),
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
