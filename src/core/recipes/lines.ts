import { hashText } from '../hash';
import type { FoodLookup, LineParser } from '../plan/resolve';
import type { Food, IngredientLine, ParsedLine, Recipe, StoredParse, StoredReading } from '../types';

/** Lines read from plain text lines (an import, a plan file, the starter library); ids `l1`, `l2` … */
export function linesFromTexts(texts: readonly string[]): IngredientLine[] {
  return texts.map((text, index) => ({ id: `l${index + 1}`, text }));
}

/** A user's fix as the stored format before line records kept it: keyed by line index. */
export type LegacyOverrides = Record<string | number, { food?: string | null; grams?: number | null } | undefined>;

/**
 * Lines from the format before line records: plain strings plus overrides
 * keyed by line index. Each fix moves onto its line; a grams fix of null meant
 * "the parser's", so it is left out.
 */
export function linesFromLegacy(texts: readonly string[], overrides: LegacyOverrides | undefined): IngredientLine[] {
  return linesFromTexts(texts).map((line, index) => {
    const fix = overrides?.[index];
    if (!fix) return line;
    return {
      ...line,
      ...(fix.food !== undefined ? { food: fix.food } : {}),
      ...(typeof fix.grams === 'number' ? { grams: fix.grams } : {}),
    };
  });
}

/** The text of each line, in order. */
export function lineTexts(lines: readonly IngredientLine[]): string[] {
  return lines.map((line) => line.text);
}

/** True when the user fixed the line's food or grams. */
export function hasFix(line: IngredientLine): boolean {
  return line.food !== undefined || line.grams !== undefined;
}

/**
 * The line records after the lines were edited as text (the editor's
 * textarea): an unchanged line keeps its record (id and fixes) wherever it
 * moved; a stretch edited in place, line for line, keeps its records with the
 * new text; any other new text is a new line with an id from `newId`.
 */
