import type { EatenLine, FoodLookup } from '../plan/resolve';
import { COLOURS, type Colour, type Food, type Meal, type Prebiotic } from '../types';
import { isCooked } from './cooked';
import { cropKey, expandFood } from './expand';
import { estimateMedas } from './medas';
import { DEFAULT_SCORING_SETTINGS, DEFAULT_SLOTS, FIBER_PER_1000_KCAL, type ScoringSettings } from './settings';
import type {
  FermentedFood,
  FiberScore,
  FiberStatus,
  MealRef,
  NotLiveFood,
  PlantEntry,
  ProcessedBadge,
  UncountedLine,
  WeekScore,
} from './types';

/** What one week's scores are computed from. */
export interface WeekInput {
  /** The eaten lines (resolveMeals); lines dated outside `weekDates` are ignored. */
  lines: readonly EatenLine[];
  /** People sharing the meals; every figure is per person (each line's grams ÷ people, unless `share` says otherwise). */
  people: number;
  /**
   * The fraction of a line's meal grams the figures count (default 1 ÷
   * people): one member's share of the meal, or the household's per full
   * portion. A line whose share is 0 was not eaten by whoever is scored and
   * counts for nothing, plants included.
   */
  share?: (line: EatenLine) => number;
  /** The week's dates, YYYY-MM-DD; fiber is averaged over their number. */
  weekDates: readonly string[];
  /** Slot order for display (default breakfast, lunch, dinner, snack; others follow alphabetically). */
  slots?: readonly string[];
  /** Crops eaten (with points) in the previous four weeks, for "new" marks: a crop is new when it is not among them. */
  previousCrops?: ReadonlySet<string>;
  /** The lines are in `sortLines` order already (for these slots), so they are not sorted again. */
  sorted?: boolean;
}

interface CropTally {
  key: string;
  best: Food;
  foods: Set<string>;
  colours: Set<Colour>;
  meals: Map<string, MealRef>;
  /** The meal last added to `meals`. */
  last: MealRef | null;
}

const COLOUR_RANK = new Map<Colour, number>(COLOURS.map((c, i) => [c, i]));
const PREBIOTIC_CLASSES: readonly Prebiotic[] = ['inulin', 'gos', 'resistant-starch'];

/**
 * Scores one week per person: weighted plant points over distinct crops, fiber per
 * day, live fermented servings, the badges, and the lines that could not be counted.
 * The result does not depend on the order of the lines.
 */
