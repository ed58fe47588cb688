import { lookupTable } from './text';
import { parseIngredient, type UnitOfMeasureDefinitions } from 'parse-ingredient';
import type { FruitPart } from './matcher';
import { canonicalUnit, CONTAINER_UNITS, unitInfo } from './units';

export type Size = 'small' | 'medium' | 'large';

/** An amount with its unit, e.g. the "15-ounce" of "1 (15-ounce) can". */
export interface Measure {
  amount: number;
  unit: string;
}

/** The amount part of an ingredient line, and the text left for the food. */
export interface QuantityParse {
  quantity: number | null;
  quantityMax: number | null;
  /** Canonical unit name or null. */
  unit: string | null;
  size: Size | null;
  /** The rest of the line: food words, preparation and notes. */
  description: string;
  /** Size of one item when the line states it: "1 (15-ounce) can", "2 x 400g tins". */
  pack: Measure | null;
  /** The weight of the whole line when the recipe states it: "1 cup (240 g) cream", "½ cup sugar (100g)". */
  total: Measure | null;
  /** A second amount to add: the "2 tablespoons" of "1 cup plus 2 tablespoons". */
  extra: Measure | null;
  /** "Juice of 1 lemon" → juice. */
  part: FruitPart | null;
  optional: boolean;
  /** A heading such as "For the sauce:" rather than an ingredient. */
  header: boolean;
}

/** Longest text the grammar reads; anything beyond is ignored. */
const MAX_LINE = 400;

const WORD_NUMBERS = lookupTable<number>({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
});
const NUMBER_WORD = '(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)';

const SIZES = lookupTable<Size | 'none'>({
  small: 'small',
  smallish: 'small',
  'small-size': 'small',
  'small-sized': 'small',
  sm: 'small',
  'sm.': 'small',
  medium: 'medium',
  'medium-size': 'medium',
  'medium-sized': 'medium',
  med: 'medium',
  'med.': 'medium',
  md: 'medium',
  large: 'large',
  'large-size': 'large',
  'large-sized': 'large',
  'extra-large': 'large',
  xl: 'large',
  lg: 'large',
  'lg.': 'large',
  jumbo: 'large',
  big: 'large',
  'good-size': 'none',
  plump: 'none',
  'good-sized': 'none',
});

const DESCRIPTORS = new Set([
  'thick',
  'thin',
  'thinly',
  'thickly',
  'very',
  'fat',
  'long',
  'short',
  'heaping',
  'heaped',
  'level',
  'scant',
  'rounded',
  'generous',
  'good',
  'packed',
  'firmly',
  'lightly',
  'loosely',
  'well-packed',
  'tightly',
  'full',
  'about',
  'approximately',
  'approx.',
  'roughly',
  'extra',
]);

