import type { Recipe } from '../types';
import { formatCount } from '../format';
import { DEFAULT_SERVINGS, ImportError, MAX_NAME_LENGTH, draftToRecipe, durationToMinutes, servingsFromYield, type RecipeDraft } from './draft';
import { ingredientLinesWithAmounts } from './html-ingredients';
import { cleanKeepingLines, cleanText, decodeEntities, stripLeadingGlyphs } from './text';

/** Deepest JSON nesting the recipe search walks into; real pages stay under 15. */
const MAX_DEPTH = 64;
/** Most JSON values visited per page, so a hostile page cannot keep the search busy. */
const MAX_NODES = 200_000;
/** Largest script block parsed (real pages stay well under 1 MB). */
const MAX_BLOCK_LENGTH = 8_000_000;
const MAX_LINES = 1_000;
const MAX_LINE_LENGTH = 10_000;
const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 100;
/** Most recipes taken from one page or value. */
const MAX_RECIPES = 100;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attributes of one start tag's inner text (`type="application/ld+json" id=x`), names lower-cased. */
function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g)) {
    const name = match[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

/** The raw text of every `<script type="application/ld+json">` block, in page order. */
export function findJsonLdScripts(html: string): string[] {
  const scripts: string[] = [];
  const open = /<script\b/gi;
  const close = /<\/script\s*>/gi;
  // Index scanning rather than one big regex keeps hostile pages linear.
  while (open.exec(html) !== null) {
    const tagEnd = html.indexOf('>', open.lastIndex);
    if (tagEnd < 0) break;
    close.lastIndex = tagEnd + 1;
    const end = close.exec(html);
    const bodyEnd = end ? end.index : html.length;
    const type = readAttributes(html.slice(open.lastIndex, tagEnd)).get('type')?.trim().toLowerCase() ?? '';
    if (type.startsWith('application/ld+json')) scripts.push(html.slice(tagEnd + 1, bodyEnd));
    if (!end) break;
    open.lastIndex = close.lastIndex;
  }
  return scripts;
}

function unwrapScript(text: string): string {
  let body = text.trim();
  body = body.replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>$/, '').trim();
  body = body.replace(/^<!--/, '').replace(/-->$/, '').trim();
  body = body.replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>$/, '').trim();
  return body.replace(/^\uFEFF/, '').replace(/;\s*$/, '');
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Parses one JSON-LD script body, forgiving what real pages get wrong:
 * CDATA and comment wrappers, raw line breaks inside strings, trailing commas.
 * Returns undefined for a block that is not JSON at all.
 */
export function parseJsonLdScript(text: string): unknown {
  if (text.length > MAX_BLOCK_LENGTH) return undefined;
  const body = unwrapScript(text);
  if (body.length === 0) return undefined;
  const attempts = [body];
  // Control characters are only invalid inside strings, where a space is the best guess.
  const spaced = body.replace(/[\u0000-\u001f]+/g, ' ');
  if (spaced !== body) attempts.push(spaced);
  attempts.push(spaced.replace(/,(\s*[}\]])/g, '$1'));
  for (const attempt of attempts) {
    const result = tryParse(attempt);
    if (result.ok) return result.value;
  }
  return undefined;
}

function typeNames(node: JsonObject): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, '').trim().toLowerCase());
}

function isRecipeNode(node: JsonObject): boolean {
  return typeNames(node).includes('recipe');
}

/**
 * The first `keep` schema.org Recipe nodes in a JSON-LD value, in document
 * order, and how many there are in all (counted as far as the node cap allows).
 */
function scanRecipeNodes(root: unknown, keep: number): { nodes: JsonObject[]; total: number } {
  const found: JsonObject[] = [];
  let total = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  let visited = 0;
  while (stack.length > 0 && visited < MAX_NODES) {
    const { value, depth } = stack.pop()!;
    visited += 1;
    if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) continue;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value) && isRecipeNode(value as JsonObject)) {
      total += 1;
      // Past the cap, recipes are only counted: their insides are not walked.
      if (found.length >= keep) continue;
      found.push(value as JsonObject);
    }
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return { nodes: found, total };
}

