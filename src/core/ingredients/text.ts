/** A string-keyed table without a prototype, so words like "constructor" find nothing. */
export function lookupTable<T>(entries: Record<string, T>): Record<string, T | undefined> {
  return Object.assign(Object.create(null) as Record<string, T | undefined>, entries);
}

/** Spelling variants folded onto one form before matching (both in aliases and in lines). */
const VARIANTS = lookupTable<string>({
  chilli: 'chili',
  chillies: 'chili',
  chilies: 'chili',
  chile: 'chili',
  chiles: 'chili',
  yoghurt: 'yogurt',
  yoghurts: 'yogurt',
  yogourt: 'yogurt',
  filet: 'fillet',
  filets: 'fillet',
  grey: 'gray',
  whisky: 'whiskey',
  doughnut: 'donut',
  catsup: 'ketchup',
  ketchups: 'ketchup',
  cilantros: 'cilantro',
  mayo: 'mayonnaise',
  flavour: 'flavor',
  colour: 'color',
  savoury: 'savory',
  sulphur: 'sulfur',
  mould: 'mold',
  pimiento: 'pimento',
  veggie: 'vegetable',
  veggies: 'vegetable',
});

/** Plurals that the suffix rules below would get wrong. */
const IRREGULAR = lookupTable<string>({
  leaves: 'leaf',
  halves: 'half',
  loaves: 'loaf',
  knives: 'knife',
  calves: 'calf',
  cookies: 'cookie',
  brownies: 'brownie',
  pies: 'pie',
  smoothies: 'smoothie',
  hoagies: 'hoagie',
  rotis: 'roti',
  geese: 'goose',
  teeth: 'tooth',
  mice: 'mouse',
  children: 'child',
  feet: 'foot',
  men: 'man',
});

/** Words ending in s that are not plurals. */
const KEEP_S = new Set([
  'asparagus',
  'hummus',
  'couscous',
  'citrus',
  'octopus',
  'molasses',
  'swiss',
  'grits',
  'brussels',
  'greens',
  'tortellini',
  'bass',
  'this',
  'is',
  'was',
  'has',
  'as',
  'us',
  'gas',
  'yes',
  'plus',
  'series',
  'species',
  'haricots',
  'lemongrass',
  'grass',
  'schnapps',
  'anise',
  'tapas',
  'nachos',
  'paris',
  'ras',
  'pesos',
  'less',
  'gyros',
]);

/**
 * Singular form of one lower-case word, by suffix rules tuned for food words.
 * Applied identically to aliases and to recipe text, so rare misses stay consistent.
 */
export function singularize(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  if (word.length <= 3 || !word.endsWith('s') || KEEP_S.has(word)) {
    return word;
  }
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (/(?:ch|sh|x|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('sses')) return word.slice(0, -2);
  return word.slice(0, -1);
}

const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-case, accents removed, apostrophes blanked (length kept): the form both aliases and lines are compared in. */
export function foldText(text: string): string {
  let out = text.toLowerCase();
  if (NON_ASCII.test(out)) out = out.normalize('NFD').replace(DIACRITICS, '').replace(/[\u2018\u2019\u02bc]/g, "'");
  return out.replace(/'/g, ' ');
}

/** Matching form of one word: spelling variant folded, then singular. */
export function normalizeWord(word: string): string {
  const variant = VARIANTS[word];
  return singularize(variant ?? word);
}

/** Words of a text in matching form (letters and digits only). */
export function matchTokens(text: string): string[] {
  const words = foldText(text).split(/[^a-z0-9]+/);
  const out: string[] = [];
  for (const word of words) if (word !== '') out.push(normalizeWord(word));
  return out;
}
