import * as v from 'valibot';
import { mealSchema as backupMeal, memberSchema as backupMember, recipeSchema as backupRecipe, recipeV1Schema } from '../backup/schema';
import { defaultFiberTarget, MEMBER_LIMITS, mealPortions, membersFromPeople } from '../members';
import { printable } from '../format';
import { lineTexts, linesFromTexts } from '../recipes/lines';
import type { Meal, Member, Recipe } from '../types';

/** Format tag of the plan file (DESIGN.md), also the app's "export this week" format: version 2 carries the household's members. */
export const PLAN_FORMAT = 'thirtyfold.plan/2';
/** The first version: a household of `people` adults at every meal. Still read. */
export const PLAN_FORMAT_V1 = 'thirtyfold.plan/1';

// Every field takes the values a backup takes (one set of limits for every write): the same schemas.
const recipeField = backupRecipe.entries;
const mealField = backupMeal.entries;
const memberField = backupMember.entries;

const memberSchema = v.object({
  id: memberField.id,
  name: memberField.name,
  portion: v.optional(memberField.portion),
  fiberTarget: v.optional(memberField.fiberTarget),
  ageBand: v.optional(memberField.ageBand),
  sex: v.optional(memberField.sex),
});

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
    eaters: mealField.eaters,
    guests: mealField.guests,
  }),
  v.check((meal) => (meal.recipe === undefined) !== (meal.food === undefined), 'needs exactly one of "recipe" or "food"'),
);

const planSchema = v.object({
  format: v.picklist([PLAN_FORMAT, PLAN_FORMAT_V1], `must be "${PLAN_FORMAT}" (or "${PLAN_FORMAT_V1}")`),
  people: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be at least 1'), v.maxValue(100))),
  members: v.optional(v.pipe(v.array(memberSchema), v.minLength(1, 'must list at least one member'), v.maxLength(MEMBER_LIMITS.members))),
  weekStart: v.optional(mealField.date),
  recipes: v.optional(v.array(recipeSchema)),
  meals: v.array(mealSchema),
});

/** A validated plan file, normalised to the domain types. */
export interface PlanFile {
  /** How many members the household has. */
  people: number;
  /** The household: the file's members, or `people` adults (format /1, or no members given; also when left out here). */
  members?: Member[];
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
  if (plan.format === PLAN_FORMAT_V1 && plan.members) throw refuse(`members: a "${PLAN_FORMAT_V1}" file has no members; write "${PLAN_FORMAT}"`);
  const members: Member[] = plan.members
    ? plan.members.map((m, index) => {
        const ageBand = m.ageBand ?? '19-50';
        const sex = m.sex ?? 'unspecified';
        return { id: m.id, name: m.name, portion: m.portion ?? 1, fiberTarget: m.fiberTarget ?? defaultFiberTarget(ageBand, sex), ageBand, sex, order: index + 1 };
      })
    : membersFromPeople(plan.people ?? 1, defaultFiberTarget('19-50', 'unspecified'));
  const memberIds = new Set<string>();
  for (const member of members) {
    if (memberIds.has(member.id)) throw refuse(`members: duplicate member id ${JSON.stringify(member.id)}`);
    memberIds.add(member.id);
  }
  const meals: Meal[] = plan.meals.map((m, index) => {
    if (m.recipe !== undefined && !ids.has(m.recipe)) {
      throw refuse(`meals.${index}.recipe: unknown recipe id ${JSON.stringify(m.recipe)}`);
    }
    const unknown = m.eaters?.find((id) => !memberIds.has(id));
    if (unknown !== undefined) throw refuse(`meals.${index}.eaters: unknown member id ${JSON.stringify(unknown)}`);
    const eating = { ...(m.eaters !== undefined ? { eaters: m.eaters } : {}), ...(m.guests ? { guests: m.guests } : {}) };
    const portions = mealPortions(eating, members);
    if (m.servings === undefined && !(portions > 0)) throw refuse(`meals.${index}: nobody eats it (no eaters, no guests) and no servings are given`);
    return {
      id: `m${index + 1}`,
      date: m.date,
      slot: m.slot,
      recipe: m.recipe ?? null,
      food: m.food ?? null,
      // Without servings a meal is for the portions at it: two adults and a child at 0.5 eat 2.5.
      servings: m.servings ?? portions,
      ...eating,
    };
  });
  return { people: members.length, members, weekStart: plan.weekStart ?? null, recipes, meals };
}

/** Writes a plan file in the current format (the inverse of readPlanFile for the fields it carries). */
export function writePlanFile(plan: Omit<PlanFile, 'people'> & { people?: number }): string {
  const members = plan.members ?? membersFromPeople(plan.people ?? 1, defaultFiberTarget('19-50', 'unspecified'));
  const ids = new Set(members.map((member) => member.id));
  return JSON.stringify(
    {
      format: PLAN_FORMAT,
      members: members.map((m) => ({ id: m.id, name: m.name, portion: m.portion, fiberTarget: m.fiberTarget, ageBand: m.ageBand, sex: m.sex })),
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
        // Ids of members no longer in the household are left out, as the app ignores them.
        ...(m.eaters !== undefined ? { eaters: m.eaters.filter((id) => ids.has(id)) } : {}),
        ...(m.guests ? { guests: m.guests } : {}),
      })),
    },
    null,
    2,
  );
}