export function reconcileLines(previous: readonly IngredientLine[], texts: readonly string[], newId: () => string): IngredientLine[] {
  let prefix = 0;
  while (prefix < previous.length && prefix < texts.length && previous[prefix].text === texts[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < previous.length - prefix &&
    suffix < texts.length - prefix &&
    previous[previous.length - 1 - suffix].text === texts[texts.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const before = previous.slice(prefix, previous.length - suffix);
  const after = texts.slice(prefix, texts.length - suffix);
  let middle: IngredientLine[];
  if (before.length === after.length) {
    middle = after.map((text, index) => ({ ...before[index], text }));
  } else {
    const unused = [...before];
    middle = after.map((text) => {
      const at = unused.findIndex((line) => line.text === text);
      if (at < 0) return { id: newId(), text };
      const [line] = unused.splice(at, 1);
      return line;
    });
  }
  return [...previous.slice(0, prefix), ...middle, ...previous.slice(previous.length - suffix)];
}

/** Lines as saved: blank lines dropped, spaces around the text trimmed. */
export function tidyLines(lines: readonly IngredientLine[]): IngredientLine[] {
  return lines.filter((line) => line.text.trim() !== '').map((line) => (line.text === line.text.trim() ? line : { ...line, text: line.text.trim() }));
}

/** FNV-1a over a string, as 8 hex digits: a short fingerprint, not a secret. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Names the foods a parse was read against: the shipped catalog's version
 * (its file name carries a hash of its content) and a fingerprint of the
 * user's own foods in id order. Any change to either gives another key.
 */
export function parseKey(catalogVersion: string, customFoods: readonly Food[]): string {
  const custom = [...customFoods].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return `${READINGS_FORMAT}|${catalogVersion}|${custom.length}|${fingerprint(JSON.stringify(custom))}`;
}

/**
 * The stored readings' format, first in every key: readings kept in an
 * earlier format (whole parsed lines, under keys without this tag) are under
 * another key, so they count as out of date everywhere and the next pass
 * stores them again.
 */
const READINGS_FORMAT = 'r2';

const SIZES = [null, 'small', 'medium', 'large'] as const;

/** A parser's reading of a line as a recipe keeps it: the food's id and the numbers. */
export function compactReading(parsed: ParsedLine): StoredReading {
  const flags = (parsed.optional ? 1 : 0) | (SIZES.indexOf(parsed.size) << 1);
  return [hashText(parsed.input), parsed.food?.id ?? null, parsed.quantity, parsed.quantityMax, parsed.unit, parsed.grams, flags, parsed.confidence, parsed.note];
}

/**
 * A stored reading as the parser would have given it for `text`, its food
 * named from `lookup` (the foods it was read against); undefined when it is
 * not a reading of this text (another text, an older stored format) or its
 * food is unknown, so the line is read again.
 */
export function expandReading(stored: unknown, text: string, lookup: FoodLookup): ParsedLine | undefined {
  if (!Array.isArray(stored) || stored.length !== 9 || stored[0] !== hashText(text)) return undefined;
  const [, foodId, quantity, quantityMax, unit, grams, flags, confidence, note] = stored as StoredReading;
  let food: ParsedLine['food'] = null;
  if (foodId !== null) {
    const known = lookup(foodId);
    if (!known) return undefined;
    food = { id: known.id, name: known.name };
  }
  return { input: text, quantity, quantityMax, unit, food, grams, optional: (flags & 1) === 1, note, confidence, size: SIZES[(flags >> 1) & 3] };
}

/** The hash of all of a recipe's lines' texts, in order. */
function textsHash(lines: readonly IngredientLine[]): string {
  return hashText(JSON.stringify(lines.map((line) => line.text)));
}

/** True when the recipe's stored parse was read against the parser's foods, in this format (it may still lack lines edited since). */
export function parsedWith(recipe: Pick<Recipe, 'parsed'>, parse: LineParser): boolean {
  const parsed = recipe.parsed as Partial<StoredParse> | undefined;
  return parse.key !== undefined && parsed !== undefined && parsed.with === parse.key && typeof parsed.lines === 'string' && typeof parsed.texts === 'string';
}

/** The stored readings of a recipe's lines, in line order; none when unreadable. */
function storedReadings(parsed: StoredParse): unknown[] {
  try {
    const lines: unknown = JSON.parse(parsed.lines);
    return Array.isArray(lines) ? lines : [];
  } catch {
    return [];
  }
}

/**
 * The parser's reading of each line of a recipe: the stored one where it is
 * current (same foods, same text), a fresh one otherwise. The one place a
 * stored reading is read: the scorer, the shopping list, the planner and a
 * recipe's summary all come here through `resolveMeals`, the recipe editor
 * directly. Users' fixes are not applied here (see applyOverride).
 */
export function readLines(recipe: Pick<Recipe, 'ingredients' | 'parsed'>, parse: LineParser, lookup: FoodLookup): ParsedLine[] {
  const stored = parsedWith(recipe, parse) ? storedReadings(recipe.parsed!) : [];
  return recipe.ingredients.map((line, index) => expandReading(stored[index], line.text, lookup) ?? parse(line.text));
}

/** True when every line's stored reading is current, so reading the recipe parses nothing (its foods are checked when read). */
export function isParseCurrent(recipe: Pick<Recipe, 'ingredients' | 'parsed'>, parse: LineParser): boolean {
  return parsedWith(recipe, parse) && recipe.parsed!.texts === textsHash(recipe.ingredients);
}

/** The parse to keep with the recipe, read against the parser's foods (every line parsed: the parser's memo makes repeats cheap). */
export function storedParse(recipe: Pick<Recipe, 'ingredients'>, parse: LineParser & { key: string }): StoredParse {
  return {
    with: parse.key,
    texts: textsHash(recipe.ingredients),
    lines: JSON.stringify(recipe.ingredients.map((line) => compactReading(parse(line.text)))),
  };
}
