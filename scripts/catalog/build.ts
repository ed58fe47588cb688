/**
 * Builds the food catalog from the curation tables (scripts/catalog/tables/*.txt),
 * the extra aliases (scripts/catalog/extra-aliases.csv) and the USDA SR28 extract
 * (foods.csv, portions.csv). Pure: callers pass the file texts in.
 */
import { AISLES, COLOURS, FOOD_GROUPS, MEDAS_CLASSES, PORTION_UNITS } from '../../src/core/types';
import type {
  Aisle,
  BoughtPart,
  BuyAs,
  Colour,
  Fermented,
  Food,
  FoodComponent,
  FoodGroup,
  FoodKind,
  MedasClass,
  PlantWeight,
  PortionUnit,
  Prebiotic,
  Processed,
} from '../../src/core/types';

export interface UsdaFood {
  ndb: string;
  description: string;
  kcal: number | null;
  fiber: number | null;
}

export interface UsdaPortion {
  seq: number;
  amount: number;
  description: string;
  grams: number;
}

export interface BuildInput {
  /** Curation tables: file name → text. */
  tables: Record<string, string>;
  /** Text of extra-aliases.csv (food_id,alias). */
  extraAliases: string;
  foodsCsv: string;
  portionsCsv: string;
  /** Text of medas-classes.txt; without it no food has a class. */
  medasClasses?: string;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}

function num(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Reads foods.csv into a map by NDB number. */
export function readUsdaFoods(csv: string): Map<string, UsdaFood> {
  const out = new Map<string, UsdaFood>();
  for (const r of records(csv)) {
    out.set(r.ndb_no, { ndb: r.ndb_no, description: r.description, kcal: num(r.energy_kcal), fiber: num(r.fiber_g) });
  }
  return out;
}

/** Reads portions.csv into a map from NDB number to its measures, in USDA order. */
export function readUsdaPortions(csv: string): Map<string, UsdaPortion[]> {
  const out = new Map<string, UsdaPortion[]>();
  for (const r of records(csv)) {
    const portion = { seq: Number(r.seq), amount: Number(r.amount), description: r.measure_description.trim(), grams: Number(r.gram_weight) };
    if (!(portion.amount > 0 && portion.grams > 0)) continue;
    const list = out.get(r.ndb_no);
    if (list) list.push(portion);
    else out.set(r.ndb_no, [portion]);
  }
  for (const list of out.values()) list.sort((a, b) => a.seq - b.seq);
  return out;
}

/** USDA measure words that name each portion unit (singular and plural). */
const MEASURE_WORDS: Partial<Record<PortionUnit, string[]>> = {
  cup: ['cup', 'cups'],
  tablespoon: ['tbsp', 'tablespoon', 'tablespoons'],
  teaspoon: ['tsp', 'teaspoon', 'teaspoons'],
  small: ['small'],
  medium: ['medium'],
  large: ['large'],
  clove: ['clove', 'cloves'],
  slice: ['slice', 'slices'],
  bunch: ['bunch'],
  head: ['head'],
  stalk: ['stalk', 'stalks'],
  sprig: ['sprig', 'sprigs'],
  leaf: ['leaf', 'leaves'],
  can: ['can'],
  stick: ['stick'],
  ear: ['ear'],
  fillet: ['fillet'],
};

/** Whole-item measures used for `piece` when USDA has no "medium". */
const PIECE_WORDS = ['fruit', 'whole', 'each', 'item', 'piece', 'pepper', 'onion', 'potato', 'root', 'bulb', 'plantain', 'banana', 'artichoke', 'tomato', 'squash', 'cucumber', 'avocado', 'sweetpotato', 'eggplant'];

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return next === '' || !/[a-z]/.test(next);
}

