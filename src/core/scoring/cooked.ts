import type { Food, Recipe } from '../types';

const COOK_WORD = /\b(?:cook|fry|fried|fries|frying|stir-fr|bak(?:e|ed|es|ing)\b|simmer|boil|roast|saut[eé]|braise|grill|toast)/i;
const SENTENCE_BREAK = /[.!?;]+\s+|\n+/;

const termCache = new WeakMap<Food, RegExp | null>();
const stepCache = new WeakMap<Recipe, string[]>();

/** A regex matching the food's name or any alias as whole words; null when it has no usable term. */
function foodTerms(food: Food): RegExp | null {
  const cached = termCache.get(food);
  if (cached !== undefined) return cached;
  const terms = new Set<string>();
  for (const term of [food.name, ...food.aliases]) {
    const clean = term.toLowerCase().trim();
    if (clean.length >= 3) terms.add(clean);
  }
  const sorted = [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const regex = pattern ? new RegExp(`(?:^|[^\\p{L}])(?:${pattern})(?![\\p{L}])`, 'iu') : null;
  termCache.set(food, regex);
  return regex;
}

/** The recipe's steps split into sentences, cached per recipe object. */
function sentences(recipe: Recipe): string[] {
  const cached = stepCache.get(recipe);
  if (cached) return cached;
  const out: string[] = [];
  for (const step of recipe.steps) {
    for (const part of step.split(SENTENCE_BREAK)) if (COOK_WORD.test(part)) out.push(part);
  }
  stepCache.set(recipe, out);
  return out;
}

/**
 * Whether a live fermented food is cooked where it is eaten: its own line says so
 * ("cooked kimchi"), or a sentence of a recipe step names the food beside a cooking
 * word ("Add the miso and simmer"). Heat kills the cultures, so it then counts as not live.
 */
export function isCooked(lineText: string, food: Food, recipe: Recipe | null): boolean {
  if (COOK_WORD.test(lineText)) return true;
  if (!recipe || recipe.steps.length === 0) return false;
  const terms = foodTerms(food);
  if (!terms) return false;
  for (const sentence of sentences(recipe)) if (terms.test(sentence)) return true;
  return false;
}
