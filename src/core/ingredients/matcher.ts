import type { Food } from '../types';
import { foldText, matchTokens, normalizeWord, lookupTable } from './text';

/** Aliases of every food, keyed by their matching-form word sequence. */
export interface AliasIndex {
  /** "chicken stock" → food, for every name and alias in matching form. */
  byKey: Map<string, Food>;
  /** Words in the longest alias. */
  maxWords: number;
  byId: Map<string, Food>;
}

/** Which part of a fruit a line uses: "juice of 1 lemon", "2 tablespoons lime zest". */
export type FruitPart = 'juice' | 'zest';

export interface FoodMatch {
  food: Food;
  confidence: number;
  part: FruitPart | null;
  /** Character span of the matched words in the searched text (folded form when accents were removed). */
  start: number;
  end: number;
  /** Canonical count unit written right after the food ("3 garlic cloves"), if any. */
  trailingUnit: string | null;
}

/** Builds the alias index once per catalog: the first food to claim a word sequence keeps it. */
export function buildAliasIndex(foods: readonly Food[]): AliasIndex {
  const byKey = new Map<string, Food>();
  const byId = new Map<string, Food>();
  let maxWords = 1;
  for (const food of foods) {
    if (!byId.has(food.id)) byId.set(food.id, food);
    for (const name of [food.name, ...food.aliases]) {
      const words = matchTokens(name);
      if (words.length === 0 || words.every((w) => ARTICLES.has(w) || /^\d/.test(w))) continue;
      const key = words.join(' ');
      if (!byKey.has(key)) byKey.set(key, food);
      if (words.length > maxWords) maxWords = words.length;
    }
  }
  return { byKey, maxWords, byId };
}

const ARTICLES: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'for', 'in', 'with']);

/** Words that name how a food is prepared or served, never what it is. */
const PREP_WORDS = [
  'fresh', 'freshly', 'chopped', 'finely', 'coarsely', 'roughly', 'thinly', 'thickly', 'diced', 'minced',
  'sliced', 'grated', 'shredded', 'crushed', 'peeled', 'seeded', 'deseeded', 'cored', 'trimmed', 'halved',
  'quartered', 'cubed', 'julienned', 'drained', 'rinsed', 'cooked', 'uncooked', 'raw', 'frozen', 'thawed',
  'large', 'medium', 'small', 'whole', 'extra', 'more', 'about', 'taste', 'divided', 'room', 'temperature',
  'cut', 'inch', 'optional', 'garnish', 'serving', 'serve', 'packed', 'lightly', 'firmly', 'softened',
  'melted', 'cold', 'warm', 'hot', 'boiling', 'toasted', 'organic', 'good', 'quality', 'best', 'such',
  'preferably', 'desired', 'needed', 'plus', 'additional', 'washed', 'scrubbed', 'pitted', 'stemmed',
  'room', 'beaten', 'lightly', 'well', 'very', 'thin', 'thick', 'fine', 'coarse', 'big', 'tiny', 'heaping',
  'level', 'scant', 'generous', 'handful', 'bite', 'size', 'sized', 'into', 'piece', 'chunk', 'wedge',
  'stick', 'slice', 'cup', 'tablespoon', 'teaspoon', 'pound', 'ounce', 'gram', 'recipe', 'below', 'above',
  'note', 'see', 'store', 'bought', 'homemade', 'prepared', 'approximately', 'roughly', 'torn', 'reserved',
  'separated', 'removed', 'discarded', 'patted', 'dry', 'mixed', 'assorted', 'ripe', 'firm', 'soft',
  'tender', 'lean', 'boneless', 'skinless', 'bone', 'skin', 'on', 'off', 'in', 'at', 'for', 'the', 'a',
  'an', 'of', 'to', 'and', 'or', 'with', 'without', 'from', 'your', 'any', 'some', 'each', 'other',
  'few', 'if', 'as', 'needed', 'like', 'plain', 'unsalted', 'salted', 'sweetened', 'unsweetened', 'natural',
  'pure', 'high', 'low', 'fat', 'free', 'reduced', 'sodium', 'style', 'type', 'kind', 'use', 'using', 'can',
  'jar', 'package', 'bag', 'box', 'bunch', 'sprig', 'clove', 'head', 'stalk', 'leaf', 'pinch', 'dash',
  'gently', 'quickly', 'just', 'until', 'then', 'also', 'such', 'into', 'thawed', 'defrosted', 'tightly',
  'loosely', 'marbled', 'center', 'trimmed', 'picked', 'over', 'more', 'less', 'total', 'leftover', 'day', 'old',
  'crisp', 'crispy', 'tart', 'juicy', 'regular', 'long', 'short', 'baby', 'young', 'mature', 'chilled', 'untoasted',
  'unseasoned', 'hulled', 'aged', 'wild', 'farmed', 'heirloom', 'local', 'seasonal', 'spicy', 'mild', 'strong',
];
const STOP_WORDS: ReadonlySet<string> = new Set(PREP_WORDS.map(normalizeWord));

