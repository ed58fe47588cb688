import { linesFromTexts } from '../recipes/lines';
import type { Recipe } from '../types';

/** Thrown when an input cannot be imported; the message is one line for the user. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/**
 * A recipe read from outside the app, before it gets an id and timestamps.
 * Carries what the import found beyond the stored `Recipe` fields
 * (description, the original yield text, total time) so a caller can show it.
 */
export interface RecipeDraft {
  name: string;
  servings: number;
  ingredients: string[];
  steps: string[];
  tags: string[];
  source: string | null;
  prepMinutes: number | null;
  cookMinutes: number | null;
  totalMinutes: number | null;
  description: string | null;
  /** The yield as written ("Serves 4-6", "12 cookies"), null when the source had none. */
  yieldText: string | null;
}

/** Servings used when the source gives none or none that makes sense. */
export const DEFAULT_SERVINGS = 4;

/** Longest name kept; longer ones are cut. */
export const MAX_NAME_LENGTH = 300;

/** Turns a draft into a stored recipe with the id and time the caller chose. */
export function draftToRecipe(draft: RecipeDraft, options: { id: string; now: string }): Recipe {
  return {
    id: options.id,
    name: draft.name,
    servings: draft.servings,
    ingredients: linesFromTexts(draft.ingredients),
    steps: [...draft.steps],
    tags: [...draft.tags],
    source: draft.source,
    prepMinutes: draft.prepMinutes,
    cookMinutes: draft.cookMinutes,
    createdAt: options.now,
    updatedAt: options.now,
  };
}

const NUMBER_WORDS: Record<string, number> = {
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
  dozen: 12,
};

/**
 * Servings from a yield: a number, or text such as "4 servings", "Serves 4-6"
 * (the lower bound), "12 cookies", "four". Null when no sane count is found.
 */
export function servingsFromYield(text: string): number | null {
  const match = /(\d+(?:[.,]\d+)?)(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?/.exec(text);
  let value: number | null = null;
  if (match) value = Number(match[1].replace(',', '.'));
  else {
    const word = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\b/i.exec(text);
    if (word) value = NUMBER_WORDS[word[1].toLowerCase()];
  }
  if (value === null || !Number.isFinite(value) || value <= 0 || value > 1000) return null;
  return value;
}

/**
 * Minutes from a duration: ISO 8601 (`PT1H30M`, `P0DT20M`, `PT90S`, `P1D`),
 * a bare number of minutes, or text like "1 hr 15 mins". Null when unreadable or zero-length garbage.
 */
export function durationToMinutes(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value < 1e6 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > 100) return null;
  const iso = /^-?P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i.exec(text);
  if (iso) {
    if (text.startsWith('-')) return null;
    const [, years, months, weeks, days, hours, minutes, seconds] = iso.map((part) => (part === undefined ? 0 : Number(part.replace(',', '.'))));
    const total = years * 525_600 + months * 43_200 + weeks * 10_080 + days * 1_440 + hours * 60 + minutes + seconds / 60;
    return Number.isFinite(total) && total < 1e6 ? Math.round(total) : null;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return durationToMinutes(Number(text));
  let total = 0;
  let found = false;
  for (const part of text.matchAll(/(\d+(?:[.,]\d+)?)\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m)\b/gi)) {
    const amount = Number(part[1].replace(',', '.'));
    const unit = part[2].toLowerCase();
    total += unit.startsWith('d') ? amount * 1_440 : unit.startsWith('h') ? amount * 60 : amount;
    found = true;
  }
  return found && total < 1e6 ? Math.round(total) : null;
}
