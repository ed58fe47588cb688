import { addDays, parseIsoDate } from '../../core/dates';
import { createIngredientParser } from '../../core/ingredients';
import { PlanFileError, readPlanFile, type PlanFile } from '../../core/plan/plan-file';
import { resolveMeals, type LineParser } from '../../core/plan/resolve';
import { buildShoppingList, type ShoppingList, type UnitSystem } from '../../core/shopping';
import { AISLES, type Food } from '../../core/types';
import { loadCatalog } from '../catalog';
import { CliError, readInputFile, type Command } from '../command';

/** Arguments of `shopping FILE [--from D --to D] [--units metric|us]`. */
export interface ShoppingArgs {
  file: string | undefined;
  from: string | null;
  to: string | null;
  units: UnitSystem;
}

const USAGE = 'usage: shopping FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--units metric|us]';

function checkDate(flag: string, value: string): string {
  if (parseIsoDate(value) === null) throw new CliError(`${flag}: "${value}" is not a date written YYYY-MM-DD`);
  return value;
}

/** Reads the command's arguments; anything unexpected is a CliError naming it. */
export function parseShoppingArgs(args: readonly string[]): ShoppingArgs {
  const result: ShoppingArgs = { file: undefined, from: null, to: null, units: 'metric' };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq === -1 ? arg : arg.slice(0, eq);
    if (flag === '--from' || flag === '--to' || flag === '--units') {
      const value = eq === -1 ? args[(i += 1)] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new CliError(`${flag} needs a value (${USAGE})`);
      if (flag === '--from') result.from = checkDate(flag, value);
      else if (flag === '--to') result.to = checkDate(flag, value);
      else if (value === 'metric' || value === 'us') result.units = value;
      else throw new CliError(`--units must be "metric" or "us", not "${value}"`);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CliError(`unknown option ${arg} (${USAGE})`);
    } else if (result.file === undefined) {
      result.file = arg;
    } else {
      throw new CliError(`unexpected argument "${arg}" (${USAGE})`);
    }
  }
  if (result.from !== null && result.to !== null && result.from > result.to) {
    throw new CliError(`--from ${result.from} is after --to ${result.to}`);
  }
  return result;
}

/**
 * The date range to shop for: both flags as given; one flag alone means the
 * seven days from (or up to) it; neither means the plan's week when it names
 * one, and every meal otherwise.
 */
export function shoppingRange(args: Pick<ShoppingArgs, 'from' | 'to'>, weekStart: string | null): { from: string | null; to: string | null } {
  if (args.from !== null && args.to !== null) return { from: args.from, to: args.to };
  if (args.from !== null) return { from: args.from, to: addDays(args.from, 6) };
  if (args.to !== null) return { from: addDays(args.to, -6), to: args.to };
  if (weekStart !== null) return { from: weekStart, to: addDays(weekStart, 6) };
  return { from: null, to: null };
}

/** Reads a plan file's text, turning what is wrong with it into a CliError naming the file. */
export function readShoppingPlan(text: string, file: string): PlanFile {
  try {
    return readPlanFile(text);
  } catch (error) {
    if (error instanceof PlanFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Builds a plan's shopping list over a catalog, with the default aisle order and no manual items. */
export function shoppingFromPlan(plan: PlanFile, args: ShoppingArgs, foods: readonly Food[], parse: LineParser): ShoppingList {
  const byId = new Map(foods.map((food) => [food.id, food]));
  const lookup = (id: string) => byId.get(id);
  const range = shoppingRange(args, plan.weekStart);
  const lines = resolveMeals(plan.meals, new Map(plan.recipes.map((recipe) => [recipe.id, recipe])), parse, lookup);
  return buildShoppingList({ lines, manual: [], ...range }, lookup, parse, { aisleOrder: AISLES, units: args.units });
}

/** `shopping FILE [--from D --to D] [--units metric|us]`: the plan's shopping list as JSON (FILE `-` reads stdin). */
export const command: Command = async (args, io) => {
  const options = parseShoppingArgs(args);
  const text = options.file === '-' ? io.stdin() : await readInputFile(options.file, 'plan file');
  const plan = readShoppingPlan(text, options.file ?? 'plan file');
  const foods = loadCatalog();
  return shoppingFromPlan(plan, options, foods, createIngredientParser(foods));
};
