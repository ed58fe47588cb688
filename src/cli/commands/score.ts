import { createIngredientParser } from '../../core/ingredients/index';
import { PlanFileError, readPlanFile, type PlanFile } from '../../core/plan/plan-file';
import { DEFAULT_SCORING_SETTINGS, scorePlan, type ScoringSettings } from '../../core/scoring/index';
import { loadCatalog } from '../catalog';
import { CliError, readInputFile, type Command } from '../command';

/** `score FILE [--count-colours] [--fiber-per-1000-kcal]`: the week's scores per person as JSON. */
export const command: Command = async (args) => {
  const settings: ScoringSettings = { ...DEFAULT_SCORING_SETTINGS };
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--count-colours') settings.countColourVariants = true;
    else if (arg === '--fiber-per-1000-kcal') settings.fiberPer1000kcal = true;
    else if (arg.startsWith('--')) throw new CliError(`score: unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length > 1) throw new CliError('score: give one plan file');
  const text = await readInputFile(files[0], 'plan file');
  let plan: PlanFile;
  try {
    plan = readPlanFile(text);
  } catch (error) {
    if (error instanceof PlanFileError) throw new CliError(`${files[0]}: ${error.message}`);
    throw error;
  }
  const foods = loadCatalog();
  const byId = new Map(foods.map((food) => [food.id, food]));
  return scorePlan(plan, createIngredientParser(foods), (id) => byId.get(id), settings);
};