/**
 * Words that end a noun phrase: alternatives ("butter or oil", "salt and
 * pepper") and what follows a food ("cornstarch dissolved in water").
 */
const CONJUNCTIONS: ReadonlySet<string> = new Set([
  'and', 'or', 'plus', 'nor', 'with', 'then', 'versus', 'v', 'in', 'into', 'without', 'from', 'for', 'per',
  'such', 'like', 'dissolved', 'soaked', 'if', 'using', 'except', 'instead', 'mixed', 'tossed', 'preferably',
]);

/** Participles that make "X-…" a description: "oil-packed", "salt-cured", "chocolate-covered". */
const HYPHEN_MODIFIERS: ReadonlySet<string> = new Set(
  ['packed', 'based', 'free', 'style', 'flavored', 'flavoured', 'infused', 'cured', 'brined', 'stuffed', 'filled', 'crusted', 'coated', 'covered', 'glazed', 'topped', 'fed', 'smoked', 'size', 'sized', 'cooking', 'soaked', 'poached', 'roasted'].map(normalizeWord),
);

/** Colour and texture words some aliases consist of alone ("whites" of eggs): only trusted at the end of a phrase. */
const ADJECTIVES: ReadonlySet<string> = new Set(['white', 'red', 'green', 'yellow', 'black', 'brown', 'hot', 'sweet', 'dry', 'light', 'dark', 'plain', 'sour', 'whole', 'golden', 'purple', 'pink', 'blue']);

/**
 * Head nouns that turn the food before them into a different product
 * ("garlic powder", "tomato paste", "soy sauce"): without an alias for the
 * whole phrase the line names something the catalog does not know.
 */
const PRODUCT_HEADS: ReadonlySet<string> = new Set(
  [
    'powder', 'sauce', 'paste', 'extract', 'flake', 'stock', 'broth', 'bouillon', 'seasoning', 'essence',
    'concentrate', 'liqueur', 'soup', 'ketchup', 'jam', 'jelly', 'preserves', 'marmalade', 'chip', 'crisp',
    'puree', 'syrup', 'vinegar', 'wine', 'beer', 'salt', 'sugar', 'milk', 'butter', 'flour', 'oil', 'cream',
    'cheese', 'yogurt', 'water', 'meal', 'noodle', 'pasta', 'bread', 'cracker', 'cake', 'cookie', 'pie',
    'tortilla', 'dressing', 'spread', 'curd', 'liquor', 'brandy', 'schnapps', 'cider', 'soda', 'tea', 'drink',
    'bitters', 'granule', 'base', 'mix', 'roll', 'bun', 'muffin', 'biscuit', 'pastry', 'dough', 'crust', 'cereal', 'filling', 'glaze', 'frosting', 'icing', 'candy', 'bar',
    'pudding', 'custard', 'sorbet', 'ice', 'starch', 'gum', 'relish', 'chutney', 'salsa', 'pesto', 'dip',
    'rub', 'marinade', 'vodka', 'rum', 'gin', 'tequila', 'whiskey', 'juice', 'zest', 'peel', 'rind', 'nectar',
  ].map(normalizeWord),
);

const FRUIT_PARTS = lookupTable<FruitPart>({ juice: 'juice', zest: 'zest', peel: 'zest', rind: 'zest' });

/** Count units that may follow a food name: "3 garlic cloves", "2 celery stalks". */
const TRAILING_UNITS = lookupTable<string>({
  piece: 'piece',
  clove: 'clove',
  stalk: 'stalk',
  rib: 'stalk',
  sprig: 'sprig',
  leaf: 'leaf',
  head: 'head',
  bunch: 'bunch',
  fillet: 'fillet',
  slice: 'slice',
  wedge: 'wedge',
  stick: 'stick',
  ear: 'ear',
});

