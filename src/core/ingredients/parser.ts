import type { Food, ParsedLine } from '../types';
import { gramsFor, measureGrams } from './grams';
import { buildAliasIndex, matchFood, type AliasIndex, type FruitPart } from './matcher';
import { parseQuantities, parseQuantity, type QuantityParse } from './quantity';
import { matchTokens } from './text';
import { canonicalUnit, unitInfo } from './units';

const LEADING_COUNT = /\b(pieces?|cloves?|stalks?|ribs?|sprigs?|heads?|bunch(?:es)?|slices?|fillets?|leaves|leaf|wedges?|sticks?|ears?|bulbs?)\s+(?:of\s+)?$/i;
const SPICE_UNITS: ReadonlySet<string> = new Set(['teaspoon', 'tablespoon', 'pinch', 'dash', 'gram']);

/** Lines remembered per parser; the oldest is dropped beyond this. */
const CACHE_LIMIT = 5000;

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** The catalog food holding a fruit's juice or zest ("lemon juice", "lime zest"), if there is one. */
function partFood(index: AliasIndex, food: Food, part: FruitPart): Food | null {
  const words = part === 'juice' ? ['juice'] : ['zest', 'peel', 'rind'];
  for (const name of [food.name, ...food.aliases]) {
    const base = matchTokens(name).join(' ');
    for (const word of words) {
      const found = index.byKey.get(`${base} ${word}`);
      if (found && found !== food) return found;
    }
  }
  return null;
}

function linePart(q: QuantityParse, matchPart: FruitPart | null, note: string | null): FruitPart | null {
  if (q.part) return q.part;
  if (matchPart) return matchPart;
  if (note && /\bjuiced\b/i.test(note)) return 'juice';
  return null;
}

function cleanNote(text: string): string | null {
  const note = text
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;)])/g, '$1')
    .replace(/^[\s,;:.\-–—)]+|[\s,;:\-–—(]+$/g, '')
    .trim();
  return note === '' ? null : note;
}

function emptyLine(input: string, q: QuantityParse | null): ParsedLine {
  return {
    input,
    quantity: q?.quantity ?? null,
    quantityMax: q?.quantityMax ?? null,
    unit: q?.unit ?? null,
    food: null,
    grams: null,
    optional: q?.optional ?? false,
    note: q ? cleanNote(q.description) : null,
    confidence: 0,
    size: q?.size ?? null,
  };
}

/** Parses one line against a prepared alias index (no caching). */
export function parseLineWith(index: AliasIndex, input: string, quantity?: QuantityParse): ParsedLine {
  if (typeof input !== 'string') return emptyLine(String(input), null);
  const q = quantity ?? parseQuantity(input);
  if (q.header) return emptyLine(input, q);
  let match = q.description === '' ? null : matchFood(index, q.description);
  if (!match && q.unit !== null && unitInfo(q.unit)?.kind === 'count') {
    // "2 cloves, crushed": the word read as a unit is the food.
    const unitAsFood = matchFood(index, q.unit);
    if (unitAsFood) {
      q.unit = null;
      match = { ...unitAsFood, start: 0, end: 0, confidence: Math.min(unitAsFood.confidence, 0.7) };
    }
  }
  if (!match) return emptyLine(input, q);
  let food = match.food;
  let unit = q.unit;
  if (unit === null && match.trailingUnit !== null) unit = match.trailingUnit;
  let prefix = q.description.slice(0, match.start);
  if (unit === null) {
    const before = LEADING_COUNT.exec(prefix);
    if (before) {
      unit = canonicalUnit(before[1]);
      prefix = prefix.slice(0, before.index);
    }
  }
  const matched = q.description.slice(match.start, match.end).toLowerCase();
  if (matched === 'pepper' || matched === 'peppers') {
    // Bare "pepper" by the spoon, pinch or to taste is black pepper, not a bell pepper.
    const spice = unit === null ? q.quantity === null : SPICE_UNITS.has(unit);
    if (spice) {
      const black = index.byKey.get('black pepper');
      if (!black) return emptyLine(input, q);
      food = black;
    }
  }
  const noteText = `${prefix} ${q.description.slice(match.end)}`;
  const note = cleanNote(noteText);
  const part = linePart(q, match.part, note);

  let grams: number | null;
  if (part !== null) {
    const source = partFood(index, food, part);
    const kind = unit !== null ? unitInfo(unit)?.kind : undefined;
    if (kind === 'mass') grams = gramsFor(food, q.quantity, unit, q.size);
    else if (source === null) grams = null;
    else if (unit === null) {
      const perFruit = source.portions.piece;
      grams = q.quantity === null || perFruit === undefined ? null : q.quantity * perFruit;
    } else grams = gramsFor(source, q.quantity, unit, q.size);
  } else if (q.total !== null) {
    grams = measureGrams(food, q.total);
  } else {
    grams = gramsFor(food, q.quantity, unit, q.size, q.pack);
  }
  if (grams !== null && q.extra !== null && q.total === null) {
    const extra = measureGrams(food, q.extra);
    grams = extra === null ? grams : grams + extra;
  }
  return {
    input,
    quantity: q.quantity === null ? null : round(q.quantity, 3),
    quantityMax: q.quantityMax === null ? null : round(q.quantityMax, 3),
    unit,
    food: { id: food.id, name: food.name },
    grams: grams === null || !Number.isFinite(grams) ? null : round(grams, 1),
    optional: q.optional,
    note,
    confidence: match.confidence,
    size: q.size,
  };
}

/** A line parser that can also take many lines at once (cheaper than one by one). */
export interface IngredientParser {
  (line: string): ParsedLine;
  /** Parses and remembers every line not remembered yet, in one pass. */
  prime(lines: readonly string[]): void;
}

/**
 * A line parser bound to a catalog: builds the alias index once and
 * remembers recent lines, so re-scoring a week costs almost nothing.
 */
export function createIngredientParser(foods: readonly Food[]): IngredientParser {
  const index = buildAliasIndex(foods);
  const cache = new Map<string, ParsedLine>();
  const remember = (line: string, parsed: ParsedLine) => {
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(line, parsed);
  };
  const parse = (line: string, quantity?: QuantityParse): ParsedLine => {
    let parsed: ParsedLine;
    try {
      parsed = parseLineWith(index, line, quantity);
    } catch {
      parsed = emptyLine(typeof line === 'string' ? line : String(line), null);
    }
    remember(line, parsed);
    return parsed;
  };
  const parser = (line: string) => cache.get(line) ?? parse(line);
  parser.prime = (lines: readonly string[]) => {
    const missing = [...new Set(lines.filter((line) => typeof line === 'string' && !cache.has(line)))].slice(0, CACHE_LIMIT);
    if (missing.length < 2) return;
    let quantities: QuantityParse[];
    try {
      quantities = parseQuantities(missing);
    } catch {
      // One bad line must not cost the others: they are read one by one when asked for.
      return;
    }
    missing.forEach((line, i) => parse(line, quantities[i]));
  };
  return parser;
}
