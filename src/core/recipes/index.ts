/** Recipe library helpers: search, scaling, per-line overrides and a recipe's own scores. */
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
export { compactLines, remapOverrides, type Overrides } from './overrides';
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
