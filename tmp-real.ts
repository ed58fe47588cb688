import { readFileSync } from 'node:fs';
import { createIngredientParser } from './src/core/ingredients';
import type { Food } from './src/core/types';
const foods = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const p = createIngredientParser(foods);
for (const l of process.argv.slice(2)) { const r = p(l); console.log(JSON.stringify([l, r.quantity, r.quantityMax, r.unit, r.food?.id ?? null, r.grams, r.optional, r.size, r.confidence, r.note])); }