const UOMS: UnitOfMeasureDefinitions = {
  tablespoon: { short: 'tbsp', plural: 'tablespoons', alternates: ['tbsp.', 'T', 'T.', 'Tb', 'Tb.', 'Tbsp.', 'Tbsp', 'tbs', 'tbs.', 'Tbs', 'Tbs.', 'tbl', 'tbl.', 'tbls', 'tblsp', 'tblsp.', 'tbsps', 'tablespoonful', 'tablespoonfuls'], type: 'volume' },
  teaspoon: { short: 'tsp', plural: 'teaspoons', alternates: ['tsp.', 't', 't.', 'tsps', 'tsps.', 'tspn', 'teaspoonful', 'teaspoonfuls'], type: 'volume' },
  gram: { short: 'g', plural: 'grams', alternates: ['g.', 'gr', 'gr.', 'gm', 'gms', 'gramme', 'grammes'], type: 'mass' },
  kilogram: { short: 'kg', plural: 'kilograms', alternates: ['kg.', 'kgs', 'kilo', 'kilos'], type: 'mass' },
  ounce: { short: 'oz', plural: 'ounces', alternates: ['oz.', 'ozs', 'ozs.'], type: 'mass' },
  liter: { short: 'l', plural: 'liters', alternates: ['l.', 'L', 'ltr', 'litre', 'litres'], type: 'volume' },
  milliliter: { short: 'ml', plural: 'milliliters', alternates: ['mL', 'ml.', 'mL.', 'mls', 'millilitre', 'millilitres'], type: 'volume' },
  centiliter: { short: 'cl', plural: 'centiliters', alternates: ['cl.', 'centilitre', 'centilitres'], type: 'volume' },
  deciliter: { short: 'dl', plural: 'deciliters', alternates: ['dl.', 'decilitre', 'decilitres'], type: 'volume' },
  can: { short: 'can', plural: 'cans', alternates: ['tin', 'tins'], type: 'count' },
  jar: { short: 'jar', plural: 'jars', alternates: [], type: 'count' },
  bottle: { short: 'bottle', plural: 'bottles', alternates: [], type: 'count' },
  package: { short: 'pkg', plural: 'packages', alternates: ['pkg.', 'pkgs', 'pkgs.', 'packet', 'packets', 'envelope', 'envelopes', 'sachet', 'sachets'], type: 'count' },
  container: { short: 'container', plural: 'containers', alternates: ['tub', 'tubs'], type: 'count' },
  stalk: { short: 'stalk', plural: 'stalks', alternates: ['rib', 'ribs'], type: 'count' },
  slice: { short: 'slice', plural: 'slices', alternates: [], type: 'count' },
  handful: { short: 'handful', plural: 'handfuls', alternates: [], type: 'count' },
  leaf: { short: 'leaf', plural: 'leaves', alternates: [], type: 'count' },
  fillet: { short: 'fillet', plural: 'fillets', alternates: ['filet', 'filets'], type: 'count' },
  wedge: { short: 'wedge', plural: 'wedges', alternates: [], type: 'count' },
  strip: { short: 'strip', plural: 'strips', alternates: [], type: 'count' },
  sheet: { short: 'sheet', plural: 'sheets', alternates: [], type: 'count' },
  loaf: { short: 'loaf', plural: 'loaves', alternates: [], type: 'count' },
  bulb: { short: 'bulb', plural: 'bulbs', alternates: [], type: 'count' },
  branch: { short: 'branch', plural: 'branches', alternates: [], type: 'count' },
  scoop: { short: 'scoop', plural: 'scoops', alternates: [], type: 'count' },
  knob: { short: 'knob', plural: 'knobs', alternates: [], type: 'count' },
  splash: { short: 'splash', plural: 'splashes', alternates: [], type: 'count' },
};

const IGNORED_UOMS = ['small', 'medium', 'large', 'sm', 'sm.', 'md', 'md.', 'med', 'med.', 'lg', 'lg.', 'in', 'in.', 'inch', 'inches', 'cm', 'cm.', 'centimeter', 'centimeters', 'm', 'm.', 'meter', 'meters', 'mm', 'mm.', 'millimeter', 'millimeters', 'ft', 'ft.', 'foot', 'feet', 'yd', 'yd.', 'yard', 'yards', 'yds.'];

const OPTIONS = {
  normalizeUOM: true,
  additionalUOMs: UOMS,
  ignoreUOMs: IGNORED_UOMS,
};
const BATCH_OPTIONS = { ...OPTIONS, includeMeta: true };

const LEADING_PREFIX = /^(?:(?:approximately|approx\.|about|around|roughly|up to|generous|scant|heaping|heaped|rounded|level|good)\s+)+(?=[\d½¼¾⅓⅔⅛⅜⅝⅞])/i;

