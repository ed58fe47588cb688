import { foldText } from '../ingredients/text';
import type { Food } from '../types';
import { compareNames } from '../format';

/**
 * Foods whose name or alias matches every word of the query by word prefix,
 * best first: name starting with the query, then a name word, then an alias,
 * then shorter names. An empty query gives nothing.
 */
export function searchFoods(foods: readonly Food[], query: string, limit = 50): Food[] {
  const words = foldText(query).split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return [];
  const whole = words.join(' ');
  const scored: { food: Food; score: number }[] = [];
  for (const food of foods) {
    const name = foldText(food.name);
    const nameWords = name.split(/[^a-z0-9]+/);
    let score = 0;
    if (name.startsWith(whole)) score = 3;
    else if (words.every((word) => nameWords.some((w) => w.startsWith(word)))) score = 2;
    else if (food.aliases.some((alias) => {
      const aliasWords = foldText(alias).split(/[^a-z0-9]+/);
      return words.every((word) => aliasWords.some((w) => w.startsWith(word)));
    })) score = 1;
    if (score > 0) scored.push({ food, score });
  }
  scored.sort((a, b) => b.score - a.score || a.food.name.length - b.food.name.length || compareNames(a.food.name, b.food.name));
  return scored.slice(0, Math.max(0, limit)).map((entry) => entry.food);
}
