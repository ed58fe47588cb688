import { describe, expect, it } from 'vitest';
import { buildCatalog, fillVolumes, mapPortions, parseCsv, parseTables, pluralize, type UsdaPortion } from './build';

const FOODS_CSV = `ndb_no,description,food_group_code,food_category,common_name,refuse_pct,energy_kcal,protein_g,fat_g,carbohydrate_g,fiber_g,sugars_g
11282,"Onions, raw",1100,Vegetables,,10,40,1.1,0.1,9.34,1.7,4.24
11439,"Sauerkraut, canned, solids and liquids",1100,Vegetables,,0,19,0.91,0.14,4.28,2.9,1.78
16056,"Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",1600,Legumes,,0,378,20.47,6.04,62.95,12.2,10.7
`;
const PORTIONS_CSV = `ndb_no,seq,amount,measure_description,unit,modifier,gram_weight
11282,1,1,"cup, chopped",cup,chopped,160
11282,2,1,"cup, sliced",cup,sliced,115
11282,3,1,tbsp chopped,tbsp chopped,,10
11282,4,1,large,large,,150
11282,5,1,"medium (2-1/2"" dia)","medium (2-1/2"" dia)",,110
11282,6,1,small,small,,70
16056,1,1,cup,cup,,200
`;

function portions(rows: [number, string, number][]): UsdaPortion[] {
  return rows.map(([amount, description, grams], i) => ({ seq: i + 1, amount, description, grams }));
}

describe('parseCsv', () => {
  it('handles quotes, doubled quotes and CRLF', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });
});

describe('mapPortions', () => {
  it('maps USDA measures to units, preferring plain, then medium, then chopped', () => {
    const mapped = mapPortions(
      portions([
        [1, 'cup, sliced', 115],
        [1, 'cup, chopped', 160],
        [1, 'tbsp chopped', 10],
        [1, 'medium (2-1/2" dia)', 110],
        [1, 'large', 150],
        [3, 'cloves', 9],
        [1, 'slice, large (1/4" thick)', 38],
        [1, 'slice, medium (1/8" thick)', 14],
      ]),
    );
    expect(mapped).toEqual({ cup: 160, tablespoon: 10, medium: 110, large: 150, piece: 110, clove: 3, slice: 14 });
  });

  it('uses a whole-fruit measure as the piece when there is no medium, and fl oz for cups', () => {
    expect(mapPortions(portions([[1, 'fruit (2-1/8" dia)', 84]])).piece).toBe(84);
    expect(mapPortions(portions([[1, 'fl oz', 29.4]])).cup).toBe(235.2);
    expect(mapPortions(portions([[1, 'oz', 28.35]]))).toEqual({});
  });
});

describe('fillVolumes', () => {
  it('derives spoons from cups but never cups from spoons', () => {
    const a: Record<string, number> = { cup: 240 };
    fillVolumes(a);
    expect(a).toEqual({ cup: 240, tablespoon: 15, teaspoon: 5 });
    const b: Record<string, number> = { teaspoon: 2 };
    fillVolumes(b);
    expect(b).toEqual({ teaspoon: 2, tablespoon: 6 });
  });
});

describe('pluralize', () => {
  it('pluralizes the last word', () => {
    expect(pluralize('red onion')).toBe('red onions');
    expect(pluralize('cherry')).toBe('cherries');
    expect(pluralize('peach')).toBe('peaches');
    expect(pluralize('tomato')).toBe('tomatoes');
    expect(pluralize('bay leaf')).toBe('bay leaves');
    expect(pluralize('baby spinach')).toBe('baby spinach');
    expect(pluralize('lemon wedges')).toBe('lemon wedges');
    expect(pluralize('glass')).toBe('glasses');
    expect(pluralize('head of cabbage')).toBe('head of cabbage');
    expect(pluralize('chopped onion')).toBe('chopped onion');
  });
});

