export { buildShoppingList, normaliseText, stapleLimit, type ShoppingInput } from './build';
export { shoppingListToMarkdown, shoppingListToText, OTHER_HEADING, PANTRY_HEADING, type ExportOptions } from './export';
export type { ExtraAmount, ShoppingAisle, ShoppingItem, ShoppingList, ShoppingOptions, ShoppingSource, UnmatchedItem } from './types';
export { buyAmount, formatNumber, packLabel, pluralize, roundMetricUp, type BuyAmount, type UnitSystem } from './units';
export { addToPantry, checkPantryAmounts, needsOf, pantryForList, takeFromPantry, type PantryAmounts } from './pantry';
