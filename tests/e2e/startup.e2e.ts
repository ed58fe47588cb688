import { expect as baseExpect, test, type Page } from '@playwright/test';
import { changeDatabase, readStore, weekStartIn } from './database';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const RECIPE = {
  id: 'r-bowl',
  name: 'Kale and lentil bowl',
  servings: 2,
  ingredients: [
    { id: 'l1', text: '200 g kale' },
    { id: 'l2', text: '1 cup cooked lentils' },
  ],
};
const VIEW_CACHE = 'thirtyfold.week-view.v3';

/** Writes recipes (with the fields a saved recipe has) and meals straight into IndexedDB, as another window or an older session would. */
async function put(page: Page, rows: { recipes?: object[]; meals?: object[] }): Promise<void> {
  const now = new Date().toISOString();
  const recipes = (rows.recipes ?? []).map((recipe) => ({ steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: now, updatedAt: now, ...recipe }));
  await changeDatabase(page, { put: { recipes, meals: rows.meals ?? [] } });
}

test('opens an unchanged week from its remembered view, and works the view out again once anything it depends on changes', async ({ page }) => {
  await page.goto('./?starter=0#/plan');
  await expect(page.getByTestId('empty-week')).toBeVisible();
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  await put(page, {
    recipes: [RECIPE],
    meals: [
      { id: 'm-bowl', date: today, slot: 'dinner', recipe: RECIPE.id, food: null, servings: 2, leftoverOf: null },
      { id: 'm-apple', date: today, slot: 'snack', recipe: null, food: '1 apple', servings: 2, leftoverOf: null },
    ],
  });
  await page.reload();

  // Kale, lentil and apple: 3 points, worked out with the catalog and the parser, and remembered.
  const points = page.getByTestId('plant-points');
  await expect(points).toHaveText('3 / 30');
  await expect(page.getByText('counts as apple')).toBeVisible();
  const stored = await page.evaluate((name) => localStorage.getItem(name), VIEW_CACHE);
  expect(stored).not.toBeNull();
  const entries = JSON.parse(stored!) as [string, { key: string; value: { score: { plantPoints: number }; foods: Record<string, { id: string; name: string } | null>; earlier: string } }][];
  expect(entries).toHaveLength(1);
  expect(entries[0][1].value.score.plantPoints).toBe(3);
  expect(entries[0][1].value.foods).toEqual({ '1 apple': { id: 'apple', name: 'Apple' } });

  // Proof that a start on an unchanged week shows the remembered view: a marked copy of it (same key) is what appears.
  entries[0][1].value.score.plantPoints = 97;
  entries[0][1].value.foods['1 apple'] = { id: 'apple', name: 'Marked apple' };
  await page.evaluate(([name, value]) => localStorage.setItem(name, value), [VIEW_CACHE, JSON.stringify(entries)] as const);
  await page.reload();
  await expect(points).toHaveText('97 / 30');
  await expect(page.getByText('counts as marked apple')).toBeVisible();

  // The view is shown once the week itself is read, then checked against the four earlier weeks: a meal added to
  // last week behind the app's back makes it worked out again (the pear is last week's, so this week still has 3).
  const lastWeek = await page.evaluate((iso) => {
    const date = new Date(`${iso}T12:00:00`);
    date.setDate(date.getDate() - 7);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }, today);
  await put(page, { meals: [{ id: 'm-pear', date: lastWeek, slot: 'snack', recipe: null, food: '1 pear', servings: 2, leftoverOf: null }] });
  await page.reload();
  await expect(points).toHaveText('3 / 30');
  await expect(page.getByText('counts as apple')).toBeVisible();

  // A recipe changed behind the app's back: the key no longer matches, and the view is worked out again (+ carrot).
  await put(page, { recipes: [{ ...RECIPE, ingredients: [...RECIPE.ingredients, { id: 'l3', text: '1 carrot' }] }] });
  await page.reload();
  await expect(points).toHaveText('4 / 30');
  await expect(page.getByText('counts as apple')).toBeVisible();

  // An edit in the app does the same: deleting the apple meal.
  await page.getByRole('button', { name: /^Actions for 1 apple,/ }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(points).toHaveText('3 / 30');
  await page.reload();
  await expect(points).toHaveText('3 / 30');
  await expect(page.getByText('counts as apple')).toHaveCount(0);
});

test("once idle after the first view, the app keeps each recipe's reading of its lines, and the shopping list reads the week with it", async ({ page }) => {
  await page.goto('./?starter=0#/plan');
  await expect(page.getByTestId('empty-week')).toBeVisible();
  const weekStart = await weekStartIn(page);
  await put(page, { recipes: [RECIPE], meals: [{ id: 'm-bowl', date: weekStart, slot: 'dinner', recipe: RECIPE.id, food: null, servings: 2, leftoverOf: null }] });
  await page.reload();
  await expect(page.getByText(RECIPE.name).first()).toBeVisible();

  // The recipe was written behind the app's back, before this start: nothing on this device has read it, so the pass reads every recipe.
  const reading = async () => (await readStore<{ id: string; parsed?: { with: string; lines: string } }>(page, 'recipes')).find((row) => row.id === RECIPE.id)?.parsed;
  await expect.poll(reading, { timeout: 30_000 }).toBeDefined();
  const parsed = (await reading())!;
  expect(await page.evaluate(() => localStorage.getItem('thirtyfold.parsed-with.v1'))).toBe(parsed.with);
  // Compact: each line's food id and numbers, not the food or the text.
  const lines = JSON.parse(parsed.lines) as unknown[][];
  expect(lines.map((line) => line[1])).toEqual(['kale', expect.stringMatching(/lentil/)]);
  expect(parsed.lines).not.toContain('200 g kale');

  await page.goto('./#/shopping');
  await expect(page.locator('section.aisle').getByText(/kale/i).first()).toBeVisible();
  await expect(page.locator('section.aisle').getByText(/lentil/i).first()).toBeVisible();
});
