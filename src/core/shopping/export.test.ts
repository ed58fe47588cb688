import { describe, expect, it } from 'vitest';
import { fixtureLookup } from '../../../tests/fixtures/shopping/foods';
import { fixtureParse } from '../../../tests/fixtures/shopping/parse';
import { resolveMeals } from '../plan/resolve';
import { AISLES } from '../types';
import { buildShoppingList } from './build';
import { shoppingListToMarkdown, shoppingListToText } from './export';
import type { ShoppingList } from './types';

const salt = resolveMeals([{ id: 'm1', date: '2026-11-23', slot: 'dinner', recipe: null, food: 'salt to taste', servings: 1 }], new Map(), fixtureParse, fixtureLookup);
const list = buildShoppingList(
  { lines: salt, manual: ['3 onions', '1 can chickpeas', '2 cups milk', '1 lime, optional', 'paper towels', '1 *special* [thing]'] },
  fixtureLookup,
  fixtureParse,
  { aisleOrder: [...AISLES], units: 'metric', pantryIds: new Set(['salt']) },
);

describe('shoppingListToText', () => {
  it('writes aisle headings, checkbox lines, Other and the pantry check', () => {
    expect(shoppingListToText(list, { title: 'Shopping list' })).toBe(
      [
        'Shopping list',
        '',
        'Produce',
        '[ ] 1 lime (optional)',
        '[ ] 3 onions',
        '',
        'Dairy & eggs',
        '[ ] 475 ml milk',
        '',
        'Canned & jarred',
        '[ ] 1 × 400 g can chickpeas',
        '',
        'Other',
        '[ ] 1 *special* [thing]',
        '[ ] paper towels',
        '',
        'Check you have',
        '[ ] salt, to taste',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to buy', () => {
    const empty: ShoppingList = { aisles: [], pantry: [], unmatched: [] };
    expect(shoppingListToText(empty)).toBe('Nothing to buy.\n');
  });

  it('puts unmatched lines under an aisle already called Other', () => {
    const withOther: ShoppingList = { ...list, aisles: [...list.aisles, { name: 'Other', items: [{ ...list.aisles[0].items[1], aisle: 'Other', display: 'foil' }] }] };
    const text = shoppingListToText(withOther);
    expect(text.match(/^Other$/gm)).toHaveLength(1);
    expect(text).toContain('Other\n[ ] foil\n[ ] 1 *special* [thing]\n[ ] paper towels');
  });
});

describe('shoppingListToMarkdown', () => {
  it('writes task lists under aisle headings, escaping Markdown', () => {
    const markdown = shoppingListToMarkdown(list, { title: 'Week of 23 November' });
    expect(markdown.startsWith('# Week of 23 November\n\n## Produce\n\n- [ ] 1 lime *(optional)*\n- [ ] 3 onions\n\n')).toBe(true);
    expect(markdown).toContain('## Canned & jarred\n\n- [ ] 1 × 400 g can chickpeas');
    expect(markdown).toContain('## Other\n\n- [ ] 1 \\*special\\* \\[thing\\]\n- [ ] paper towels');
    expect(markdown.endsWith('## Check you have\n\n- [ ] salt, to taste\n')).toBe(true);
  });
});