export function scoreWeek(
  input: WeekInput,
  foods: FoodLookup,
  settings: ScoringSettings = DEFAULT_SCORING_SETTINGS,
): WeekScore {
  const people = Number.isFinite(input.people) && input.people > 0 ? input.people : 1;
  const share = input.share ?? (() => 1 / people);
  const dates = [...input.weekDates];
  const dayIndex = new Map<string, number>(dates.map((d, i) => [d, i]));
  const days = dates.length > 0 ? dates.length : 7;
  const compareSlots = slotOrder(input.slots);
  const inWeek = dates.length === 0 ? [...input.lines] : input.lines.filter((line) => dayIndex.has(line.meal.date));
  if (!input.sorted) inWeek.sort(lineOrder(compareSlots));
  // Each line's share, asked once: the lines eaten are those with a share.
  const lines: EatenLine[] = [];
  const shares: number[] = [];
  for (const line of inWeek) {
    const part = share(line);
    if (!(part > 0)) continue;
    lines.push(line);
    shares.push(part);
  }

  const expandCache = new Map<string, readonly Food[]>();
  const crops = new Map<string, CropTally>();
  const fiberByDay = new Array<number>(Math.max(dates.length, 1)).fill(0);
  const slotsByDay = new Map<string, Set<string>>();
  const unknownFiber = new Map<string, string>();
  let kcal = 0;
  const rainbow = new Set<Colour>();
  const prebiotics = new Map<string, { id: string; name: string; kind: Prebiotic }>();
  const families = new Set<string>();
  const fermentedGrams = new Map<string, { food: Food; grams: number }>();
  const notLive = new Map<string, NotLiveFood>();
  const processedGrams = new Map<string, { food: Food; grams: number }>();
  let totalGrams = 0;
  const unmatched: UncountedLine[] = [];
  const optional: UncountedLine[] = [];

  const refs = new Map<Meal, MealRef>();
  for (let at = 0; at < lines.length; at++) {
    const line = lines[at];
    const meal = line.meal;
    let ref = refs.get(meal);
    if (!ref) {
      ref = { id: meal.id, date: meal.date, slot: meal.slot };
      refs.set(meal, ref);
      let daySlots = slotsByDay.get(meal.date);
      if (!daySlots) slotsByDay.set(meal.date, (daySlots = new Set()));
      daySlots.add(meal.slot);
    }

    if (line.parsed.optional) {
      optional.push(uncounted(line, ref, 'optional'));
      continue;
    }
    if (!(line.scale > 0)) continue;
    const food = line.food;
    if (!food) {
      if (line.parsed.input.trim() !== '') unmatched.push(uncounted(line, ref, 'unmatched'));
      continue;
    }

    for (const part of expandFood(food, foods, expandCache)) {
      if (part.prebiotic) prebiotics.set(part.id, { id: part.id, name: part.name, kind: part.prebiotic });
      const key = cropKey(part, settings.countColourVariants);
      if (key === null) continue;
      if (part.family) families.add(part.family);
      if (part.colour && (part.group === 'vegetable' || part.group === 'fruit')) rainbow.add(part.colour);
      let tally = crops.get(key);
      if (!tally) {
        tally = { key, best: part, foods: new Set(), colours: new Set(), meals: new Map(), last: null };
        crops.set(key, tally);
      } else if (part.weight > tally.best.weight || (part.weight === tally.best.weight && part.id < tally.best.id)) {
        tally.best = part;
      }
      tally.foods.add(part.id);
      if (part.colour) tally.colours.add(part.colour);
      // Lines come meal by meal: a crop's meal is most often the one just added.
      if (tally.last !== ref) {
        tally.meals.set(meal.id, ref);
        tally.last = ref;
      }
    }
    if (food.prebiotic) prebiotics.set(food.id, { id: food.id, name: food.name, kind: food.prebiotic });

    if (line.mealGrams === null || !Number.isFinite(line.mealGrams)) {
      unmatched.push(uncounted(line, ref, 'unknown-grams'));
      continue;
    }
    const grams = line.mealGrams * shares[at];
    totalGrams += grams;
    if (food.fiberPer100g === null) unknownFiber.set(food.id, food.name);
    else fiberByDay[dayIndex.get(meal.date) ?? 0] += (grams * food.fiberPer100g) / 100;
    if (food.kcalPer100g !== null) kcal += (grams * food.kcalPer100g) / 100;
    if (food.processed !== 'none') addGrams(processedGrams, food, grams);

    if (food.fermented === 'live') {
      if (isCooked(line.parsed.input, food, line.recipe)) addNotLive(notLive, food, 'cooked', grams);
      else addGrams(fermentedGrams, food, grams);
    } else if (food.fermented === 'not-live') {
      addNotLive(notLive, food, 'not-live', grams);
    }
  }

  const plants = [...crops.values()].map((tally) => plantEntry(tally, input.previousCrops, compareSlots));
  plants.sort((a, b) => b.points - a.points || compareText(a.name, b.name) || compareText(a.key, b.key));
  let plantPoints = 0;
  let plantCount = 0;
  let newPlants = 0;
  for (const plant of plants) {
    plantPoints += plant.points;
    if (plant.points > 0) {
      plantCount += 1;
      if (plant.isNew) newPlants += 1;
    }
  }

  let fiberTotal = 0;
  for (const grams of fiberByDay) fiberTotal += grams;
  const gramsPerDayRaw = fiberTotal / days;
  const kcalPerDay = kcal / days;

  const fermentedFoods: FermentedFood[] = [...fermentedGrams.values()]
    .sort((a, b) => compareText(a.food.id, b.food.id))
    .map(({ food, grams }) => {
      const servingsRaw = food.servingGrams && food.servingGrams > 0 ? grams / food.servingGrams : 0;
      return { id: food.id, name: food.name, grams: round(grams, 1), servings: round(servingsRaw, 2), servingsRaw };
    });
  let servingsRaw = 0;
  for (const f of fermentedFoods) servingsRaw += f.servingsRaw;

  return {
    weekStart: dates[0] ?? null,
    weekEnd: dates[dates.length - 1] ?? null,
    days,
    people,
    portions: people,
    members: [],
    plantPoints,
    plantTarget: settings.plantTarget,
    plantCount,
    newPlants: input.previousCrops ? newPlants : null,
    plants,
    fiber: {
      gramsPerDay: round(gramsPerDayRaw, 1),
      gramsPerDayRaw,
      ...fiberVerdict(gramsPerDayRaw, kcalPerDay, settings),
      kcalPerDay: round(kcalPerDay, 0),
      kcalPerDayRaw: kcalPerDay,
      byDay: dates.map((date, i) => ({
        date,
        grams: round(fiberByDay[i], 1),
        gramsRaw: fiberByDay[i],
        slots: [...(slotsByDay.get(date) ?? [])].sort(compareSlots),
      })),
      unknownFiber: [...unknownFiber].map(([id, name]) => ({ id, name })).sort((a, b) => compareText(a.id, b.id)),
    },
    fermented: {
      servings: round(servingsRaw, 1),
      servingsRaw,
      target: settings.fermentedTarget,
      studyLevel: settings.fermentedStudyLevel,
      studyLevelReached: servingsRaw >= settings.fermentedStudyLevel,
      foods: fermentedFoods,
      notLive: [...notLive.values()]
        .map((f) => ({ ...f, grams: round(f.grams, 1) }))
        .sort((a, b) => compareText(a.id, b.id) || compareText(a.reason, b.reason)),
    },
    rainbow: {
      count: rainbow.size,
      of: COLOURS.length,
      colours: COLOURS.filter((c) => rainbow.has(c)),
      missing: COLOURS.filter((c) => !rainbow.has(c)),
    },
    prebiotic: prebioticBadge(prebiotics),
    families: { count: families.size, names: [...families].sort(compareText) },
    processed: processedBadge(processedGrams, totalGrams),
    medas: estimateMedas({ lines, shares, days }, foods),
    unmatched,
    optional,
  };
}