const NUM = '(\\d+(?:[.,]\\d+)?(?:\\s+\\d+\\/\\d+)?|\\d+\\/\\d+|\\d*[½¼¾⅓⅔⅛⅜⅝⅞])';
const LEAD_NUM = new RegExp(`^${NUM}\\s*`);
const BARE_PACK = /^(\d+(?:\.\d+)?)\s*-?\s*(ounces?|oz\.?|pounds?|lbs?\.?|grams?|g|kg|kilograms?|ml|milliliters?|millilitres?|l|liters?|litres?|fl\.?\s*oz\.?|fluid\s+ounces?)(?:\s*-\s*|\s+)(?=[a-z])/i;
const TIMES_PACK = /^(\d+)\s*[x×]\s*(\d+(?:\.\d+)?)\s*-?\s*(g|kg|ml|l|oz|lb|grams?|ounces?|pounds?|litres?|liters?)\b\.?\s*/i;
const MEASURE = new RegExp(`^(?:about|approx\\.?|approximately|roughly|around|each|scant)?\\s*${NUM}\\s*-?\\s*([a-z][a-z. ]*?)\\.?(?:\\s+each)?\\s*$`, 'i');
const ALT_MEASURE = new RegExp(`^(?:\\(\\s*|/\\s*|or\\s+)(?:about\\s+|approx\\.?\\s+|approximately\\s+)?${NUM}\\s*-?\\s*([a-z][a-z.]*(?:\\s+oz\\.?|\\s+ounces?)?)\\s*(?:each\\s*)?\\)?\\s*`, 'i');
const STATED_WEIGHT = /\((?:about\s+|approx\.?\s+)?(\d+(?:\.\d+)?)\s*(g|grams?|kg|oz\.?|ounces?|lbs?\.?|pounds?)\)/i;
const PART = /^(?:the\s+)?(?:(?:finely\s+)?grated\s+)?(juice|zest|peel|rind)(?:\s+and\s+(?:(?:finely\s+)?grated\s+)?(juice|zest|peel|rind))?\s+(?:of|from)\s+/i;
const OPTIONAL = /\boptional\b|\bfor (?:garnish(?:ing)?|serving|decoration|decorating|dusting|sprinkling|topping|drizzling)\b|\bto (?:serve|garnish)\b|\bif (?:desired|you like|using)\b/i;

const FRACTIONS = lookupTable<number>({ '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875 });

/** A number as recipes write it: "2", "1.5", "1,5", "1/2", "1 1/2", "½", "1½". */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  const last = t[t.length - 1];
  const vulgar = last !== undefined ? FRACTIONS[last] : undefined;
  if (vulgar !== undefined) {
    const whole = t.slice(0, -1).trim();
    if (whole === '') return vulgar;
    const w = Number(whole);
    return Number.isFinite(w) ? w + vulgar : null;
  }
  const mixed = /^(\d+)\s+(\d+)\/(\d+)$/.exec(t);
  if (mixed) return Number(mixed[3]) === 0 ? null : Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const frac = /^(\d+)\/(\d+)$/.exec(t);
  if (frac) return Number(frac[2]) === 0 ? null : Number(frac[1]) / Number(frac[2]);
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return null;
}

function parseMeasure(text: string): Measure | null {
  const m = MEASURE.exec(text.trim());
  if (!m) return null;
  const amount = parseNumber(m[1]);
  const unit = canonicalUnit(m[2]);
  if (amount === null || amount <= 0 || unit === null) return null;
  const kind = unitInfo(unit)?.kind;
  return kind === 'mass' || kind === 'volume' ? { amount, unit } : null;
}

const WORD_AND_HALF = new RegExp(`^${NUMBER_WORD}\\s+and\\s+(?:a\\s+)?half\\b`, 'i');
const WORD_NUMBER_START = new RegExp(`^${NUMBER_WORD}\\b`, 'i');
const WORD_RANGE_END = new RegExp(`^(\\d+(?:\\.\\d+)?\\s*(?:to|or|-|–)\\s*)${NUMBER_WORD}\\b`, 'i');
const ARTICLE_COUNT = /^(?:a|an)\s+(?!(?:few|little|bit|lot|lots|drizzle|sprinkle|sprinkling|squeeze|glug|touch|dollop|small amount|bunch of|number)\b)(?=\S)/i;

function wordNumber(word: string): number {
  return WORD_NUMBERS[word.toLowerCase()] ?? 0;
}

function replaceWordNumbers(text: string): string {
  let t = text;
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    t = t.replace(/^(\d+)\s+and\s+(?:a\s+|one\s+)?half\b/i, (_, n: string) => String(Number(n) + 0.5));
    t = t.replace(/^(\d+)\s+and\s+(\d+\/\d+)/, '$1 $2');
    t = t.replace(/^(\d+)-(\d+\/\d+)(?!\s*(?:-|to\b))/, '$1 $2');
    return t.replace(WORD_RANGE_END, (_, a: string, w: string) => `${a}${wordNumber(w)}`);
  }
  t = t.replace(/^(?:a|an|one)\s+and\s+(?:a\s+|one\s+)?half\b/i, '1.5');
  t = t.replace(WORD_AND_HALF, (_, w: string) => String(wordNumber(w) + 0.5));
  t = t.replace(/^(?:a\s+|one\s+)?half\s+(?:a\s+|one\s+)?dozen\b/i, '6');
  t = t.replace(/^(?:a|one)\s+dozen\b/i, '12');
  t = t.replace(/^(?:a\s+|one\s+)?half(?:\s+of)?(?:\s+(?:a|an|one))?\b/i, '0.5');
  t = t.replace(/^(?:a|one)\s+quarter(?:\s+of)?(?:\s+(?:a|an))?\b/i, '0.25');
  t = t.replace(/^(?:a|one)\s+third(?:\s+of)?(?:\s+(?:a|an))?\b/i, '0.333');
  t = t.replace(/^(?:a\s+)?couple(?:\s+of)?\b/i, '2');
  t = t.replace(ARTICLE_COUNT, '1 ');
  t = t.replace(WORD_NUMBER_START, (_, w: string) => String(wordNumber(w)));
  return t.replace(WORD_RANGE_END, (_, a: string, w: string) => `${a}${wordNumber(w)}`);
}

