import type { AgeBand, Meal, Member, Sex } from './types';

/**
 * Fiber a day by age band and sex: the Adequate Intakes of the US Institute
 * of Medicine (Dietary Reference Intakes, 2005; 14 g per 1000 kcal of the
 * band's energy needs). With the sex not given, the UK SACN 2015 figure for the
 * band's oldest age (2–5 years 15 g, 5–11 years 20 g, 11–16 years 25 g, 17 and
 * over 30 g), which does not depend on sex.
 */
export const FIBER_TARGETS: Readonly<Record<AgeBand, Readonly<Record<Sex, number>>>> = {
  '1-3': { female: 19, male: 19, unspecified: 15 },
  '4-8': { female: 25, male: 25, unspecified: 20 },
  '9-13': { female: 26, male: 31, unspecified: 25 },
  '14-18': { female: 26, male: 38, unspecified: 30 },
  '19-50': { female: 25, male: 38, unspecified: 30 },
  '51+': { female: 21, male: 30, unspecified: 30 },
};

/** How the age bands read in the app. */
export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  '1-3': 'child, 1–3 years',
  '4-8': 'child, 4–8 years',
  '9-13': 'child, 9–13 years',
  '14-18': 'teen, 14–18 years',
  '19-50': 'adult, 19–50 years',
  '51+': 'adult, 51 and over',
};

/** The largest portion factor a member may have, and the most guests at one meal. */
export const MEMBER_LIMITS = { portion: 4, fiberTarget: 100, guests: 100, members: 50 } as const;

/** The fiber target a member of this age band and sex starts with. */
export function defaultFiberTarget(ageBand: AgeBand, sex: Sex): number {
  return FIBER_TARGETS[ageBand][sex];
}

/** The portion a member of this age band starts with: a child (under 14) half an adult's. */
export function defaultPortion(ageBand: AgeBand): number {
  return ageBand === '1-3' || ageBand === '4-8' || ageBand === '9-13' ? 0.5 : 1;
}

/**
 * The household a count of people stands for (databases and backups from
 * before members, plan files of format /1): that many adults named "Person 1"
 * … "Person N", each against the household's fiber target.
 */
export function membersFromPeople(people: number, fiberTarget: number): Member[] {
  const count = Number.isInteger(people) && people >= 1 ? Math.min(people, MEMBER_LIMITS.members) : 1;
  return Array.from({ length: count }, (_, index) => ({
    id: `person-${index + 1}`,
    name: `Person ${index + 1}`,
    portion: 1,
    fiberTarget,
    ageBand: '19-50',
    sex: 'unspecified',
    order: index + 1,
  }));
}

/** The household's members in their order; with none stored, the `people` adults of the settings. */
export function householdOf(stored: readonly Member[], settings: { people: number; fiberTarget: number }): Member[] {
  if (stored.length === 0) return membersFromPeople(settings.people, settings.fiberTarget);
  return [...stored].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The members who eat a meal: those it lists (ids that name no member are ignored), or everyone. */
export function eatersOf(meal: Pick<Meal, 'eaters'>, members: readonly Member[]): Member[] {
  if (meal.eaters === undefined) return [...members];
  const ids = new Set(meal.eaters);
  return members.filter((member) => ids.has(member.id));
}

/** Guests at a meal: a whole number, 0 when not given. */
export function guestsOf(meal: Pick<Meal, 'guests'>): number {
  const guests = meal.guests ?? 0;
  return Number.isFinite(guests) && guests > 0 ? guests : 0;
}

/** Portions a meal is for: its eaters' portion factors and a full portion for each guest (two adults and a child at 0.5: 2.5). */
export function mealPortions(meal: Pick<Meal, 'eaters' | 'guests'>, members: readonly Member[]): number {
  let portions = guestsOf(meal);
  for (const member of eatersOf(meal, members)) portions += member.portion;
  return Math.round(portions * 1000) / 1000;
}

/** Portions of the whole household (every member at one meal, no guests). */
export function householdPortions(members: readonly Member[]): number {
  return mealPortions({}, members);
}

/** "Anna, Ben and Cleo", or "everyone". */
export function eatersLabel(meal: Pick<Meal, 'eaters' | 'guests'>, members: readonly Member[]): string {
  const eaters = eatersOf(meal, members);
  const names = meal.eaters === undefined || eaters.length === members.length ? ['everyone'] : eaters.map((member) => member.name);
  const guests = guestsOf(meal);
  if (guests > 0) names.push(guests === 1 ? '1 guest' : `${guests} guests`);
  if (names.length === 0) return 'nobody';
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The short form for a meal card: "Everyone", "Ana, Cleo", "Ana, Cleo +1 guest". */
export function eatersShort(meal: Pick<Meal, 'eaters' | 'guests'>, members: readonly Member[]): string {
  const eaters = eatersOf(meal, members);
  const names = meal.eaters === undefined || eaters.length === members.length ? 'Everyone' : eaters.map((member) => member.name).join(', ');
  const guests = guestsOf(meal);
  const extra = guests === 0 ? '' : guests === 1 ? '+1 guest' : `+${guests} guests`;
  if (eaters.length === 0) return extra || 'Nobody';
  return extra ? `${names} ${extra}` : names;
}