interface Token {
  word: string;
  /** The segment ends with a colon: a label such as "Garnish:". */
  label?: boolean;
  start: number;
  end: number;
  /** Index of the comma/parenthesis-delimited segment. */
  segment: number;
  inParens: boolean;
  /** A conjunction ("and", "or", "&", "/") comes before this word within its segment. */
  groupBreak: boolean;
  /** A hyphen joins this word to the next ("water-packed"). */
  hyphen?: boolean;
}

interface Hit {
  food: Food;
  from: number;
  to: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /[a-z0-9]+/g;
  let segment = 0;
  let depth = 0;
  let last = 0;
  let pendingBreak = false;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    for (let i = last; i < m.index; i++) {
      const c = text.charCodeAt(i);
      if (c === 40 || c === 91) {
        depth++;
        segment++;
      } else if (c === 41 || c === 93) {
        if (depth > 0) depth--;
        segment++;
      } else if (c === 44 || c === 59 || c === 58) {
        if (c === 58) for (let t = tokens.length - 1; t >= 0 && tokens[t].segment === segment; t--) tokens[t].label = true;
        segment++;
      } else if (c === 38 || c === 47) {
        pendingBreak = true;
      }
    }
    last = m.index + m[0].length;
    if (m.index > 0 && text.charCodeAt(m.index - 1) === 45 && tokens.length > 0) tokens[tokens.length - 1].hyphen = true;
    const raw = m[0];
    if (CONJUNCTIONS.has(raw)) {
      pendingBreak = true;
      tokens.push({ word: raw, start: m.index, end: last, segment, inParens: depth > 0, groupBreak: false });
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const breakHere = pendingBreak || (prev !== undefined && prev.segment !== segment);
    pendingBreak = false;
    tokens.push({ word: normalizeWord(raw), start: m.index, end: last, segment, inParens: depth > 0, groupBreak: breakHere });
  }
  return tokens;
}

/**
 * Longest alias hits within tokens[from, to), taken from the right: English
 * puts the head noun last, so "fresh corn tortillas" is corn tortillas.
 */
function findHits(index: AliasIndex, tokens: Token[], from: number, to: number): Hit[] {
  const hits: Hit[] = [];
  let j = to - 1;
  while (j >= from) {
    let found: Hit | null = null;
    const limit = Math.min(index.maxWords, j - from + 1);
    let key = tokens[j].word;
    const keys: string[] = [key];
    for (let n = 2; n <= limit; n++) {
      key = `${tokens[j - n + 1].word} ${key}`;
      keys.push(key);
    }
    for (let n = limit; n >= 1; n--) {
      const food = index.byKey.get(keys[n - 1]);
      if (food && n === 1 && ADJECTIVES.has(keys[0]) && j + 1 < tokens.length) continue;
      // "water-packed tuna", "salt-cured ham": the food word only describes.
      if (food && tokens[j].hyphen && j + 1 < tokens.length && HYPHEN_MODIFIERS.has(tokens[j + 1].word)) continue;
      if (food) {
        found = { food, from: j - n + 1, to: j + 1 };
        break;
      }
    }
    if (found) {
      hits.push(found);
      j = found.from - 1;
    } else {
      j--;
    }
  }
  return hits.reverse();
}

function isPlantFood(food: Food): boolean {
  return food.kind === 'plant' || food.kind === 'fungus';
}

/**
 * Finds the catalog food a piece of ingredient text names: the first
 * comma-delimited segment that names one, the first of "X or Y", and within
 * that the head noun (the rightmost food: "chicken stock" is stock). Returns
 * null rather than a guess when the head is a product the catalog lacks
 * ("garlic powder" without a garlic-powder food).
 */