/** True when a unit follows, perhaps after more descriptors: "(firmly) packed cups". */
function unitAfterDescriptors(text: string): boolean {
  let rest = text;
  for (let i = 0; i < 3; i++) {
    const [word, after] = firstWord(rest);
    if (canonicalUnit(word) !== null) return true;
    if (!DESCRIPTORS.has(word.toLowerCase())) return false;
    rest = after;
  }
  return false;
}

function firstWord(text: string): [string, string] {
  const m = /^(\S+)\s*/.exec(text);
  return m ? [m[1], text.slice(m[0].length)] : ['', ''];
}

/**
 * Reads the amount at the start of an ingredient line: quantity (numbers,
 * fractions, mixed numbers, ranges, number words), unit, size word, a stated
 * pack size and the "juice of" form. The number and unit grammar comes from
 * parse-ingredient; the rest is handled around it.
 */
export function parseQuantity(line: string): QuantityParse {
  const prepared = prepareQuantity(line);
  if (prepared.text === null) return prepared.result;
  return finishQuantity(prepared.result, parseIngredient(prepared.text, OPTIONS)[0]);
}

/**
 * `parseQuantity` for many lines at once: parse-ingredient sets up its unit
 * tables and regular expressions once per call, which costs more than a line
 * itself, so the lines go to it in one call.
 */
export function parseQuantities(lines: readonly string[]): QuantityParse[] {
  const prepared = lines.map(prepareQuantity);
  const texts: string[] = [];
  const owners: number[] = [];
  prepared.forEach((item, index) => {
    if (item.text === null) return;
    texts.push(item.text);
    owners.push(index);
  });
  const parsed = texts.length ? parseIngredient(texts, BATCH_OPTIONS) : [];
  const byOwner = new Map<number, ParsedIngredient>();
  for (const ingredient of parsed) {
    const source = ingredient.meta?.sourceIndex;
    if (source !== undefined) byOwner.set(owners[source], ingredient);
  }
  return prepared.map((item, index) => (item.text === null ? item.result : finishQuantity(item.result, byOwner.get(index))));
}

type ParsedIngredient = ReturnType<typeof parseIngredient>[number];