/**
 * Every schema.org Recipe node in a JSON-LD value, in document order: at the
 * top level, in arrays, inside `@graph`, under `mainEntity` or any other key.
 * Stops after 100 recipes.
 */
export function findRecipeNodes(root: unknown): JsonObject[] {
  return scanRecipeNodes(root, MAX_RECIPES).nodes;
}

/** Recipes read from a source, and how many it held: more than were read when it passes the cap of 100. */
export interface RecipesRead {
  drafts: RecipeDraft[];
  total: number;
}

/** The line that says recipes were left out ("read 100 of 90,000 recipes; the rest were left out"), or null. */
export function leftOutNotice(read: RecipesRead): string | null {
  return read.total > read.drafts.length ? `read ${formatCount(read.drafts.length)} of ${formatCount(read.total)} recipes; the rest were left out` : null;
}

/** Strings from a value that may be a string, a number, an object with a name/text, or arrays of those. */
function strings(value: unknown, depth = 0): string[] {
  if (depth > 8) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (Array.isArray(value)) return value.slice(0, MAX_LINES).flatMap((item) => strings(item, depth + 1));
  if (isObject(value)) {
    for (const key of ['name', 'text', '@value', 'value']) {
      if (typeof value[key] === 'string' || typeof value[key] === 'number') return strings(value[key], depth + 1);
    }
  }
  return [];
}

function firstText(value: unknown, limit: number): string | null {
  for (const candidate of strings(value)) {
    const text = cleanText(candidate.slice(0, limit * 4)).slice(0, limit).trim();
    if (text) return text;
  }
  return null;
}

function limitLine(line: string): string {
  return line.length > MAX_LINE_LENGTH ? line.slice(0, MAX_LINE_LENGTH) : line;
}

/**
 * Undoes the extra parentheses a common recipe plugin writes around a note
 * that already has its own: "1 cup milk ((400 ml))" becomes "1 cup milk (400 ml)",
 * and "1 potato ((Aus: Sebago), or other starchy potato (Note 1))" becomes
 * "1 potato (Aus: Sebago), or other starchy potato (Note 1)". Parentheses are
 * paired by nesting, and a pair is dropped only when what it holds both starts
 * and ends with a parenthesis of its own, so "((1 cup), at room temperature)"
 * and unbalanced text stay as written.
 */
export function undoubleParentheses(line: string): string {
  if (!line.includes('((')) return line;
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '(') open.push(i);
    else if (line[i] === ')') {
      const start = open.pop();
      if (start !== undefined) closing.set(start, i);
    }
  }
  const dropped = new Set<number>();
  for (const [start, end] of closing) {
    // What the pair holds starts and ends with a parenthesis of its own: the pair is the plugin's wrapper.
    if (line[start + 1] === '(' && line[end - 1] === ')' && end - start > 3) {
      dropped.add(start);
      dropped.add(end);
    }
  }
  if (dropped.size === 0) return line;
  let result = '';
  for (let i = 0; i < line.length; i += 1) if (!dropped.has(i)) result += line[i];
  return result;
}

/** The clean-up every ingredient line gets, from the JSON-LD or from the page. */
function tidyIngredient(line: string): string {
  return undoubleParentheses(limitLine(stripLeadingGlyphs(line)));
}

function ingredientLines(node: JsonObject): string[] {
  const raw = node.recipeIngredient ?? node.ingredients;
  const lines: string[] = [];
  const items = typeof raw === 'string' ? [raw] : strings(raw);
  for (const item of items) {
    // One string holding the whole list is split at its line breaks.
    const parts = typeof raw === 'string' ? cleanKeepingLines(item) : [cleanText(item)];
    for (const part of parts) {
      const line = tidyIngredient(part);
      if (line && lines.length < MAX_LINES) lines.push(line);
    }
  }
  return lines;
}