/** Lower is better: the plain measure, then "medium", then "chopped", then any other. */
function measureRank(description: string, word: string): number {
  const rest = description.slice(word.length).trim();
  if (rest === '') return 0;
  if (/^,?\s*medium\b/.test(rest) || /^\(/.test(rest)) return 1;
  if (/^,?\s*(chopped|diced)\b/.test(rest)) return 2;
  return 3;
}

function pick(portions: readonly UsdaPortion[], words: readonly string[]): number | null {
  let best: { rank: number; seq: number; grams: number } | null = null;
  for (const p of portions) {
    const text = p.description.toLowerCase();
    for (const word of words) {
      if (!startsWithWord(text, word)) continue;
      const rank = measureRank(text, word);
      if (best === null || rank < best.rank || (rank === best.rank && p.seq < best.seq)) best = { rank, seq: p.seq, grams: p.grams / p.amount };
    }
  }
  return best === null ? null : round(best.grams);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Maps USDA household measures to portion units: a measure counts for a unit
 * when its description starts with that unit's word ("cup, chopped",
 * "medium (2-1/2" dia)", "tbsp", "cloves"); grams are divided by the amount.
 * Where several measures give one unit, the plain one wins, then a "medium"
 * or bracketed one, then "chopped"/"diced", then the first in USDA order.
 * `piece` is the medium size, else a whole-item measure, else large, else small.
 */
export function mapPortions(portions: readonly UsdaPortion[]): Partial<Record<PortionUnit, number>> {
  const out: Partial<Record<PortionUnit, number>> = {};
  for (const [unit, words] of Object.entries(MEASURE_WORDS) as [PortionUnit, string[]][]) {
    const grams = pick(portions, words);
    if (grams !== null) out[unit] = grams;
  }
  const piece = out.medium ?? pick(portions, PIECE_WORDS) ?? out.large ?? out.small;
  if (piece !== undefined) out.piece = piece;
  const flOz = pick(portions, ['fl oz']);
  if (out.cup === undefined && flOz !== null) out.cup = round(flOz * 8);
  return out;
}

/**
 * Fills volume units that follow from others (1 cup = 16 tablespoons,
 * 1 tablespoon = 3 teaspoons): a cup gives a missing tablespoon, a tablespoon
 * a missing teaspoon, a teaspoon a missing tablespoon. A cup is never derived
 * from spoons, since loose leaves and chopped pieces pack differently.
 */
export function fillVolumes(portions: Partial<Record<PortionUnit, number>>): void {
  if (portions.tablespoon === undefined && portions.cup !== undefined) portions.tablespoon = round(portions.cup / 16);
  if (portions.teaspoon === undefined && portions.tablespoon !== undefined) portions.teaspoon = round(portions.tablespoon / 3);
  if (portions.tablespoon === undefined && portions.teaspoon !== undefined) portions.tablespoon = round(portions.teaspoon * 3);
}

interface Defaults {
  group: FoodGroup;
  kind: FoodKind;
  weight: PlantWeight;
  aisle: Aisle;
  buyAs: BuyAs;
  processed: Processed;
  fermented: Fermented;
  pantry: boolean;
  plural: boolean;
  prebiotic: Prebiotic | null;
}

const INITIAL: Defaults = {
  group: 'other',
  kind: 'other',
  weight: 0,
  aisle: 'Other',
  buyAs: 'weight',
  processed: 'none',
  fermented: 'none',
  pantry: false,
  plural: false,
  prebiotic: null,
};

/** A curation row before it meets USDA. */
export interface CurationRow {
  file: string;
  line: number;
  id: string;
  ndb: string | null;
  /** The USDA entry is a close stand-in, not the food itself (`~` before the number). */
  standIn: boolean;
  name: string;
  crop: string | null;
  family: string | null;
  colour: Colour | null;
  aliases: string[];
  plural: boolean;
  group: FoodGroup;
  kind: FoodKind;
  weight: PlantWeight;
  fermented: Fermented;
  servingGrams: number | null;
  prebiotic: Prebiotic | null;
  processed: Processed;
  aisle: Aisle;
  pantryStaple: boolean;
  buyAs: BuyAs;
  pack: { name: string; grams: number } | null;
  /** Bought as another food: `dry=FOOD` (yield from the two USDA energy values) or `juice=FOOD:GRAMS`, `zest=FOOD:GRAMS` per piece of FOOD. */
  boughtAs: { food: string; part: BoughtPart; gramsPerPiece: number | null } | null;
  portions: Partial<Record<PortionUnit, number>>;
  dropPortions: PortionUnit[];
  components: FoodComponent[];
  fiber: number | null;
  kcal: number | null;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string, where: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${where}: unknown ${what} "${value}"`);
  return value as T;
}

function weightOf(value: string, where: string): PlantWeight {
  const n = Number(value);
  if (n !== 0 && n !== 0.25 && n !== 1) throw new Error(`${where}: weight must be 0, 0.25 or 1`);
  return n;
}

function flag(value: string | undefined): boolean {
  return value === undefined || value === '' || value === 'yes' || value === 'true';
}

const KINDS: readonly FoodKind[] = ['plant', 'fungus', 'animal', 'other'];
const BUY: readonly BuyAs[] = ['count', 'weight', 'pack', 'volume', 'none'];
const PROCESSED: readonly Processed[] = ['none', 'refined', 'ultra-processed'];
const FERMENTED: readonly Fermented[] = ['none', 'live', 'not-live'];
const PREBIOTIC: readonly Prebiotic[] = ['inulin', 'gos', 'resistant-starch'];

function applySetting(target: Defaults, key: string, value: string, where: string): boolean {
  const v = value.replaceAll('_', ' ');
  switch (key) {
    case 'group':
      target.group = oneOf(v, FOOD_GROUPS, 'group', where);
      return true;
    case 'kind':
      target.kind = oneOf(v, KINDS, 'kind', where);
      return true;
    case 'w':
      target.weight = weightOf(v, where);
      return true;
    case 'aisle':
      target.aisle = oneOf(v, AISLES, 'aisle', where);
      return true;
    case 'buy':
      target.buyAs = oneOf(v, BUY, 'buyAs', where);
      return true;
    case 'proc':
      target.processed = oneOf(v, PROCESSED, 'processed', where);
      return true;
    case 'ferm':
      target.fermented = oneOf(v, FERMENTED, 'fermented', where);
      return true;
    case 'pre':
      target.prebiotic = v === 'none' ? null : oneOf(v, PREBIOTIC, 'prebiotic', where);
      return true;
    case 'pantry':
      target.pantry = flag(value);
      return true;
    case 'pl':
      target.plural = flag(value);
      return true;
    default:
      return false;
  }
}

function pairs(value: string, where: string): [string, number][] {
  return value.split(',').map((part) => {
    const [k, n] = part.split(':');
    const grams = Number(n);
    if (!k || !(grams > 0)) throw new Error(`${where}: bad "${part}" (want name:number)`);
    return [k, grams];
  });
}

/**
 * Parses the curation tables. Each non-comment line is either a settings line
 * (`@ key=value …`, defaults for the rows below it) or a food row:
 * `id | ndb | name | crop | family | colour | aliases | extras`.
 */
export function parseTables(tables: Record<string, string>): CurationRow[] {
  const rows: CurationRow[] = [];
  for (const [file, text] of Object.entries(tables).sort(([a], [b]) => a.localeCompare(b))) {
    let defaults: Defaults = { ...INITIAL };
    text.split(/\r?\n/).forEach((raw, index) => {
      const where = `${file}:${index + 1}`;
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      if (line.startsWith('@')) {
        defaults = { ...INITIAL };
        for (const token of line.slice(1).trim().split(/\s+/)) {
          const [key, value = ''] = token.split('=');
          if (!applySetting(defaults, key, value, where)) throw new Error(`${where}: unknown setting "${key}"`);
        }
        return;
      }
      const cells = line.split('|').map((c) => c.trim());
      if (cells.length < 3 || cells.length > 8) throw new Error(`${where}: expected up to 8 cells separated by |`);
      const [id, ndb, name, crop = '', family = '', colour = '', aliases = '', extras = ''] = cells;
      const settings: Defaults = { ...defaults };
      const row: CurationRow = {
        file,
        line: index + 1,
        id,
        ndb: ndb === '' ? null : ndb.replace(/^~/, ''),
        standIn: ndb.startsWith('~'),
        name,
        crop: crop === '' ? null : crop,
        family: family === '' ? null : family,
        colour: colour === '' ? null : oneOf(colour, COLOURS, 'colour', where),
        aliases: aliases === '' ? [] : aliases.split(',').map((a) => a.trim().toLowerCase()).filter((a) => a !== ''),
        plural: false,
        group: settings.group,
        kind: settings.kind,
        weight: settings.weight,
        fermented: settings.fermented,
        servingGrams: null,
        prebiotic: settings.prebiotic,
        processed: settings.processed,
        aisle: settings.aisle,
        pantryStaple: settings.pantry,
        buyAs: settings.buyAs,
        pack: null,
        boughtAs: null,
        portions: {},
        dropPortions: [],
        components: [],
        fiber: null,
        kcal: null,
      };
      for (const token of extras === '' ? [] : extras.split(/\s+/)) {
        const eq = token.indexOf('=');
        const key = eq < 0 ? token : token.slice(0, eq);
        const value = eq < 0 ? '' : token.slice(eq + 1);
        if (applySetting(settings, key, value, where)) continue;
        switch (key) {
          case 'serve':
            row.servingGrams = Number(value);
            break;
          case 'pack': {
            const [packName, grams] = value.split(':');
            row.pack = { name: packName.replaceAll('_', ' '), grams: Number(grams) };
            settings.buyAs = 'pack';
            break;
          }
          case 'dry':
            row.boughtAs = { food: value, part: 'dry', gramsPerPiece: null };
            break;
          case 'juice':
          case 'zest': {
            const [[food, grams]] = pairs(value, where);
            row.boughtAs = { food, part: key, gramsPerPiece: grams };
            break;
          }
          case 'p':
            for (const [unit, grams] of pairs(value, where)) row.portions[oneOf(unit, PORTION_UNITS, 'portion unit', where)] = grams;
            break;
          case 'nop':
            row.dropPortions.push(...value.split(',').map((u) => oneOf(u, PORTION_UNITS, 'portion unit', where)));
            break;
          case 'comp':
            row.components = pairs(value, where).map(([food, share]) => ({ food, share }));
            break;
          case 'fiber':
            row.fiber = Number(value);
            break;
          case 'kcal':
            row.kcal = Number(value);
            break;
          default:
            throw new Error(`${where}: unknown extra "${key}"`);
        }
      }
      Object.assign(row, {
        group: settings.group,
        kind: settings.kind,
        weight: settings.weight,
        fermented: settings.fermented,
        prebiotic: settings.prebiotic,
        processed: settings.processed,
        aisle: settings.aisle,
        pantryStaple: settings.pantry,
        buyAs: settings.buyAs,
        plural: settings.plural,
      });
      rows.push(row);
    });
  }
  return rows;
}

const IRREGULAR: Record<string, string> = { leaf: 'leaves', loaf: 'loaves', tomato: 'tomatoes', potato: 'potatoes', mango: 'mangoes', knife: 'knives' };

/** Words that have no plural in a recipe ("2 cups spinach", never "spinaches"). */
const MASS_NOUNS = new Set(
  'spinach kale arugula rocket cress watercress okra corn sweetcorn garlic ginger broccoli rapini celery fennel parsley cilantro mint basil dill rice juice milk puree purée paste sauce flour meal mix bran oil salt sugar butter cream cheese tofu pulp jackfruit coleslaw mesclun mangetout choi choy gobo moringa sauerkraut kimchi kimchee brine zest peel rind tamarind yuca manioc cassava callaloo malanga lambsquarters chard silverbeet radicchio treviso frisee frisée escarole endive romaine iceberg cos mizuna tendergreen shungiku komatsuna broccolini calabrese savoy tops greens fruit pith lemongrass grass applesauce edamame flesh meat jelly rabe raab celtuce lettuce puree'.split(' '),
);

/** English plural of the last word of a phrase; mass nouns and words already ending in -s stay as they are. */
export function pluralize(phrase: string): string {
  const words = phrase.split(' ');
  const last = words.pop() ?? '';
  let plural: string;
  if (MASS_NOUNS.has(last) || /[^s]s$/.test(last) || / of /.test(phrase) || /^(shredded|chopped|diced|sliced|minced|grated|crushed|mashed) /.test(phrase)) plural = last;
  else if (IRREGULAR[last]) plural = IRREGULAR[last];
  else if (/[^aeiou]y$/.test(last)) plural = `${last.slice(0, -1)}ies`;
  else if (/(s|x|z|ch|sh)$/.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words, plural].join(' ');
}

/** Reads extra-aliases.csv (food_id,alias) into food id → aliases. */
export function readExtraAliases(csv: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of records(csv)) {
    const id = (r.food_id ?? '').trim();
    const alias = (r.alias ?? '').trim().toLowerCase();
    if (id === '' || alias === '') continue;
    const list = out.get(id);
    if (list) list.push(alias);
    else out.set(id, [alias]);
  }
  return out;
}

/**
 * Joins curation rows with USDA and returns the catalog sorted by id. Throws
 * on unknown NDB numbers, duplicate ids and aliases given twice; a plural made
 * automatically is dropped when another food already owns it.
 */
export function buildCatalog(input: BuildInput): Food[] {
  const usda = readUsdaFoods(input.foodsCsv);
  const measures = readUsdaPortions(input.portionsCsv);
  const rows = parseTables(input.tables);
  const extra = readExtraAliases(input.extraAliases);
  const ids = new Set(rows.map((r) => r.id));
  for (const id of extra.keys()) if (!ids.has(id)) throw new Error(`extra-aliases.csv: unknown food id "${id}"`);

  const owner = new Map<string, string>();
  const clashes: string[] = [];
  const claim = (alias: string, id: string, where: string): boolean => {
    const current = owner.get(alias);
    if (current !== undefined && current !== id) clashes.push(`${where}: alias "${alias}" of ${id} is already used by ${current}`);
    else owner.set(alias, id);
    return current === undefined;
  };
  const explicit = new Map<string, string[]>();
  for (const row of rows) {
    const where = `${row.file}:${row.line}`;
    const list: string[] = [];
    for (const alias of [row.name.toLowerCase(), ...row.aliases, ...(extra.get(row.id) ?? [])]) {
      if (claim(alias, row.id, where) || !list.includes(alias)) list.push(alias);
    }
    explicit.set(row.id, list);
  }
  if (clashes.length > 0) throw new Error(clashes.join('\n'));
  const foods: Food[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const where = `${row.file}:${row.line}`;
    if (seen.has(row.id)) throw new Error(`${where}: duplicate id ${row.id}`);
    seen.add(row.id);
    const aliases = [...(explicit.get(row.id) ?? [])];
    if (row.plural) {
      for (const alias of [...aliases]) {
        const plural = pluralize(alias);
        if (plural !== alias && !owner.has(plural)) {
          owner.set(plural, row.id);
          aliases.push(plural);
        }
      }
    }
    const name = row.name.toLowerCase();
    const ownAliases = aliases.filter((a) => a !== name).sort();
    let source: Food['source'] = null;
    let fiber = row.fiber;
    let kcal = row.kcal;
    let portions: Partial<Record<PortionUnit, number>> = {};
    if (row.ndb !== null) {
      const entry = usda.get(row.ndb);
      if (!entry) throw new Error(`${where}: NDB ${row.ndb} is not in foods.csv`);
      source = { ndb: entry.ndb, description: entry.description };
      fiber ??= entry.fiber;
      kcal ??= entry.kcal;
      portions = mapPortions(measures.get(row.ndb) ?? []);
    }
    for (const unit of row.dropPortions) delete portions[unit];
    Object.assign(portions, row.portions);
    fillVolumes(portions);
    if (portions.piece === undefined && portions.head !== undefined) portions.piece = portions.head;
    const ordered: Partial<Record<PortionUnit, number>> = {};
    for (const unit of PORTION_UNITS) if (portions[unit] !== undefined) ordered[unit] = portions[unit];
    const plant = row.kind === 'plant' || row.kind === 'fungus';
    foods.push({
      id: row.id,
      name: row.name,
      aliases: ownAliases,
      kind: row.kind,
      group: row.group,
      crop: plant ? (row.crop ?? row.id) : null,
      weight: plant ? row.weight : 0,
      colour: row.colour,
      family: plant ? row.family : null,
      fiberPer100g: fiber,
      kcalPer100g: kcal,
      fermented: row.fermented,
      servingGrams: row.fermented === 'live' ? row.servingGrams : null,
      prebiotic: row.prebiotic,
      processed: row.processed,
      aisle: row.aisle,
      pantryStaple: row.pantryStaple,
      portions: ordered,
      buyAs: row.buyAs,
      pack: row.pack,
      components: row.components,
      source,
    });
  }
  if (input.medasClasses !== undefined) assignMedasClasses(foods, input.medasClasses);
  resolveBoughtAs(rows, foods);
  return foods.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Gives each food its MEDAS class from medas-classes.txt (`CLASS | selectors`):
 * a food id beats `crop=`, which beats `group=`; `none` clears a class.
 * Throws on an unknown class, group or food and on a selector given twice.
 */
export function assignMedasClasses(foods: Food[], text: string): void {
  const byLevel = [new Map<string, MedasClass | null>(), new Map<string, MedasClass | null>(), new Map<string, MedasClass | null>()];
  const ids = new Set(foods.map((f) => f.id));
  const crops = new Set(foods.map((f) => f.crop));
  text.split(/\r?\n/).forEach((raw, index) => {
    const where = `medas-classes.txt:${index + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [name, selectors = ''] = line.split('|').map((c) => c.trim());
    const cls = name === 'none' ? null : oneOf(name, MEDAS_CLASSES, 'MEDAS class', where);
    for (const selector of selectors.split(/\s+/).filter((s) => s !== '')) {
      let level = 0;
      let key = selector;
      if (selector.startsWith('group=')) {
        level = 2;
        key = oneOf(selector.slice(6).replaceAll('_', ' '), FOOD_GROUPS, 'group', where);
      } else if (selector.startsWith('crop=')) {
        level = 1;
        key = selector.slice(5);
        if (!crops.has(key)) throw new Error(`${where}: unknown crop "${key}"`);
      } else if (!ids.has(key)) throw new Error(`${where}: unknown food id "${key}"`);
      if (byLevel[level].has(key)) throw new Error(`${where}: "${selector}" is given a class twice`);
      byLevel[level].set(key, cls);
    }
  });
  for (const food of foods) {
    const [byId, byCrop, byGroup] = byLevel;
    const cls = byId.has(food.id)
      ? byId.get(food.id)
      : food.crop !== null && byCrop.has(food.crop)
        ? byCrop.get(food.crop)
        : byGroup.get(food.group);
    if (cls) food.medas = cls;
  }
}