/** The line made ready for parse-ingredient, or (text null) already fully read. */
function prepareQuantity(line: string): { result: QuantityParse; text: string | null } {
  let text = (line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line)
    .replace(/\\[tnr]/g, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  text = text.replace(/^[-–—•*▢□☐✓✔·+>#~\s]+/, '');
  const result: QuantityParse = {
    quantity: null,
    quantityMax: null,
    unit: null,
    size: null,
    description: '',
    pack: null,
    total: null,
    extra: null,
    part: null,
    optional: OPTIONAL.test(text),
    header: false,
  };
  if (text === '') return { result, text: null };
  if (text.endsWith(':') && !/\d/.test(text)) {
    result.header = true;
    result.description = text;
    return { result, text: null };
  }
  text = text.replace(/^optional\s*:\s*/i, "");
  const part = PART.exec(text);
  if (part) {
    const parts = [part[1], part[2]].map((p) => p?.toLowerCase());
    result.part = parts.includes('juice') ? 'juice' : 'zest';
    text = text.slice(part[0].length);
  }
  text = replaceWordNumbers(text.replace(LEADING_PREFIX, ''));
  // "4 1/2-inch slices" is four slices half an inch thick.
  text = text.replace(/^(\d+) (\d+\/\d+)(?=\s*-?\s*(?:inch|in\.|cm)\b)/i, '$1 ($2)');
  const hyphen = /^(\d+(?:\.\d+)?)-([a-z]+\.?)\s+/i.exec(text);
  if (hyphen) {
    const unit = canonicalUnit(hyphen[2]);
    const kind = unit ? unitInfo(unit)?.kind : undefined;
    if (unit && (kind === 'mass' || kind === 'volume')) {
      const after = text.slice(hyphen[0].length);
      const next = canonicalUnit(firstWord(after)[0]);
      // "28-ounce can tomatoes" is one can; "3-pound chicken" is three pounds.
      text = next !== null && CONTAINER_UNITS.has(next) ? `1 (${hyphen[1]} ${hyphen[2]}) ${after}` : `${hyphen[1]} ${hyphen[2]} ${after}`;
    }
  }
  text = text.replace(/([a-z.])\/(?=\s*\d)/gi, '$1 / ');

  const times = TIMES_PACK.exec(text);
  if (times) {
    const unit = canonicalUnit(times[3]);
    if (unit) result.pack = { amount: Number(times[2]), unit };
    text = `${times[1]} ${text.slice(times[0].length)}`;
  } else {
    const lead = LEAD_NUM.exec(text);
    if (lead) {
      const rest = text.slice(lead[0].length);
      if (rest.startsWith('(')) {
        const close = rest.indexOf(')');
        const measure = close > 0 ? parseMeasure(rest.slice(1, close)) : null;
        if (measure) {
          result.pack = measure;
          text = `${lead[1]} ${rest.slice(close + 1).trim()}`;
        }
      } else {
        const bare = BARE_PACK.exec(rest);
        const amount = bare ? Number(bare[1]) : NaN;
        const unit = bare ? canonicalUnit(bare[2].replace(/\s+/g, ' ')) : null;
        const after = bare ? rest.slice(bare[0].length) : '';
        // "1 15-ounce can", "2 400 g tins": an amount followed by a container or a food.
        const nextUnit = bare ? canonicalUnit(firstWord(after)[0]) : null;
        if (bare && unit && amount > 0 && /^\d+$/.test(lead[1]) && (nextUnit === null || CONTAINER_UNITS.has(nextUnit))) {
          result.pack = { amount, unit };
          text = `${lead[1]} ${after}`;
        }
      }
    }
  }

  return { result, text };
}

/** Reads parse-ingredient's answer for a prepared line into the result. */
function finishQuantity(result: QuantityParse, parsed: ParsedIngredient | undefined): QuantityParse {
  if (!parsed) return result;
  result.quantity = parsed.quantity;
  result.quantityMax = parsed.quantity2;
  if (result.quantity !== null && result.quantityMax !== null && result.quantityMax < result.quantity) {
    // "1-1/2" read as a range by the library is a mixed number.
    if (result.quantityMax < 1) result.quantity += result.quantityMax;
    result.quantityMax = null;
  }
  result.unit = parsed.unitOfMeasureID ? (canonicalUnit(parsed.unitOfMeasureID) ?? parsed.unitOfMeasureID) : null;
  let desc = parsed.description.trim();

  let sized = false;
  for (let round = 0; round < 6 && desc !== ''; round++) {
    const alt = ALT_MEASURE.exec(desc);
    if (alt) {
      const amount = parseNumber(alt[1]);
      const unit = canonicalUnit(alt[2]);
      const kind = unit ? unitInfo(unit)?.kind : undefined;
      if (amount !== null && unit && (kind === 'mass' || kind === 'volume')) {
        const unitKind = result.unit !== null ? unitInfo(result.unit)?.kind : undefined;
        if (result.quantity !== null && result.pack === null && (result.unit === null || CONTAINER_UNITS.has(result.unit) || unitKind !== 'count')) {
          result.pack = { amount, unit };
        }
        desc = desc.slice(alt[0].length);
        continue;
      }
    }
    const [word, rest] = firstWord(desc);
    const lower = word.toLowerCase();
    const size = SIZES[lower.replace(/,$/, '')];
    if (size) {
      if (size !== 'none') result.size = size;
      desc = rest;
      sized = true;
      continue;
    }
    if (lower === 'extra' && /^large\b/i.test(rest)) {
      result.size = 'large';
      desc = rest.slice(5).trim();
      sized = true;
      continue;
    }
    if (DESCRIPTORS.has(lower) && result.unit === null && unitAfterDescriptors(rest)) {
      desc = rest;
      sized = true;
      continue;
    }
    if (result.unit === null) {
      const two = /^(\S+\s+\S+)\s*(.*)$/.exec(desc);
      const twoUnit = two ? canonicalUnit(two[1]) : null;
      const unit = twoUnit ?? (word.length > 1 || result.quantity !== null ? canonicalUnit(word) : null);
      if (unit && (result.quantity !== null || sized || /^of\b/i.test(rest)) && (word.length > 1 || result.quantity !== null)) {
        result.unit = unit;
        if (result.quantity === null) result.quantity = 1;
        desc = (twoUnit && two ? two[2] : rest).replace(/^of\s+/i, '');
        continue;
      }
    }
    if (/^(?:plus|\+)$/i.test(lower) && result.unit !== null) {
      const extra = parseIngredient(rest, OPTIONS)[0];
      const unit = extra?.unitOfMeasureID ? canonicalUnit(extra.unitOfMeasureID) : null;
      if (extra && extra.quantity !== null && unit) {
        result.extra = { amount: extra.quantity, unit };
        desc = extra.description;
        continue;
      }
    }
    break;
  }
  if (result.unit !== null && result.quantity === null) result.quantity = 1;
  const unitKind = result.unit !== null ? unitInfo(result.unit)?.kind : undefined;
  if (unitKind === 'volume' || unitKind === 'mass') {
    // A weight stated beside a spoon or cup measure is the weight of the whole amount.
    if (unitKind === 'mass') result.total = null;
    else if (result.pack !== null && unitInfo(result.pack.unit)?.kind === 'mass') result.total = result.pack;
    else if (result.total === null && unitKind === 'volume') {
      const stated = STATED_WEIGHT.exec(desc);
      const amount = stated ? parseNumber(stated[1]) : null;
      const unit = stated ? canonicalUnit(stated[2]) : null;
      if (amount !== null && amount > 0 && unit !== null) result.total = { amount, unit };
    }
    result.pack = null;
  }
  if (result.unit === 'dozen') {
    result.unit = null;
    if (result.quantity !== null) result.quantity *= 12;
    if (result.quantityMax !== null) result.quantityMax *= 12;
  }
  result.description = desc.replace(/^of\s+/i, '');
  return result;
}