function collectSteps(value: unknown, section: string | null, steps: string[], depth: number): void {
  if (depth > 12 || steps.length >= MAX_LINES) return;
  const push = (text: string) => {
    for (const line of cleanKeepingLines(text)) {
      if (steps.length >= MAX_LINES) return;
      steps.push(limitLine(section ? `${section}: ${line}` : line));
    }
  };
  if (typeof value === 'string') {
    push(value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) collectSteps(item, section, steps, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const types = typeNames(value);
  const children = value.itemListElement ?? value.steps;
  const name = typeof value.name === 'string' ? cleanText(value.name) : '';
  const text = typeof value.text === 'string' ? value.text : typeof value.description === 'string' ? value.description : '';
  if (types.includes('howtosection') || (children !== undefined && !text)) {
    const title = name ? (section ? `${section}: ${name}` : name) : section;
    collectSteps(children, title, steps, depth + 1);
    return;
  }
  if (text) push(text);
  else if (name) push(name);
  if (children !== undefined) collectSteps(children, section, steps, depth + 1);
}

function stepLines(node: JsonObject): string[] {
  const steps: string[] = [];
  collectSteps(node.recipeInstructions ?? node.instructions, null, steps, 0);
  return steps;
}

function yieldOf(node: JsonObject): { servings: number; text: string | null } {
  const items = strings(node.recipeYield ?? node.yield)
    .map((item) => cleanText(item))
    .filter((item) => item.length > 0 && item.length <= 200);
  const portions = items.filter((item) => /serv|portion|person|people|persone|personen|porci/i.test(item));
  let servings: number | null = null;
  for (const item of [...portions, ...items]) {
    servings = servingsFromYield(item);
    if (servings !== null) break;
  }
  const text = items.find((item) => /[^\d\s.,]/.test(item)) ?? items[0] ?? null;
  return { servings: servings ?? DEFAULT_SERVINGS, text };
}

function tagsOf(node: JsonObject): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const key of ['recipeCategory', 'recipeCuisine', 'keywords']) {
    for (const item of strings(node[key])) {
      for (const part of cleanText(item).split(/\s*[,;]\s*/)) {
        const tag = part.trim();
        const folded = tag.toLowerCase();
        if (!tag || tag.length > MAX_TAG_LENGTH || seen.has(folded) || tags.length >= MAX_TAGS) continue;
        seen.add(folded);
        tags.push(tag);
      }
    }
  }
  return tags;
}

function httpUrl(value: unknown): string | null {
  const text = firstText(isObject(value) && typeof value['@id'] === 'string' ? value['@id'] : value, 2_000);
  return text && /^https?:\/\/\S+$/i.test(text) ? text : null;
}

/** What the page around the JSON-LD says: its canonical address and its title. */
export interface PageInfo {
  canonicalUrl: string | null;
  title: string | null;
}

