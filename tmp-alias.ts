import { readFileSync } from 'node:fs';
import { buildAliasIndex, matchTokens } from './src/core/ingredients';
import type { Food } from './src/core/types';
const foods = JSON.parse(readFileSync('resources/foods/catalog.json', 'utf8')) as Food[];
const idx = buildAliasIndex(foods);
for (const w of process.argv.slice(2)) { const k = matchTokens(w).join(' '); const f = idx.byKey.get(k); console.log(w, '->', k, '->', f ? f.id : null); }
