/** Pure helpers of the Scores view: grouping plants, comparing weeks, the text of a suggested food. */
import { dateRange, longWeekday, shortDate as dayMonth, shortDateWithYear, shortWeekday } from '../../core/date-format';
import { addDays, parseIsoDate } from '../../core/dates';
import type { LineParser } from '../../core/plan/resolve';
import type { PlantEntry } from '../../core/scoring/types';
import { COLOURS, FOOD_GROUPS } from '../../core/types';

export type PlantGrouping = 'group' | 'colour' | 'family';

export interface PlantSection {
  heading: string;
  plants: PlantEntry[];
  /** Sum of the points of the section's plants. */
  points: number;
}


function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Splits a week's plants into sections by food group (catalog order), colour
 * (rainbow order) or botanical family (A–Z); plants without a colour or family
 * come last. Plants inside a section go by points, then name.
 */
export function groupPlants(plants: readonly PlantEntry[], by: PlantGrouping): PlantSection[] {
  const keyOf = (plant: PlantEntry): string =>
    by === 'group' ? plant.group : by === 'colour' ? (plant.colour ?? '') : (plant.family ?? '');
  const order = (key: string): number => {
    if (key === '') return Number.MAX_SAFE_INTEGER;
    if (by === 'group') return (FOOD_GROUPS as readonly string[]).indexOf(key);
    if (by === 'colour') return (COLOURS as readonly string[]).indexOf(key);
    return 0;
  };
  const sections = new Map<string, PlantEntry[]>();
  for (const plant of plants) {
    const key = keyOf(plant);
    const list = sections.get(key);
    if (list) list.push(plant);
    else sections.set(key, [plant]);
  }
  const fallback = by === 'colour' ? 'No colour' : by === 'family' ? 'Family not known' : 'Other';
  return [...sections.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([key, list]) => ({
      heading: key === '' ? fallback : by === 'family' ? key : capitalise(key),
      plants: [...list].sort((a, b) => b.points - a.points || a.name.localeCompare(b.name)),
      points: list.reduce((sum, plant) => sum + plant.points, 0),
    }));
}

/** Words that say how a food was prepared, not which plant it is. */
const PREPARATION = /\b(cooked|canned|dried|frozen|raw|roasted|toasted|fresh|ground|blanched|peeled|boiled|steamed)\b/gi;

/**
 * The plant a counted crop is, in words: its crop ("Sesame", "Olive") when the foods eaten are made from it
 * (tahini, sesame oil), or the one food eaten without its preparation ("Brown rice" for cooked brown rice) when that
 * food ends with the crop's name.
 */
export function plantLabel(plant: Pick<PlantEntry, 'crop' | 'name' | 'foods'>): string {
  const crop = plant.crop.replace(/-/g, ' ');
  const bare = plant.name.replace(PREPARATION, '').replace(/\s+/g, ' ').trim();
  // "Brown rice", "Black olives", "Butternut squash" are the plant; "Olive oil", "Almond butter" are made from it.
  const last = bare.toLowerCase().split(' ').at(-1) ?? '';
  const namesCrop = crop
    .toLowerCase()
    .split(' ')
    .some((word) => last === word || last === `${word}s` || last === `${word}es`);
  if (plant.foods.length <= 1 && namesCrop) return capitalise(bare);
  return capitalise(crop);
}

/** What was eaten of a plant, lower case, A–Z: "sesame oil, tahini". */
export function eatenAs(plant: Pick<PlantEntry, 'foods' | 'name'>, lookup: (id: string) => { name: string } | undefined): string {
  const names = plant.foods.map((id) => (lookup(id)?.name ?? id).toLowerCase());
  return [...new Set(names)].sort((a, b) => a.localeCompare(b)).join(', ') || plant.name.toLowerCase();
}

export interface PlantComparison {
  onlyA: PlantEntry[];
  onlyB: PlantEntry[];
  both: PlantEntry[];
}

/** The plants (points above 0) of week A and week B: only in A, only in B, in both (by counting key, A–Z). */
export function comparePlants(a: readonly PlantEntry[], b: readonly PlantEntry[]): PlantComparison {
  const scoring = (list: readonly PlantEntry[]) => list.filter((plant) => plant.points > 0);
  const keysA = new Set(scoring(a).map((plant) => plant.key));
  const keysB = new Set(scoring(b).map((plant) => plant.key));
  const byName = (x: PlantEntry, y: PlantEntry) => x.name.localeCompare(y.name);
  return {
    onlyA: scoring(a).filter((plant) => !keysB.has(plant.key)).sort(byName),
    onlyB: scoring(b).filter((plant) => !keysA.has(plant.key)).sort(byName),
    both: scoring(a).filter((plant) => keysB.has(plant.key)).sort(byName),
  };
}

/**
 * The food line a plant suggestion adds: "<grams> g <name>", using the first
 * of the food's names that the parser reads back as that same food.
 */
export function suggestionLine(
  food: { id: string; name: string; aliases: readonly string[] },
  grams: number,
  parse: LineParser,
): string {
  const amount = `${Math.round(grams * 10) / 10} g`;
  for (const name of [food.name.toLowerCase(), ...food.aliases]) {
    const line = `${amount} ${name}`;
    if (parse(line).food?.id === food.id) return line;
  }
  return `${amount} ${food.name.toLowerCase()}`;
}

/** "23 Nov 2026" (or "23 Nov" without the year) from an ISO date; the input itself when it is not a date. */
export function shortDate(iso: string, withYear = true): string {
  return withYear ? shortDateWithYear(iso) : dayMonth(iso);
}

/** "23 – 29 Nov 2026" (or "30 Nov – 6 Dec 2026") for the week starting `start`. */
export function weekRange(start: string): string {
  return parseIsoDate(start) ? dateRange(start, addDays(start, 6), 'short') : start;
}

export { longWeekday as weekdayName };

/** "Mon dinner, Thu lunch" from meal references (date + slot), in order, without repeats. */
export function mealPlaces(meals: readonly { date: string; slot: string }[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const meal of [...meals].sort((a, b) => a.date.localeCompare(b.date))) {
    const text = `${shortWeekday(meal.date)} ${meal.slot}`;
    if (!seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join(', ');
}

/** A share 0..1 as a whole percentage ("12%"), with "<1%" for small non-zero shares. */
export function percent(share: number): string {
  if (!(share > 0)) return '0%';
  const value = Math.round(share * 100);
  return value === 0 ? '<1%' : `${value}%`;
}

/** "Why it matters" for the badges, in the words of SCORING.md; none of them is a score. */
export const BADGE_NOTES = {
  rainbow: {
    why: 'How many of five colour groups (red, orange/yellow, green, blue/purple, white/tan) the week’s fruit and vegetables cover.',
    strength: 'A simple measure of variety; the specification cites no study for it, so it is a badge, not a score.',
  },
  prebiotic: {
    why: 'Distinct foods rich in inulin/FOS, GOS or resistant starch, the fibers gut microbes feed on.',
    strength: 'A count of foods, not of grams; GOS foods are high-FODMAP: note it for people with IBS.',
  },
  families: {
    why: 'Botanical families covered (e.g. Brassicaceae, Fabaceae, Alliaceae): another view of plant variety.',
    strength: 'Shown as information; the specification cites no study for a target.',
  },
  processed: {
    why: 'The share of the week’s grams from refined grains, added sugars and ultra-processed foods — the everyday advice to limit processed food.',
    strength: 'Shown as information, not as a score.',
  },
} as const;
