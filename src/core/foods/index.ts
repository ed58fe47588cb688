export { catalogStats, indexFoods, isPlant, PLANT_GROUPS, validateCatalog } from './catalog';
export type { CatalogStats, FoodIndex } from './catalog';
