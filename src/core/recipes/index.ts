/** Recipe library helpers: search, scaling, ingredient line records and a recipe's own scores. */
export {
  buildSearchIndex,
  documentTokens,
  searchRecipes,
  searchTokens,
  FIELD_INGREDIENT,
  FIELD_NAME,
  FIELD_PLANT,
  type SearchDocument,
  type SearchIndex,
  type SearchResult,
} from './search-index';
export { formatAmount, hasAmount, readAmount, scaleLine, scaleRecipe } from './scale';
export {
  compactReading,
  expandReading,
  hasFix,
  isParseCurrent,
  lineTexts,
  linesFromLegacy,
  linesFromTexts,
  parseKey,
  readLines,
  reconcileLines,
  storedParse,
  tidyLines,
  type LegacyOverrides,
} from './lines';
export { isHeaderOrBlank, recipeSummary, type RecipeSummary } from './summary';
export { searchFoods } from './food-search';
export {
  filterRecipes,
  lastUsedDates,
  libraryCrops,
  libraryTags,
  newPlants,
  orderRecipes,
  type OrderOptions,
  type RecipeFilter,
  type RecipeSort,
} from './library';
export {
  emptyRecipeForm,
  readRecipeForm,
  readTags,
  recipeFieldsOf,
  recipeFormOf,
  validateRecipeForm,
  type RecipeFormErrors,
  type RecipeFormValues,
} from './form';