/**
 * Works out the yields of foods bought as another food. A cooked grain, pasta
 * or pulse gains only water, so its yield is the dry food's energy per 100 g
 * over the cooked food's (USDA SR28 rows of both): brown rice 367 kcal, cooked
 * 123 kcal, so 1 g dry gives 2.98 g cooked. Juice and zest give grams per
 * piece of the fruit, divided by the fruit's piece weight.
 */
function resolveBoughtAs(rows: readonly CurationRow[], foods: Food[]): void {
  const byId = new Map(foods.map((food) => [food.id, food]));
  for (const row of rows) {
    if (!row.boughtAs) continue;
    const where = `${row.file}:${row.line}`;
    const food = byId.get(row.id);
    const target = byId.get(row.boughtAs.food);
    if (!food || !target) throw new Error(`${where}: ${row.id} is bought as unknown food "${row.boughtAs.food}"`);
    let ratio: number | null = null;
    if (row.boughtAs.gramsPerPiece !== null) {
      const piece = target.portions.piece;
      if (piece !== undefined) ratio = row.boughtAs.gramsPerPiece / piece;
    } else if (food.kcalPer100g && target.kcalPer100g) {
      ratio = target.kcalPer100g / food.kcalPer100g;
    }
    if (ratio === null || !(ratio > 0)) throw new Error(`${where}: no yield for ${row.id} from ${target.id}`);
    food.boughtAs = { food: target.id, yield: Math.round(ratio * 1000) / 1000, part: row.boughtAs.part };
  }
}

/**
 * The catalog file text: a JSON array with one food per line (half the bytes
 * of indented JSON, so the app reads it faster, and still one line per food in
 * a diff), with a final newline.
 */
export function formatCatalog(foods: readonly Food[]): string {
  return `[\n${foods.map((food) => JSON.stringify(food)).join(',\n')}\n]\n`;
}
