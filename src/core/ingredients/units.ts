import { lookupTable } from './text';
import type { PortionUnit } from '../types';

/** What a canonical unit measures. */
export type UnitKind = 'mass' | 'volume' | 'count';

export interface UnitInfo {
  /** Canonical singular English name. */
  name: string;
  kind: UnitKind;
  /** Grams per unit for mass units, millilitres per unit for volume units, 1 for counts. */
  factor: number;
}

/** One US cup in millilitres, the basis of every volume conversion. */
export const CUP_ML = 236.6;
const TSP_ML = CUP_ML / 48;

/** Canonical units with their spellings (lower-case unless case matters, see below). */
const UNIT_TABLE: ReadonlyArray<[string, UnitKind, number, string[]]> = [
  ['gram', 'mass', 1, ['g', 'g.', 'gr', 'gr.', 'gm', 'gms', 'gram', 'grams', 'gramme', 'grammes']],
  ['kilogram', 'mass', 1000, ['kg', 'kg.', 'kgs', 'kilo', 'kilos', 'kilogram', 'kilograms', 'kilogramme', 'kilogrammes']],
  ['milligram', 'mass', 0.001, ['mg', 'mg.', 'milligram', 'milligrams']],
  ['ounce', 'mass', 28.349523125, ['oz', 'oz.', 'ozs', 'ozs.', 'ounce', 'ounces']],
  ['pound', 'mass', 453.59237, ['lb', 'lb.', 'lbs', 'lbs.', 'pound', 'pounds']],
  ['teaspoon', 'volume', TSP_ML, ['tsp', 'tsp.', 'tsps', 'tsps.', 'tspn', 'teaspoon', 'teaspoons', 'teaspoonful', 'teaspoonfuls']],
  ['tablespoon', 'volume', TSP_ML * 3, ['tbsp', 'tbsp.', 'tbsps', 'tbsps.', 'tbs', 'tbs.', 'tbl', 'tbl.', 'tbls', 'tblsp', 'tblsp.', 'tablespoon', 'tablespoons', 'tablespoonful', 'tablespoonfuls']],
  ['cup', 'volume', CUP_ML, ['c', 'c.', 'cup', 'cups']],
  ['fluid ounce', 'volume', CUP_ML / 8, ['fl oz', 'fl. oz', 'fl. oz.', 'fl.oz', 'fl.oz.', 'fl oz.', 'floz', 'fluid ounce', 'fluid ounces', 'fl ounce', 'fl ounces']],
  ['pint', 'volume', CUP_ML * 2, ['pt', 'pt.', 'pint', 'pints']],
  ['quart', 'volume', CUP_ML * 4, ['qt', 'qt.', 'qts', 'qts.', 'quart', 'quarts']],
  ['gallon', 'volume', CUP_ML * 16, ['gal', 'gal.', 'gallon', 'gallons']],
  ['milliliter', 'volume', 1, ['ml', 'ml.', 'mls', 'milliliter', 'milliliters', 'millilitre', 'millilitres']],
  ['centiliter', 'volume', 10, ['cl', 'cl.', 'centiliter', 'centiliters', 'centilitre', 'centilitres']],
  ['deciliter', 'volume', 100, ['dl', 'dl.', 'deciliter', 'deciliters', 'decilitre', 'decilitres']],
  ['liter', 'volume', 1000, ['l', 'l.', 'ltr', 'liter', 'liters', 'litre', 'litres']],
  ['pinch', 'volume', TSP_ML / 16, ['pinch', 'pinches']],
  ['dash', 'volume', TSP_ML / 8, ['dash', 'dashes']],
  ['drop', 'volume', 0.05, ['drop', 'drops']],
  ['clove', 'count', 1, ['clove', 'cloves']],
  ['can', 'count', 1, ['can', 'cans', 'tin', 'tins']],
  ['jar', 'count', 1, ['jar', 'jars']],
  ['package', 'count', 1, ['package', 'packages', 'pkg', 'pkg.', 'pkgs', 'pkgs.', 'pack', 'packs', 'packet', 'packets', 'envelope', 'envelopes', 'sachet', 'sachets']],
  ['bag', 'count', 1, ['bag', 'bags']],
  ['box', 'count', 1, ['box', 'boxes']],
  ['carton', 'count', 1, ['carton', 'cartons']],
  ['container', 'count', 1, ['container', 'containers', 'tub', 'tubs']],
  ['bottle', 'count', 1, ['bottle', 'bottles']],
  ['bunch', 'count', 1, ['bunch', 'bunches']],
  ['head', 'count', 1, ['head', 'heads']],
  ['stalk', 'count', 1, ['stalk', 'stalks', 'rib', 'ribs']],
  ['sprig', 'count', 1, ['sprig', 'sprigs']],
  ['slice', 'count', 1, ['slice', 'slices']],
  ['handful', 'count', 1, ['handful', 'handfuls']],
  ['piece', 'count', 1, ['piece', 'pieces', 'pc', 'pc.', 'pcs', 'pcs.']],
  ['stick', 'count', 1, ['stick', 'sticks']],
  ['leaf', 'count', 1, ['leaf', 'leaves']],
  ['ear', 'count', 1, ['ear', 'ears']],
  ['fillet', 'count', 1, ['fillet', 'fillets', 'filet', 'filets']],
  ['wedge', 'count', 1, ['wedge', 'wedges']],
  ['strip', 'count', 1, ['strip', 'strips']],
  ['sheet', 'count', 1, ['sheet', 'sheets']],
  ['loaf', 'count', 1, ['loaf', 'loaves']],
  ['bulb', 'count', 1, ['bulb', 'bulbs']],
  ['branch', 'count', 1, ['branch', 'branches']],
  ['scoop', 'count', 1, ['scoop', 'scoops']],
  ['knob', 'count', 1, ['knob', 'knobs']],
  ['splash', 'count', 1, ['splash', 'splashes']],
  ['dozen', 'count', 12, ['dozen', 'dozens', 'dz', 'dz.']],
];

