import { readFileSync } from 'node:fs';
import { buildAliasIndex, parseLineWith } from './src/core/ingredients';
import type { Food } from './src/core/types';
const foods = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const idx = buildAliasIndex(foods);
const csv = readFileSync('../shared/data/nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv', 'utf8');
const lines = csv.split('\n').slice(1).map((l) => l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0]).filter(Boolean);
for (let r = 0; r < 6; r++) for (const l of lines) parseLineWith(idx, l);