/**
 * The fiber target a week is read against and where it stands: the target
 * and lower line of the settings, or both scaled to 14 g per 1000 kcal eaten
 * when the settings ask for it and the week's kcal are known.
 */
export function fiberVerdict(
  gramsPerDayRaw: number,
  kcalPerDayRaw: number,
  settings: Pick<ScoringSettings, 'fiberTarget' | 'fiberLower' | 'fiberPer1000kcal'>,
): Pick<FiberScore, 'target' | 'lower' | 'basis' | 'status'> {
  let target = settings.fiberTarget;
  let lower = settings.fiberLower;
  const perKcal = settings.fiberPer1000kcal && kcalPerDayRaw > 0;
  if (perKcal) {
    target = (kcalPerDayRaw * FIBER_PER_1000_KCAL) / 1000;
    lower = settings.fiberTarget > 0 ? (target * settings.fiberLower) / settings.fiberTarget : target;
  }
  const status: FiberStatus = gramsPerDayRaw >= target ? 'target' : gramsPerDayRaw >= lower ? 'lower' : 'below';
  return { target: round(target, 1), lower: round(lower, 1), basis: perKcal ? 'per-1000-kcal' : 'grams', status };
}

/** Slots in the order given (default breakfast, lunch, dinner, snack), others after them A–Z. */
function slotOrder(slots: readonly string[] = DEFAULT_SLOTS): (a: string, b: string) => number {
  const slotRank = new Map<string, number>(slots.map((s, i) => [s, i]));
  return (a, b) => {
    const ra = slotRank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = slotRank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra - rb || compareText(a, b);
  };
}

