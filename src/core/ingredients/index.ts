/** Ingredient lines: quantity and unit grammar, food matching, gram conversion. */
export { createIngredientParser, parseLineWith } from './parser';
export { parseQuantity, parseNumber, type QuantityParse, type Measure, type Size } from './quantity';
export { canonicalUnit, unitInfo, CUP_ML, type UnitInfo, type UnitKind } from './units';
export { buildAliasIndex, matchFood, type AliasIndex, type FoodMatch, type FruitPart } from './matcher';
export { gramsFor, measureGrams } from './grams';
export { matchTokens, singularize } from './text';
