import type { Food } from '../types';

/** Largest single piece taken as one portion; bigger items (a whole squash) fall back to the default. */
const MAX_PIECE_GRAMS = 250;
/** One portion of a fresh vegetable, fruit, grain or pulse when the food has no piece size. */
const DEFAULT_GRAMS = 80;
/** Most energy one suggested portion may bring: a side dish, not a meal of one food. */
const MAX_PORTION_KCAL = 300;
/** Energy per 100 g above which a vegetable, fruit or mushroom is dried or concentrated (fresh ones are below 120). */
const DRIED_KCAL = 200;
/** A sprinkle of a dried vegetable, seaweed or mushroom (agar, nori, porcini). */
const DRIED_SPRINKLE_GRAMS = 5;
/** A piece lighter than this (a grape, an olive, a strawberry) is eaten several at a time … */
const SMALL_PIECE_GRAMS = 30;
/** … about this many: a handful of berries or mushrooms, a few sprouts or cherry tomatoes, two crackers. */
const SMALL_PIECES: Partial<Record<Food['group'], number>> = { fruit: 10, mushroom: 10, vegetable: 4 };
/** Eaten one at a time however small: a chili, a shallot or spring onion. */
const ONE_AT_A_TIME = /\b(chil[ie]s?|chile|jalape|habanero|serrano|scotch bonnet|bird'?s eye)/i;

function smallPieces(food: Food): number {
  if (food.family === 'Amaryllidaceae' || ONE_AT_A_TIME.test(food.name)) return 1;
  return SMALL_PIECES[food.group] ?? 2;
}
/** A small handful of dried fruit. */
const DRIED_FRUIT_GRAMS = 30;

function isDried(food: Food): boolean {
  const description = food.source?.description ?? '';
  return /\b(dried|dehydrated|powder|flakes)\b/i.test(description) || (food.kcalPer100g ?? 0) >= DRIED_KCAL;
}

/**
 * The grams of one portion someone would eat of a food on its own: a piece, a handful of nuts or dried fruit,
 * a teaspoon of a spice, a tablespoon of a condiment, a sprinkle of a dried seaweed, else 80 g. Never more than
 * the smallest pack the food is sold in, nor more energy than a side dish.
 */
export function suggestedPortionGrams(food: Food): number {
  const p = food.portions;
  let grams: number;
  if (food.group === 'herb' || food.group === 'spice' || food.weight < 1) grams = p.teaspoon ?? p.clove ?? p.sprig ?? 5;
  else if (food.group === 'nut' || food.group === 'seed') grams = p.handful ?? 30;
  else if (food.group === 'condiment' || food.group === 'baking' || food.group === 'sweetener' || food.group === 'beverage plant')
    grams = p.tablespoon ?? 15;
  else if (food.group === 'fruit' && isDried(food)) grams = p.handful ?? DRIED_FRUIT_GRAMS;
  else if ((food.group === 'vegetable' || food.group === 'mushroom') && isDried(food)) grams = p.tablespoon ?? DRIED_SPRINKLE_GRAMS;
  else {
    const piece = p.medium ?? p.piece;
    // Nobody eats one grape or one olive: small pieces come as a few, up to the default portion.
    if (piece !== undefined && piece < SMALL_PIECE_GRAMS) grams = Math.min(DEFAULT_GRAMS, Math.round(piece * smallPieces(food)));
    else grams = piece !== undefined && piece <= MAX_PIECE_GRAMS ? piece : DEFAULT_GRAMS;
  }
  const cap = Math.min(
    food.pack && food.pack.grams > 0 ? food.pack.grams : Infinity,
    food.kcalPer100g && food.kcalPer100g > 0 ? (MAX_PORTION_KCAL * 100) / food.kcalPer100g : Infinity,
  );
  if (grams <= cap) return grams;
  // A capped figure is one someone would weigh: tenths of a gram for a pinch, else whole 5 g.
  return cap < 10 ? Math.floor(cap * 10) / 10 : Math.floor(cap / 5) * 5;
}