/** The order a week's lines are counted in: by date, slot, meal, recipe and line. */
function lineOrder(compareSlots: (a: string, b: string) => number): (a: EatenLine, b: EatenLine) => number {
  return (a, b) =>
    compareText(a.meal.date, b.meal.date) ||
    compareSlots(a.meal.slot, b.meal.slot) ||
    compareText(a.meal.id, b.meal.id) ||
    compareText(a.recipe?.id ?? '', b.recipe?.id ?? '') ||
    a.lineIndex - b.lineIndex ||
    compareText(a.parsed.input, b.parsed.input);
}

/** The lines in the order `scoreWeek` counts them (a copy): scoring lines given in this order spends no time sorting them again. */
export function sortLines(lines: readonly EatenLine[], slots?: readonly string[]): EatenLine[] {
  return [...lines].sort(lineOrder(slotOrder(slots)));
}

function plantEntry(
  tally: CropTally,
  previous: ReadonlySet<string> | undefined,
  compareSlots: (a: string, b: string) => number,
): PlantEntry {
  const best = tally.best;
  const crop = best.crop ?? tally.key;
  return {
    id: best.id,
    key: tally.key,
    crop,
    name: best.name,
    points: best.weight,
    group: best.group,
    colour: best.colour,
    family: best.family,
    foods: [...tally.foods].sort(compareText),
    colours: [...tally.colours].sort((a, b) => (COLOUR_RANK.get(a) ?? 0) - (COLOUR_RANK.get(b) ?? 0)),
    meals: [...tally.meals.values()].sort(
      (a, b) => compareText(a.date, b.date) || compareSlots(a.slot, b.slot) || compareText(a.id, b.id),
    ),
    isNew: previous ? !previous.has(crop) : null,
  };
}

function prebioticBadge(found: Map<string, { id: string; name: string; kind: Prebiotic }>): WeekScore['prebiotic'] {
  const classes = {} as Record<Prebiotic, { id: string; name: string }[]>;
  for (const kind of PREBIOTIC_CLASSES) classes[kind] = [];
  for (const entry of found.values()) classes[entry.kind].push({ id: entry.id, name: entry.name });
  for (const kind of PREBIOTIC_CLASSES) classes[kind].sort((a, b) => compareText(a.id, b.id));
  return { count: found.size, classes, fodmapNote: classes.gos.length > 0 };
}

function processedBadge(found: Map<string, { food: Food; grams: number }>, totalGrams: number): ProcessedBadge {
  let refined = 0;
  let ultra = 0;
  const foods: ProcessedBadge['foods'] = [];
  for (const { food, grams } of [...found.values()].sort((a, b) => compareText(a.food.id, b.food.id))) {
    if (food.processed === 'none') continue;
    if (food.processed === 'refined') refined += grams;
    else ultra += grams;
    foods.push({ id: food.id, name: food.name, processed: food.processed, grams: round(grams, 1) });
  }
  const shareRaw = totalGrams > 0 ? (refined + ultra) / totalGrams : 0;
  return {
    share: round(shareRaw, 3),
    shareRaw,
    refinedGrams: round(refined, 1),
    ultraProcessedGrams: round(ultra, 1),
    totalGrams: round(totalGrams, 1),
    foods,
  };
}

function addGrams(map: Map<string, { food: Food; grams: number }>, food: Food, grams: number): void {
  const entry = map.get(food.id);
  if (entry) entry.grams += grams;
  else map.set(food.id, { food, grams });
}

function addNotLive(map: Map<string, NotLiveFood>, food: Food, reason: NotLiveFood['reason'], grams: number): void {
  const key = `${food.id}|${reason}`;
  const entry = map.get(key);
  if (entry) entry.grams += grams;
  else map.set(key, { id: food.id, name: food.name, reason, grams });
}

function uncounted(line: EatenLine, meal: MealRef, reason: UncountedLine['reason']): UncountedLine {
  return {
    text: line.parsed.input,
    reason,
    meal,
    recipe: line.recipe ? { id: line.recipe.id, name: line.recipe.name } : null,
    lineIndex: line.lineIndex,
    lineId: line.line?.id ?? null,
    food: line.food ? { id: line.food.id, name: line.food.name } : null,
  };
}

/** Code-point order, independent of locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rounds for display; raw values stay beside the rounded ones. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
