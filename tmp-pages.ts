import { readFileSync, readdirSync } from 'node:fs';
import { createIngredientParser } from './src/core/ingredients';
import type { Food } from './src/core/types';
const foods = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const p = createIngredientParser(foods);
const dir = '../shared/data/recipe-pages';
let n = 0;
for (const site of readdirSync(dir, { withFileTypes: true })) {
  if (!site.isDirectory()) continue;
  for (const f of readdirSync(`${dir}/${site.name}`)) {
    if (!f.endsWith('.json')) continue;
    const page = JSON.parse(readFileSync(`${dir}/${site.name}/${f}`, 'utf8'));
    if (!String(page.language).startsWith('en')) continue;
    for (const l of page.ingredients) {
      const r = p(l);
      if (process.argv[2] === 'q' && r.quantity === null) console.log('Q?', l);
      if (process.argv[2] === 'all') console.log(l, '=>', r.quantity, r.quantityMax, r.unit, r.food?.id ?? null, r.grams, r.size, r.optional ? 'OPT' : '', '|', r.note);
      if (process.argv[2] === 'miss' && !r.food) console.log(l, '=>', r.quantity, r.unit, '|', r.note);
    }
  }
}
