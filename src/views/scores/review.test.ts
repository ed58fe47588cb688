import { describe, expect, it } from 'vitest';
import type { PlantEntry } from '../../core/scoring/types';
import type { ParsedLine } from '../../core/types';
import { comparePlants, eatenAs, groupPlants, mealPlaces, percent, plantLabel, suggestionLine, weekRange } from './review';

function plant(name: string, extra: Partial<PlantEntry> = {}): PlantEntry {
  const id = name.toLowerCase();
  return {
    id,
    key: id,
    crop: id,
    name,
    points: 1,
    group: 'vegetable',
    colour: null,
    family: null,
    foods: [id],
    colours: [],
    meals: [],
    isNew: null,
    ...extra,
  };
}

const kale = plant('Kale', { colour: 'green', family: 'Brassicaceae' });
const apple = plant('Apple', { group: 'fruit', colour: 'red', family: 'Rosaceae' });
const oat = plant('Oats', { group: 'whole grain', family: 'Poaceae' });
const cumin = plant('Cumin', { group: 'spice', points: 0.25, family: 'Apiaceae' });
const broccoli = plant('Broccoli', { colour: 'green', family: 'Brassicaceae' });

describe('groupPlants', () => {
  it('groups by food group in catalog order, summing points', () => {
    const sections = groupPlants([cumin, apple, kale, oat, broccoli], 'group');
    expect(sections.map((s) => s.heading)).toEqual(['Vegetable', 'Fruit', 'Whole grain', 'Spice']);
    expect(sections[0].plants.map((p) => p.name)).toEqual(['Broccoli', 'Kale']);
    expect(sections[0].points).toBe(2);
    expect(sections[3].points).toBe(0.25);
  });

  it('groups by colour in rainbow order with colourless plants last', () => {
    const sections = groupPlants([oat, kale, apple], 'colour');
    expect(sections.map((s) => s.heading)).toEqual(['Red', 'Green', 'No colour']);
  });

  it('groups by family A–Z with unknown families last', () => {
    const sections = groupPlants([oat, kale, plant('Mystery'), apple, broccoli], 'family');
    expect(sections.map((s) => s.heading)).toEqual(['Brassicaceae', 'Poaceae', 'Rosaceae', 'Family not known']);
    expect(sections[0].plants).toHaveLength(2);
  });
});

describe('comparePlants', () => {
  it('splits scoring plants into only A, only B and both', () => {
    const sugar = plant('Sugar', { points: 0 });
    const result = comparePlants([kale, apple, sugar], [apple, oat]);
    expect(result.onlyA.map((p) => p.name)).toEqual(['Kale']);
    expect(result.onlyB.map((p) => p.name)).toEqual(['Oats']);
    expect(result.both.map((p) => p.name)).toEqual(['Apple']);
  });
});

describe('suggestionLine', () => {
  const reading = (input: string, id: string | null): ParsedLine => ({
    input,
    quantity: null,
    quantityMax: null,
    unit: null,
    food: id ? { id, name: id } : null,
    grams: null,
    optional: false,
    note: null,
    confidence: 1,
    size: null,
  });

  it('uses the first name the parser reads back as the same food', () => {
    const parse = (line: string) => reading(line, line.endsWith('red bell pepper') ? 'bell-pepper-red' : null);
    const line = suggestionLine({ id: 'bell-pepper-red', name: 'Pepper, red', aliases: ['red bell pepper'] }, 119, parse);
    expect(line).toBe('119 g red bell pepper');
  });

  it('falls back to the name when no name reads back', () => {
    expect(suggestionLine({ id: 'x', name: 'Odd Fruit', aliases: [] }, 80.04, (l) => reading(l, null))).toBe('80 g odd fruit');
  });
});

describe('formatting', () => {
  it('writes week ranges inside and across months and years', () => {
    expect(weekRange('2026-11-23')).toBe('23 – 29 Nov 2026');
    expect(weekRange('2026-11-30')).toBe('30 Nov – 6 Dec 2026');
    expect(weekRange('2026-12-28')).toBe('28 Dec 2026 – 3 Jan 2027');
  });

  it('lists meal places by day without repeats', () => {
    expect(
      mealPlaces([
        { date: '2026-11-26', slot: 'lunch' },
        { date: '2026-11-23', slot: 'dinner' },
        { date: '2026-11-23', slot: 'dinner' },
      ]),
    ).toBe('Mon dinner, Thu lunch');
  });

  it('writes shares as percentages', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(0.004)).toBe('<1%');
    expect(percent(0.125)).toBe('13%');
  });
});

describe('plant names', () => {
  const names: Record<string, string> = {
    'sesame-oil': 'Sesame oil',
    tahini: 'Tahini',
    'olive-oil': 'Olive oil',
    'black-olives': 'Black olives',
    'cooked-brown-rice': 'Cooked brown rice',
  };
  const lookup = (id: string) => (names[id] ? { name: names[id] } : undefined);

  it('names the plant, with the foods eaten beside it', () => {
    const sesame = { crop: 'sesame', name: 'Tahini', foods: ['sesame-oil', 'tahini'] };
    expect(plantLabel(sesame)).toBe('Sesame');
    expect(eatenAs(sesame, lookup)).toBe('sesame oil, tahini');
    const olive = { crop: 'olive', name: 'Black olives', foods: ['black-olives', 'olive-oil'] };
    expect(plantLabel(olive)).toBe('Olive');
    expect(eatenAs(olive, lookup)).toBe('black olives, olive oil');
    expect(plantLabel({ crop: 'olive', name: 'Olive oil', foods: ['olive-oil'] })).toBe('Olive');
    expect(plantLabel({ crop: 'sesame', name: 'Sesame oil', foods: ['sesame-oil'] })).toBe('Sesame');
  });

  it('a single food that names its crop is the plant without its preparation', () => {
    const rice = { crop: 'rice', name: 'Cooked brown rice', foods: ['cooked-brown-rice'] };
    expect(plantLabel(rice)).toBe('Brown rice');
    expect(eatenAs(rice, lookup)).toBe('cooked brown rice');
    expect(plantLabel({ crop: 'common-bean', name: 'Black beans', foods: ['black-beans'] })).toBe('Black beans');
    expect(plantLabel({ crop: 'common-bean', name: 'Black beans', foods: ['black-beans', 'kidney-beans'] })).toBe('Common bean');
    expect(plantLabel({ crop: 'apple', name: 'Apple', foods: ['apple'] })).toBe('Apple');
  });
});

describe('plant names of one food', () => {
  it('a food named by the last word of its crop is the plant itself', () => {
    expect(plantLabel({ crop: 'winter-squash-moschata', name: 'Butternut squash', foods: ['butternut-squash'] })).toBe('Butternut squash');
    expect(plantLabel({ crop: 'almond', name: 'Almond butter', foods: ['almond-butter'] })).toBe('Almond');
  });
});
