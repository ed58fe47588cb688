export { isCooked } from './cooked';
export { cropKey, expandFood } from './expand';
export { compareText, round, scoreWeek, type WeekInput } from './score-week';
export { DEFAULT_SCORING_SETTINGS, DEFAULT_SLOTS, FIBER_PER_1000_KCAL, type ScoringSettings } from './settings';
export {
  libraryRecipe,
  suggest,
  type CropSuggestion,
  type LibraryRecipe,
  type RecipeSuggestion,
  type SuggestInput,
  type SuggestOptions,
  type Suggestions,
} from './suggest';
export type * from './types';
export { scorePlan, type PlanScore } from './plan';
export {
  earlierCrops,
  memberSettings,
  scoredCrops,
  scoreWeekMeals,
  scoringSettingsOf,
  type ScoredWeek,
  type ScoreOptions,
  type WeekToScore,
} from './week';
export {
  estimateMedas,
  MEDAS_SERVINGS,
  type MedasEstimate,
  type MedasFood,
  type MedasInput,
  type MedasItem,
  type MedasItemId,
  type MedasStatus,
} from './medas';
