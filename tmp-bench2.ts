import { readFileSync } from 'node:fs';
import { parseIngredient } from 'parse-ingredient';
const csv = readFileSync('../shared/data/nyt-ingredients/nyt-ingredients-snapshot-2015-last10pct.csv', 'utf8');
const lines = csv.split('\n').slice(1).map((l) => l.startsWith('"') ? l.slice(1, l.indexOf('"', 1)) : l.split(',')[0]).filter(Boolean);
function t(name: string, f: () => void) { let best = Infinity; for (let r = 0; r < 4; r++) { const t0 = performance.now(); f(); best = Math.min(best, performance.now() - t0); } console.log(name, Math.round(lines.length / (best / 1000)), 'lines/s'); }
const ign = { ignoreUOMs: ['small', 'medium', 'large', 'in', 'cm'] };
const lead = { leadingQuantityPrefixes: ['approximately', 'about', 'heaping'] };
const gh = { groupHeaderPatterns: [/^\u0000/] };
const add = { additionalUOMs: { tin: { short: 'tin', plural: 'tins', alternates: [] } } };
t('base', () => { for (const l of lines) parseIngredient(l); });
t('ignore', () => { for (const l of lines) parseIngredient(l, ign); });
t('lead', () => { for (const l of lines) parseIngredient(l, lead); });
t('gh', () => { for (const l of lines) parseIngredient(l, gh); });
t('add', () => { for (const l of lines) parseIngredient(l, add); });