/** Spellings whose case matters: capital T is a tablespoon, small t a teaspoon. */
const CASE_SENSITIVE = lookupTable<string>({
  T: 'tablespoon',
  'T.': 'tablespoon',
  Tb: 'tablespoon',
  'Tb.': 'tablespoon',
  t: 'teaspoon',
  't.': 'teaspoon',
  C: 'cup',
  'C.': 'cup',
});

const BY_NAME = new Map<string, UnitInfo>();
const BY_SPELLING = new Map<string, string>();
for (const [name, kind, factor, spellings] of UNIT_TABLE) {
  BY_NAME.set(name, { name, kind, factor });
  BY_SPELLING.set(name, name);
  for (const spelling of spellings) BY_SPELLING.set(spelling, name);
}

/** Units that hold a packaged amount (a can, a jar): a stated pack size gives their weight. */
export const CONTAINER_UNITS: ReadonlySet<string> = new Set(['can', 'jar', 'package', 'bag', 'box', 'carton', 'container', 'bottle']);

/**
 * The canonical singular name of a unit spelling ("Tbsp." → "tablespoon",
 * "T" → "tablespoon", "t" → "teaspoon", "lbs" → "pound", "tins" → "can"), or null.
 */
export function canonicalUnit(raw: string): string | null {
  const trimmed = raw.trim();
  const exact = CASE_SENSITIVE[trimmed];
  if (exact) return exact;
  const lower = trimmed.toLowerCase().replace(/\s+/g, ' ');
  return BY_SPELLING.get(lower) ?? null;
}

/** Kind and conversion factor of a canonical unit name, or undefined. */
export function unitInfo(name: string): UnitInfo | undefined {
  return BY_NAME.get(name);
}

/** The food portion a count unit reads, if any. */
export function portionFor(unit: string): PortionUnit | null {
  switch (unit) {
    case 'piece':
    case 'clove':
    case 'slice':
    case 'bunch':
    case 'head':
    case 'stalk':
    case 'sprig':
    case 'leaf':
    case 'handful':
    case 'can':
    case 'package':
    case 'stick':
    case 'ear':
    case 'fillet':
    case 'pinch':
      return unit;
    case 'bag':
    case 'box':
    case 'carton':
    case 'container':
      return 'package';
    default:
      return null;
  }
}