describe('parseTables', () => {
  it('applies settings lines and per-row extras', () => {
    const rows = parseTables({
      'a.txt': '# comment\n@ group=vegetable kind=plant w=1 aisle=Produce buy=weight\nonion | 11282 | Onion | onion | Amaryllidaceae | white/tan | brown onion | buy=count pre=inulin p=piece:110\nshallot | ~11677 | Shallot | | Amaryllidaceae | blue/purple | | w=0.25 pack=250_g_bag:250',
    });
    expect(rows[0]).toMatchObject({ id: 'onion', ndb: '11282', buyAs: 'count', prebiotic: 'inulin', portions: { piece: 110 }, aliases: ['brown onion'] });
    expect(rows[1]).toMatchObject({ id: 'shallot', ndb: '11677', standIn: true, weight: 0.25, buyAs: 'pack', pack: { name: '250 g bag', grams: 250 } });
  });

  it('rejects unknown settings with the file and line', () => {
    expect(() => parseTables({ 'b.txt': '\n@ colour=red' })).toThrow('b.txt:2: unknown setting "colour"');
    expect(() => parseTables({ 'b.txt': 'x | 1 | X | | | | | p=bowl:3' })).toThrow('b.txt:1: unknown portion unit "bowl"');
  });
});

describe('buildCatalog', () => {
  const tables = {
    'veg.txt': [
      '@ group=vegetable kind=plant w=1 aisle=Produce buy=weight pl',
      'onion | 11282 | Onion | onion | Amaryllidaceae | white/tan | yellow onion | buy=count pre=inulin',
      'sauerkraut | 11439 | Sauerkraut | cabbage | Brassicaceae | white/tan | | ferm=not-live pack=500_g_jar:500 pl=no',
      '@ group=legume kind=plant w=1 aisle=Grains_&_pasta buy=pack pre=gos',
      'chickpeas-dried | 16056 | Dried chickpeas | chickpea | Fabaceae | | | pack=500_g_bag:500 pantry',
      '@ group=other kind=other aisle=Other buy=weight',
      'onion-dip | | Onion dip | | | | | comp=onion:0.3',
    ].join('\n'),
  };
  const input = { tables, extraAliases: 'food_id,alias\nonion,Cebolla\n', foodsCsv: FOODS_CSV, portionsCsv: PORTIONS_CSV };

  it('joins curation rows with USDA nutrients, portions and sources, sorted by id', () => {
    const foods = buildCatalog(input);
    expect(foods.map((f) => f.id)).toEqual(['chickpeas-dried', 'onion', 'onion-dip', 'sauerkraut']);
    const onion = foods[1];
    expect(onion).toMatchObject({
      kind: 'plant',
      crop: 'onion',
      weight: 1,
      fiberPer100g: 1.7,
      kcalPer100g: 40,
      portions: { cup: 160, tablespoon: 10, teaspoon: 3.3, piece: 110, small: 70, medium: 110, large: 150 },
      buyAs: 'count',
      prebiotic: 'inulin',
      source: { ndb: '11282', description: 'Onions, raw' },
    });
    expect(onion.aliases).toEqual(['cebolla', 'cebollas', 'onions', 'yellow onion', 'yellow onions']);
    expect(foods[3].aliases).toEqual([]);
    expect(foods[2]).toMatchObject({ crop: null, weight: 0, family: null, source: null, components: [{ food: 'onion', share: 0.3 }] });
    expect(foods[0]).toMatchObject({ pantryStaple: true, pack: { name: '500 g bag', grams: 500 }, portions: { cup: 200 } });
  });

  it('rejects unknown NDB numbers, clashing aliases and unknown extra-alias ids', () => {
    expect(() => buildCatalog({ ...input, extraAliases: 'food_id,alias\n', tables: { 'x.txt': 'x | 99999 | X' } })).toThrow('NDB 99999 is not in foods.csv');
    expect(() => buildCatalog({ ...input, extraAliases: 'food_id,alias\nsauerkraut,Yellow Onion\n' })).toThrow('alias "yellow onion"');
    expect(() => buildCatalog({ ...input, extraAliases: 'food_id,alias\nleek,leeks\n' })).toThrow('unknown food id "leek"');
  });
});
