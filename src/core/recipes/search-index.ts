import { foldText, singularize } from '../ingredients/text';
import { compareNames } from '../format';

/** What a recipe is searchable by. */
export interface SearchDocument {
  id: string;
  name: string;
  /** Ingredient lines as written. */
  ingredients: readonly string[];
  /** Names of the plants the lines matched (food names and crops). */
  plants: readonly string[];
}

/** Where a token occurs in a recipe; a higher field ranks higher. */
export const FIELD_NAME = 4;
export const FIELD_INGREDIENT = 2;
export const FIELD_PLANT = 1;

/**
 * Tokens of many recipes: every distinct token once, sorted, with the recipes
 * holding it and in which fields, so a prefix query is a binary search plus a
 * walk over the matching tokens' postings.
 */
export interface SearchIndex {
  readonly ids: readonly string[];
  /** Rank of each recipe in name order, the tie-breaker. */
  readonly nameRank: Int32Array;
  /** Recipe numbers in name order. */
  readonly nameOrder: Int32Array;
  readonly tokens: readonly string[];
  /** Per token: the recipe numbers holding it, ascending. */
  readonly postings: readonly Int32Array[];
  /** Per token and posting: the fields (bitmask) the token occurs in. */
  readonly fields: readonly Uint8Array[];
  /** Folded names, to rank "starts with the whole query" first. */
  readonly names: readonly string[];
}

/** One page of a search: the best matches in rank order and how many matched in all. */
export interface SearchResult {
  ids: string[];
  total: number;
}

const STOP_WORDS = new Set(['a', 'an', 'and', 'of', 'or', 'the', 'to', 'in', 'with', 'for', 'on', 'at']);

/** Searchable words of a text: folded, split on anything but letters and digits, stop words and bare numbers left out. */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of foldText(text).split(/[^a-z0-9]+/)) {
    if (word === '' || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    out.push(word);
  }
  return out;
}

/** Query words: like searchTokens, but numbers are kept ("7 spice"). */
function queryTokens(query: string): string[] {
  return foldText(query)
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOP_WORDS.has(word));
}

function addTokens(into: Map<string, number>, text: string, field: number): void {
  for (const word of searchTokens(text)) {
    into.set(word, (into.get(word) ?? 0) | field);
    const single = singularize(word);
    if (single !== word && single.length > 1) into.set(single, (into.get(single) ?? 0) | field);
  }
}

/** The tokens of one recipe with the fields each occurs in. */
export function documentTokens(doc: SearchDocument): Map<string, number> {
  const tokens = new Map<string, number>();
  addTokens(tokens, doc.name, FIELD_NAME);
  for (const line of doc.ingredients) addTokens(tokens, line, FIELD_INGREDIENT);
  for (const plant of doc.plants) addTokens(tokens, plant, FIELD_PLANT);
  return tokens;
}

/**
 * Builds the index of a library. `tokensOf` may return cached token maps
 * (documentTokens) so a rebuild after one edit re-reads only that recipe.
 */
export function buildSearchIndex(
  docs: readonly SearchDocument[],
  tokensOf: (doc: SearchDocument) => ReadonlyMap<string, number> = documentTokens,
): SearchIndex {
  const byToken = new Map<string, { docs: number[]; fields: number[] }>();
  docs.forEach((doc, n) => {
    for (const [token, field] of tokensOf(doc)) {
      let entry = byToken.get(token);
      if (!entry) {
        entry = { docs: [], fields: [] };
        byToken.set(token, entry);
      }
      entry.docs.push(n);
      entry.fields.push(field);
    }
  });
  const tokens = [...byToken.keys()].sort(compareCodeUnits);
  const names = docs.map((doc) => foldText(doc.name).trim());
  const order = docs.map((_, n) => n).sort((a, b) => compareNames(names[a], names[b]) || compareCodeUnits(docs[a].id, docs[b].id));
  const nameRank = new Int32Array(docs.length);
  order.forEach((n, rank) => {
    nameRank[n] = rank;
  });
  return {
    ids: docs.map((doc) => doc.id),
    nameRank,
    nameOrder: Int32Array.from(order),
    tokens,
    postings: tokens.map((token) => Int32Array.from(byToken.get(token)!.docs)),
    fields: tokens.map((token) => Uint8Array.from(byToken.get(token)!.fields)),
    names,
  };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First token ≥ prefix (binary search). */
function lowerBound(tokens: readonly string[], prefix: string): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tokens[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Score of one query word found in one field: whole words beat prefixes, names beat ingredients beat plants. */
function fieldScore(fields: number, exact: boolean): number {
  const base = fields & FIELD_NAME ? 8 : fields & FIELD_INGREDIENT ? 4 : 2;
  return exact ? base : base * 0.75;
}

/**
 * Recipes matching every word of the query by token prefix, best first:
 * summed per-word scores (name over ingredient over plant, whole word over
 * prefix), a bonus when the name starts with the query, then name order.
 * `only`, when given, keeps recipes whose id it holds (the filters).
 * An empty query matches everything in name order.
 */
export function searchRecipes(index: SearchIndex, query: string, limit = 100, only?: ReadonlySet<string>): SearchResult {
  const words = queryTokens(query);
  const count = index.ids.length;
  if (words.length === 0) {
    // Already in name order: no sort, and only the first page becomes ids.
    const ids: string[] = [];
    let total = 0;
    for (const n of index.nameOrder) {
      const id = index.ids[n];
      if (only && !only.has(id)) continue;
      if (total < limit) ids.push(id);
      total += 1;
    }
    return { ids, total };
  }
  const scores = new Float64Array(count);
  const best = new Float64Array(count);
  let alive: Uint8Array | null = null;
  for (const word of words) {
    best.fill(0);
    const hit = new Uint8Array(count);
    for (let t = lowerBound(index.tokens, word); t < index.tokens.length; t += 1) {
      const token = index.tokens[t];
      if (!token.startsWith(word)) break;
      const exact = token.length === word.length;
      const postings = index.postings[t];
      const fields = index.fields[t];
      for (let p = 0; p < postings.length; p += 1) {
        const n = postings[p];
        if (alive && !alive[n]) continue;
        hit[n] = 1;
        const score = fieldScore(fields[p], exact);
        if (score > best[n]) best[n] = score;
      }
    }
    for (let n = 0; n < count; n += 1) if (hit[n]) scores[n] += best[n];
    alive = hit;
  }
  const folded = words.join(' ');
  const candidates: number[] = [];
  for (let n = 0; n < count; n += 1) {
    if (!alive![n] || (only && !only.has(index.ids[n]))) continue;
    if (index.names[n].startsWith(folded)) scores[n] += 5;
    candidates.push(n);
  }
  candidates.sort((a, b) => scores[b] - scores[a] || index.nameRank[a] - index.nameRank[b]);
  return { ids: candidates.slice(0, Math.max(0, limit)).map((n) => index.ids[n]), total: candidates.length };
}