export function matchFood(index: AliasIndex, text: string): FoodMatch | null {
  const folded = foldText(text.length > 400 ? text.slice(0, 400) : text);
  const tokens = tokenize(folded);
  if (tokens.length === 0) return null;
  const segments: Array<[number, number]> = [];
  let s = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i].segment !== tokens[s].segment) {
      segments.push([s, i]);
      s = i;
    }
  }
  // Main text first, parenthesised asides after.
  const ordered = [...segments.filter(([a]) => !tokens[a].inParens), ...segments.filter(([a]) => tokens[a].inParens)];
  let mainClosed = false;
  for (let rank = 0; rank < ordered.length; rank++) {
    const [from, to] = ordered[rank];
    if (mainClosed && !tokens[from].inParens) continue;
    const hits = findHits(index, tokens, from, to);
    if (hits.length === 0) {
      // An unknown name in the main text ("ground meat, a mix of pork and beef"): later comma parts are not the food.
      if (!tokens[from].inParens && !tokens[from].label && countContent(tokens, from, to) > 0) mainClosed = true;
      continue;
    }
    const result = chooseHit(hits, tokens, from, to);
    if (result === undefined) continue;
    if (result === null) return null;
    const { hit, part } = result;
    const content = countContent(tokens, groupStart(tokens, from, hit.from), groupEnd(tokens, hit.to, to));
    const matched = hit.to - hit.from;
    let confidence = 0.55 + (0.45 * matched) / Math.max(matched, content);
    if (rank > 0) confidence *= tokens[from].inParens ? 0.8 : 0.9;
    const next = tokens[hit.to];
    const lastWord = tokens[hit.to - 1].word;
    const trailingUnit =
      next && hit.to < to && !next.groupBreak
        ? (TRAILING_UNITS[next.word] ?? null)
        : hit.to - hit.from > 1
          ? (TRAILING_UNITS[lastWord] ?? null)
          : null;
    return {
      food: hit.food,
      confidence: Math.round(confidence * 100) / 100,
      part,
      start: tokens[hit.from].start,
      end: tokens[hit.to - 1].end,
      trailingUnit,
    };
  }
  return null;
}

function groupStart(tokens: Token[], from: number, at: number): number {
  let i = at;
  while (i > from && !tokens[i].groupBreak) i--;
  return i;
}

function groupEnd(tokens: Token[], at: number, to: number): number {
  let i = at;
  while (i < to && !tokens[i].groupBreak) i++;
  return i;
}

function countContent(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const w = tokens[i].word;
    if (w.length > 1 && !STOP_WORDS.has(w) && !CONJUNCTIONS.has(w) && !ADJECTIVES.has(w) && !/^\d|(?:ed|ly)$/.test(w)) n++;
  }
  return n;
}

/**
 * Picks the hit naming the line's food: undefined when the segment has none
 * worth taking, null when the segment names an unknown product.
 */
function chooseHit(hits: Hit[], tokens: Token[], from: number, to: number): { hit: Hit; part: FruitPart | null } | null | undefined {
  // Hits of the first alternative group that has any.
  const groupLimit = groupEnd(tokens, hits[0].to, to);
  const group = hits.filter((h) => h.from < groupLimit);
  let chosen = group[group.length - 1];
  if (group.length >= 2) {
    const before = group[group.length - 2];
    const adjacent = before.to === chosen.from;
    const headWord = tokens[chosen.to - 1].word;
    const single = chosen.to - chosen.from === 1;
    // "jalapeño pepper", "serrano chili": the variety names the food; "garlic cloves", "scallion whites": a part of it.
    if (adjacent && before.food === chosen.food) {
      chosen = { food: chosen.food, from: before.from, to: chosen.to };
    } else if (adjacent && (headWord === 'pepper' || headWord === 'chili') && isPlantFood(before.food)) {
      chosen = before;
    } else if (adjacent && single && (TRAILING_UNITS[headWord] !== undefined || ADJECTIVES.has(headWord))) {
      chosen = before;
    } else if (adjacent && chosen.to - chosen.from === 1 && PRODUCT_HEADS.has(headWord) && isPlantFood(before.food)) {
      // "coconut milk", "peanut butter", "almond flour" with no alias for the phrase.
      const part = FRUIT_PARTS[headWord];
      if (part) return { hit: before, part };
      return null;
    }
  }
  const next = chosen.to < to ? tokens[chosen.to] : undefined;
  // "white pepper powder" is still the spice.
  const samePowder = next !== undefined && next.word === 'powder' && chosen.food.group === 'spice';
  if (next && !next.groupBreak && !samePowder && PRODUCT_HEADS.has(next.word)) {
    const part = FRUIT_PARTS[next.word];
    if (part) return { hit: chosen, part };
    return null;
  }
  return { hit: chosen, part: null };
}
