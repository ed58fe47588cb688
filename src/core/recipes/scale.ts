import type { Recipe } from '../types';

const VULGAR: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75, '⅓': 1 / 3, '⅔': 2 / 3, '⅛': 0.125, '⅜': 0.375, '⅝': 0.625, '⅞': 0.875 };
const NUMBER = String.raw`(?:\d+\s+\d+\/\d+|\d+\/\d+|\d*[½¼¾⅓⅔⅛⅜⅝⅞]|\d+(?:[.,]\d+)?)`;
/** A leading amount: bullets, then a number or a range ("2-3", "2 to 3"). */
const LEADING = new RegExp(String.raw`^([\s\-–—•*]*)(${NUMBER})(?:(\s*(?:-|–|to)\s*)(${NUMBER}))?(?=$|[\s\-a-zA-Z(])`);
/** Units written in grams, millilitres and the like read best as whole numbers. */
const METRIC_UNIT = /^\s*(?:g|gr|grams?|grammes?|ml|millilit(?:er|re)s?|kg|kilograms?|l|lit(?:er|re)s?|cl|dl|oz|ounces?|lbs?|pounds?)\b/i;

/** The number a written amount stands for: "2", "1.5", "1,5", "1/2", "1 1/2", "½", "1½". */
export function readAmount(text: string): number | null {
  const t = text.trim();
  const last = t.at(-1) ?? '';
  if (last in VULGAR) {
    const whole = t.slice(0, -1).trim();
    return (whole === '' ? 0 : Number(whole)) + VULGAR[last];
  }
  const mixed = /^(\d+)\s+(\d+)\/(\d+)$/.exec(t);
  if (mixed) return Number(mixed[3]) === 0 ? null : Number(mixed[1]) + Number(mixed[2]) / Number(mixed[3]);
  const fraction = /^(\d+)\/(\d+)$/.exec(t);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  const plain = Number(t.replace(',', '.'));
  return Number.isFinite(plain) ? plain : null;
}

const NICE_FRACTIONS: readonly [number, string][] = [
  [0, ''],
  [1 / 8, '1/8'],
  [1 / 4, '1/4'],
  [1 / 3, '1/3'],
  [3 / 8, '3/8'],
  [1 / 2, '1/2'],
  [5 / 8, '5/8'],
  [2 / 3, '2/3'],
  [3 / 4, '3/4'],
  [7 / 8, '7/8'],
  [1, ''],
];

/**
 * An amount written as cooks write it: whole numbers, kitchen fractions
 * ("1 1/2", "1/3") when one is within 2 %, else up to two decimals.
 * `metric` amounts (grams, millilitres) round to whole numbers above 10.
 */
export function formatAmount(value: number, metric = false): string {
  if (!Number.isFinite(value) || value <= 0) return '0';
  if (metric) return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
  const whole = Math.floor(value);
  const rest = value - whole;
  for (const [fraction, text] of NICE_FRACTIONS) {
    if (Math.abs(rest - fraction) <= 0.02 * Math.max(value, 0.5)) {
      if (fraction === 1) return String(whole + 1);
      if (text === '') return String(whole);
      return whole === 0 ? text : `${whole} ${text}`;
    }
  }
  return String(Math.round(value * 100) / 100);
}

/**
 * One ingredient line with its leading amount multiplied by `factor`
 * ("1 1/2 cups rice" × 2 → "3 cups rice"; ranges scale both ends). Lines with
 * no leading number ("salt to taste") come back unchanged; so does the pack
 * size in brackets ("1 (400 g) can" × 2 → "2 (400 g) can").
 */
export function scaleLine(line: string, factor: number): string {
  if (!Number.isFinite(factor) || factor <= 0 || factor === 1) return line;
  const match = LEADING.exec(line);
  if (!match) return line;
  const [whole, lead, first, joiner, second] = match;
  const rest = line.slice(whole.length);
  const metric = METRIC_UNIT.test(rest);
  const low = readAmount(first);
  if (low === null) return line;
  let amount = formatAmount(low * factor, metric);
  if (second !== undefined) {
    const high = readAmount(second);
    if (high === null) return line;
    amount += `${joiner}${formatAmount(high * factor, metric)}`;
  }
  return `${lead}${amount}${rest}`;
}

/** True when a line starts with an amount scaling would change. */
export function hasAmount(line: string): boolean {
  return LEADING.test(line);
}

/**
 * A recipe's ingredient lines and the grams the user set rewritten for another
 * number of servings; line ids, picked foods and everything else are kept.
 */
export function scaleRecipe<R extends Pick<Recipe, 'servings' | 'ingredients'>>(recipe: R, servings: number): R {
  if (!Number.isFinite(servings) || servings <= 0 || !(recipe.servings > 0)) return recipe;
  const factor = servings / recipe.servings;
  return {
    ...recipe,
    servings,
    ingredients: recipe.ingredients.map((line) => ({
      ...line,
      text: scaleLine(line.text, factor),
      ...(line.grams !== undefined ? { grams: Math.round(line.grams * factor * 10) / 10 } : {}),
    })),
  };
}