/** The canonical link (or og:url) and the `<title>` of an HTML page. */
export function readPageInfo(html: string): PageInfo {
  let canonicalUrl: string | null = null;
  let ogUrl: string | null = null;
  for (const match of html.matchAll(/<(link|meta)\b([^<>]*)>/gi)) {
    const attributes = readAttributes(match[2]);
    if (match[1].toLowerCase() === 'link' && (attributes.get('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      canonicalUrl ??= httpUrl(attributes.get('href'));
    } else if ((attributes.get('property') ?? attributes.get('name'))?.toLowerCase() === 'og:url') {
      ogUrl ??= httpUrl(attributes.get('content'));
    }
    if (canonicalUrl) break;
  }
  const title = /<title\b[^<>]*>([^<]{1,1000})<\/title\s*>/i.exec(html);
  return { canonicalUrl: canonicalUrl ?? ogUrl, title: title ? cleanText(title[1]) || null : null };
}

/** Builds a draft from one schema.org Recipe node. */
export function recipeNodeToDraft(node: JsonObject, page: PageInfo = { canonicalUrl: null, title: null }): RecipeDraft {
  const recipeYield = yieldOf(node);
  const prepMinutes = durationToMinutes(node.prepTime);
  let cookMinutes = durationToMinutes(node.cookTime);
  const totalMinutes = durationToMinutes(node.totalTime);
  if (cookMinutes === null && totalMinutes !== null && prepMinutes !== null && totalMinutes > prepMinutes) {
    cookMinutes = totalMinutes - prepMinutes;
  }
  return {
    name: firstText(node.name, MAX_NAME_LENGTH) ?? firstText(node.headline, MAX_NAME_LENGTH) ?? page.title?.slice(0, MAX_NAME_LENGTH) ?? 'Untitled recipe',
    servings: recipeYield.servings,
    ingredients: ingredientLines(node),
    steps: stepLines(node),
    tags: tagsOf(node),
    source: httpUrl(node.url) ?? httpUrl(node.mainEntityOfPage) ?? page.canonicalUrl,
    prepMinutes,
    cookMinutes,
    totalMinutes,
    description: firstText(node.description, 5_000),
    yieldText: recipeYield.text,
  };
}

/**
 * Every recipe in a JSON-LD value (already parsed), as drafts; recipes that
 * list ingredients come first. Throws ImportError when there is none.
 */
export function parseRecipesFromJsonLd(value: unknown, page?: PageInfo): RecipeDraft[] {
  return readRecipesFromJsonLd(value, page).drafts;
}

/** As parseRecipesFromJsonLd, with the number of recipes the value held (see leftOutNotice). */
export function readRecipesFromJsonLd(value: unknown, page?: PageInfo): RecipesRead {
  const { nodes, total } = scanRecipeNodes(value, MAX_RECIPES);
  if (nodes.length === 0) throw new ImportError('no schema.org Recipe found in this data');
  return { drafts: rankDrafts(nodes.map((node) => recipeNodeToDraft(node, page))), total };
}

function rankDrafts(drafts: RecipeDraft[]): RecipeDraft[] {
  return [...drafts.filter((d) => d.ingredients.length > 0), ...drafts.filter((d) => d.ingredients.length === 0)];
}

/**
 * Every schema.org Recipe in an HTML page's JSON-LD blocks, as drafts in page
 * order (recipes with ingredients first). Blocks with broken JSON are skipped.
 * Ingredient lines without amounts are taken from the page's own list when it
 * shows the same ingredients with amounts (see ingredientLinesWithAmounts).
 * Throws ImportError when the page holds no Recipe.
 */
export function parseRecipesFromHtml(html: string): RecipeDraft[] {
  return readRecipesFromHtml(html).drafts;
}

/** As parseRecipesFromHtml, with the number of recipes the page held (see leftOutNotice). */
export function readRecipesFromHtml(html: string): RecipesRead {
  if (typeof html !== 'string') throw new ImportError('the page is not text');
  const scripts = findJsonLdScripts(html);
  if (scripts.length === 0) throw new ImportError('no schema.org Recipe found in this page (it has no JSON-LD block)');
  const nodes: JsonObject[] = [];
  let total = 0;
  let broken = 0;
  for (const script of scripts) {
    const value = parseJsonLdScript(script);
    if (value === undefined) {
      broken += 1;
      continue;
    }
    const scan = scanRecipeNodes(value, MAX_RECIPES - nodes.length);
    nodes.push(...scan.nodes);
    total += scan.total;
  }
  if (nodes.length === 0) {
    const why = broken === scripts.length ? ' (its JSON-LD could not be read)' : '';
    throw new ImportError(`no schema.org Recipe found in this page${why}`);
  }
  const page = readPageInfo(html);
  const drafts = rankDrafts(
    nodes.map((node) => {
      const draft = recipeNodeToDraft(node, page);
      const withAmounts = ingredientLinesWithAmounts(html, draft.ingredients);
      return withAmounts ? { ...draft, ingredients: withAmounts.map(tidyIngredient) } : draft;
    }),
  );
  return { drafts, total };
}

/** The page's main recipe (the first Recipe with ingredients) as a stored recipe with the given id and time. */
export function importRecipeFromHtml(html: string, options: { id: string; now: string }): Recipe {
  return draftToRecipe(parseRecipesFromHtml(html)[0], options);
}
