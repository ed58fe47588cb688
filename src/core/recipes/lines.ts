import type { LineParser } from '../plan/resolve';
import type { Food, IngredientLine, ParsedLine, Recipe, StoredParse } from '../types';

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
  return `${catalogVersion}|${custom.length}|${fingerprint(JSON.stringify(custom))}`;
}

/** True when the recipe's stored parse was read against the parser's foods (it may still lack lines edited since). */
export function parsedWith(recipe: Pick<Recipe, 'parsed'>, parse: LineParser): boolean {
  return parse.key !== undefined && recipe.parsed !== undefined && recipe.parsed.with === parse.key;
}

/**
 * The parser's reading of each line of a recipe: the stored one where it is
 * current (same foods, same text), a fresh one otherwise. Users' fixes are not
 * applied here (see applyOverride).
 */
export function readLines(recipe: Pick<Recipe, 'ingredients' | 'parsed'>, parse: LineParser): ParsedLine[] {
  const stored = parsedWith(recipe, parse) ? recipe.parsed!.lines : undefined;
  return recipe.ingredients.map((line, index) => {
    const known = stored?.[index];
    return known !== undefined && known.input === line.text ? known : parse(line.text);
  });
}

/** True when every line's stored reading is current, so reading the recipe parses nothing. */
export function isParseCurrent(recipe: Pick<Recipe, 'ingredients' | 'parsed'>, parse: LineParser): boolean {
  if (!parsedWith(recipe, parse)) return false;
  const stored = recipe.parsed!.lines;
  return stored.length === recipe.ingredients.length && recipe.ingredients.every((line, index) => stored[index]?.input === line.text);
}

/** The parse to keep with the recipe, read against the parser's foods; reuses what is still current. */
export function storedParse(recipe: Pick<Recipe, 'ingredients' | 'parsed'>, parse: LineParser & { key: string }): StoredParse {
  if (isParseCurrent(recipe, parse)) return recipe.parsed!;
  return { with: parse.key, lines: readLines(recipe, parse) };
}
