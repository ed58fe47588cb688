import { readFileSync } from 'node:fs';
import { parseIngredient } from 'parse-ingredient';
import { buildAliasIndex, matchFood, parseQuantity, parseLineWith } from './src/core/ingredients';
import type { Food } from './src/core/types';
const foods = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const idx = buildAliasIndex(foods);
const csv = readFileSync('../shared/data/nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv', 'utf8');
const lines = csv.split('\n').slice(1).map((l) => l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0]).filter(Boolean);
const descs = lines.map((l) => parseQuantity(l).description);
function t(name: string, f: () => void) { let best = Infinity; for (let r = 0; r < 5; r++) { const t0 = performance.now(); f(); best = Math.min(best, performance.now() - t0); } console.log(name, Math.round(lines.length / (best / 1000)), 'lines/s'); }
t('lib', () => { for (const l of lines) parseIngredient(l); });
t('lib+opts', () => { for (const l of lines) parseIngredient(l, { normalizeUOM: true, additionalUOMs: {} }); });
t('parseQuantity', () => { for (const l of lines) parseQuantity(l); });
t('matchFood', () => { for (const d of descs) matchFood(idx, d); });
t('full', () => { for (const l of lines) parseLineWith(idx, l); });
