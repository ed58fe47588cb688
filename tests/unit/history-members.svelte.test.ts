import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays, weekStartOf } from '../../src/core/dates';
import type { Meal, Member } from '../../src/core/types';
import { catalog } from '../../src/state/catalog.svelte';
import { db } from '../../src/state/database';
import { HistoryState, MEMBER_CHOICE_KEY, type ChoiceStorage } from '../../src/state/history.svelte';
import { todayIso } from '../../src/state/ids';
import { members } from '../../src/state/members.svelte';
import { settings } from '../../src/state/settings.svelte';

/*
 * The Scores review for one member of the household, over the state layer
 * and the database (fake-indexeddb), with the real food catalog. Every figure
 * comes from the one week scorer; the numbers below are worked out by hand
 * from the catalog's values: fiber per 100 g kale 3.6 g, chickpeas 6.4 g,
 * apple 2.4 g; kefir is live, 175 g a serving.
 */

const ANA: Member = { id: 'ana', name: 'Ana', portion: 1, fiberTarget: 25, ageBand: '19-50', sex: 'female', order: 1 };
const BEN: Member = { id: 'ben', name: 'Ben', portion: 1, fiberTarget: 38, ageBand: '19-50', sex: 'male', order: 2 };
const CLEO: Member = { id: 'cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 3 };

function food(id: string, date: string, slot: string, text: string, servings: number, eaters?: string[]): Meal {
  return { id, date, slot, recipe: null, food: text, servings, leftoverOf: null, ...(eaters ? { eaters } : {}) };
}

// The default week starts on Monday; this week and the one before.
const thisWeek = weekStartOf(todayIso(), 1);
const lastWeek = addDays(thisWeek, -7);
const MEALS: Meal[] = [
  // Ben is away at Monday's lunch: Ana and Cleo eat it (1.5 portions).
  food('m1', thisWeek, 'lunch', '100 g kale', 1.5, ['ana', 'cleo']),
  food('m2', thisWeek, 'dinner', '100 g chickpeas', 2.5),
  food('m3', addDays(thisWeek, 1), 'breakfast', '175 g kefir', 2.5),
  // Last week only Ben ate at home, one dinner.
  food('m4', lastWeek, 'dinner', '100 g apple', 1, ['ben']),
];

/** Storage standing in for the window's localStorage. */
function memoryStorage(): ChoiceStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

async function household(list: Member[]): Promise<void> {
  await db.transaction('rw', db.members, db.settings, async () => {
    await db.members.clear();
    await db.members.bulkPut(list);
    await db.settings.put({ key: 'people', value: Math.max(1, list.length) });
  });
  // With none stored, the household is the `people` setting's one adult.
  const ids = list.length ? list.map((m) => m.id) : ['person-1'];
  await vi.waitFor(() => expect(members.list.map((m) => m.id)).toEqual(ids), { timeout: 10_000, interval: 5 });
}

async function ready(state: HistoryState): Promise<void> {
  await vi.waitFor(() => expect(state.ready && state.compareReady).toBe(true), { timeout: 20_000, interval: 5 });
  await vi.waitFor(() => expect(state.history.weeks.at(-1)?.meals ?? 0).toBeGreaterThan(0), { timeout: 10_000, interval: 5 });
}

beforeAll(async () => {
  catalog.load();
  await db.transaction('rw', db.meals, db.settings, async () => {
    await db.meals.clear();
    await db.settings.clear();
    await db.meals.bulkPut(MEALS);
  });
  await vi.waitFor(() => expect(catalog.ready && settings.ready).toBe(true), { timeout: 20_000, interval: 5 });
});

describe('choosing a member in the Scores review', () => {
  beforeEach(() => household([ANA, BEN, CLEO]));

  it('offers the household and each member, and shows the household until one is chosen', async () => {
    const state = new HistoryState(memoryStorage());
    await ready(state);
    expect(state.choices.map((m) => m.name)).toEqual(['Ana', 'Ben', 'Cleo']);
    expect(state.member).toBeNull();
    // The household, per full portion of 2.5: Monday's lunch 150 g kale × (1.5 ÷ 1.5 ÷ 2.5) = 60 g → 2.16 g fiber;
    // dinner 250 g chickpeas × 0.4 = 100 g → 6.4 g; (2.16 + 6.4) ÷ 7 = 1.223 g a day. Two plants.
    const week = state.history.weeks.at(-1)!;
    expect(week.plantPoints).toBe(2);
    expect(week.fiberGramsPerDay).toBeCloseTo(8.56 / 7, 10);
    expect(state.fiberTarget).toEqual({ target: 30, lower: 25 });
  });

  it('switches this week, the compared weeks and the trend to the member: Ben, away at Monday’s lunch', async () => {
    const state = new HistoryState(memoryStorage());
    await ready(state);
    state.choose('ben');
    expect(state.member?.name).toBe('Ben');
    // This week Ben eats the chickpeas (100 g: 6.4 g fiber ÷ 7 = 0.914 g a day, 1 plant) and a full serving of kefir.
    // Last week his apple: 100 g, 2.4 g ÷ 7 = 0.343 g a day, 1 plant, no fermented food.
    const weeks = state.history.weeks;
    expect(weeks).toHaveLength(12);
    const [before, now] = weeks.slice(-2);
    expect([before.meals, before.plantPoints, before.fermentedServings]).toEqual([1, 1, 0]);
    expect(before.fiberGramsPerDay).toBeCloseTo(2.4 / 7, 10);
    expect([now.meals, now.plantPoints, now.fermentedServings]).toEqual([2, 1, 1]);
    expect(now.fiberGramsPerDay).toBeCloseTo(6.4 / 7, 10);
    expect(weeks.slice(0, -2).every((week) => week.meals === 0)).toBe(true);
    // Two different plants over the period, each eaten in one week.
    expect(state.history.distinct.map((p) => p.crop)).toEqual(['apple', 'chickpea']);
    expect(state.history.mostOften.map((p) => [p.crop, p.weeks])).toEqual([
      ['apple', 1],
      ['chickpea', 1],
    ]);
    // His own target: 38 g, the lower line 38 × 25/30 = 31.67 g.
    expect(state.fiberTarget.target).toBe(38);
    expect(state.fiberTarget.lower).toBeCloseTo(31.667, 3);
    // Compared weeks (last week A, this week B) are his too.
    expect(state.scoreA.plants.map((p) => p.crop)).toEqual(['apple']);
    expect(state.scoreB.plants.map((p) => p.crop)).toEqual(['chickpea']);
    expect(state.scoreB.fiber).toMatchObject({ gramsPerDay: 0.9, target: 38, lower: 31.7 });
    expect(state.scoreB.fermented.servings).toBe(1);
  });

  it('a member away for a whole week has no planned week there: Ana’s trend holds this week only', async () => {
    const state = new HistoryState(memoryStorage());
    await ready(state);
    state.choose('ana');
    // Ana: 100 g kale and 100 g chickpeas this week, (3.6 + 6.4) ÷ 7 = 1.43 g a day; last week she ate no meal at home.
    const [before, now] = state.history.weeks.slice(-2);
    expect([before.meals, before.plantPoints]).toEqual([0, 0]);
    expect([now.meals, now.plantPoints, now.fermentedServings]).toEqual([3, 2, 1]);
    expect(now.fiberGramsPerDay).toBeCloseTo(10 / 7, 10);
    // Cleo: half a portion of the same meals: half of Ana's fiber and kefir, the same plants.
    state.choose('cleo');
    const cleo = state.history.weeks.at(-1)!;
    expect([cleo.meals, cleo.plantPoints, cleo.fermentedServings]).toEqual([3, 2, 0.5]);
    expect(cleo.fiberGramsPerDay).toBeCloseTo(5 / 7, 10);
    expect(state.fiberTarget.target).toBe(20);
    expect(state.fiberTarget.lower).toBeCloseTo(16.667, 3);
  });

  it('remembers the choice in storage, reads it back, and forgets it for the household', async () => {
    const storage = memoryStorage();
    const first = new HistoryState(storage);
    first.choose('cleo');
    expect(storage.items.get(MEMBER_CHOICE_KEY)).toBe('cleo');
    const again = new HistoryState(storage);
    await ready(again);
    expect(again.member?.id).toBe('cleo');
    again.choose(null);
    expect(storage.items.has(MEMBER_CHOICE_KEY)).toBe(false);
    expect(again.member).toBeNull();
  });

  it('falls back to the household when the chosen member leaves, and offers no choice for one member or none stored', async () => {
    const storage = memoryStorage();
    const state = new HistoryState(storage);
    await ready(state);
    state.choose('ben');
    const household3 = state.history.weeks.at(-1)!.plantPoints;
    expect(household3).toBe(1);
    await household([ANA, CLEO]);
    expect(state.member).toBeNull();
    expect(state.choices.map((m) => m.id)).toEqual(['ana', 'cleo']);
    // The household of Ana and Cleo (1.5 portions): kale, chickpeas.
    expect(state.history.weeks.at(-1)!.plantPoints).toBe(2);
    expect(state.scoreB.plants.map((p) => p.crop).sort()).toEqual(['chickpea', 'kale']);
    // Ben coming back (Undo) brings the choice back with him: it is still the one kept.
    await household([ANA, BEN, CLEO]);
    expect(state.member?.id).toBe('ben');

    await household([ANA]);
    expect(state.choices).toEqual([]);
    expect(state.member).toBeNull();
    await household([]);
    expect(members.stored).toBe(false);
    expect(state.choices).toEqual([]);
  });
});
