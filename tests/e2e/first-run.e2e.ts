import { expect as baseExpect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The app computes the week's scores in the page; on a busy machine that can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

interface ExampleMeal {
  date: string;
  slot: string;
  recipe?: string;
}

const starterDir = resolve(import.meta.dirname, '../../resources/starter');
const library = JSON.parse(readFileSync(resolve(starterDir, 'recipes.json'), 'utf8')) as { recipes: { id: string }[] };
const example = JSON.parse(readFileSync(resolve(starterDir, 'example-week.json'), 'utf8')) as { meals: ExampleMeal[] };
const SLOTS = ['breakfast', 'lunch', 'dinner', 'snack'];
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
/** Meals of the example that repeat a recipe from a later slot of the day before: planned as its leftovers. */
const LEFTOVERS = example.meals.filter((meal) =>
  example.meals.some(
    (other) =>
      meal.recipe &&
      other.recipe === meal.recipe &&
      other.date === dayBefore(meal.date) &&
      SLOTS.indexOf(other.slot) > SLOTS.indexOf(meal.slot),
  ),
).length;
const RECIPES = new Set([...library.recipes.map((recipe) => recipe.id), ...example.meals.flatMap((meal) => meal.recipe ?? [])]).size;
const MEALS = example.meals.length;

/** The starter setting row as stored, read straight from IndexedDB. */
function starterRow(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get('starter');
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { value: unknown } | undefined)?.value ?? null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

test('a first run brings starter recipes and an example week, both removable for good', async ({ page }) => {
  await page.goto('./');
  const banner = page.getByRole('region', { name: 'Starter recipes' });
  await expect(banner).toContainText(`${RECIPES} starter recipes`);
  await expect(banner).toContainText(`an example week (${MEALS} meals)`);
  // The planner lists the first 30 by name and reads the rest of the library only when searched.
  const toPlan = page.getByRole('list', { name: 'Recipes to plan' });
  expect(RECIPES).toBeGreaterThan(30);
  await expect(toPlan.getByRole('listitem')).toHaveCount(30);
  await expect(page.getByText(`Showing 30 of ${RECIPES}; search to find the rest.`)).toBeVisible();
  const last = 'Yogurt bowl with cardamom pears and toasted buckwheat';
  await expect(toPlan.getByText(last)).toHaveCount(0);
  await page.locator('.plan').getByRole('searchbox', { name: 'Search recipes' }).fill('yogurt bowl');
  await expect(toPlan.getByRole('listitem')).toHaveCount(1);
  await expect(toPlan.getByText(last)).toBeVisible();
  await page.locator('.plan').getByRole('searchbox', { name: 'Search recipes' }).fill('');
  await expect(toPlan.getByRole('listitem')).toHaveCount(30);

  // The example is moved onto this week, its leftover lunches linked to the dinner before.
  await expect(page.getByRole('button', { name: 'This week' })).toBeDisabled();
  await expect(page.locator('.plan article')).toHaveCount(MEALS);
  expect(LEFTOVERS).toBeGreaterThan(0);
  await expect(page.getByText(/leftovers of \w{3} dinner/)).toHaveCount(LEFTOVERS);
  const points = Number((await page.getByTestId('plant-points').locator('strong').textContent()) ?? '0');
  expect(points).toBeGreaterThan(30);

  await banner.getByRole('button', { name: 'Clear example week' }).click();
  await expect(page.locator('.plan article')).toHaveCount(0);
  await expect(page.getByTestId('plant-points')).toHaveText('0 / 30');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.plan article')).toHaveCount(MEALS);
  await banner.getByRole('button', { name: 'Clear example week' }).click();
  await expect(page.locator('.plan article')).toHaveCount(0);
  await expect(banner).not.toContainText('example week');

  await banner.getByRole('button', { name: 'Remove starter recipes' }).click();
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await expect(banner).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await expect(page.locator('.plan article')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Starter recipes' })).toHaveCount(0);
  expect(await starterRow(page)).toMatchObject({ status: 'loaded' });
});

test('the banner can be dismissed while keeping the starter, and ?starter=0 starts empty', async ({ page }) => {
  await page.goto('./');
  const banner = page.getByRole('region', { name: 'Starter recipes' });
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Dismiss this note' }).click();
  await expect(banner).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.plan article')).toHaveCount(MEALS);
  await expect(page.getByRole('region', { name: 'Starter recipes' })).toHaveCount(0);

  const empty = await page.context().newPage();
  await empty.goto('./?starter=0');
  // Same origin, same database: the starter is already there, and nothing is added twice.
  await expect(empty.locator('.plan article')).toHaveCount(MEALS);
  await empty.close();
});

test('?starter=0 skips the starter for good', async ({ page }) => {
  await page.goto('./?starter=0');
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await expect.poll(() => starterRow(page)).toMatchObject({ status: 'skipped' });
  await page.goto('./');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await expect(page.locator('.plan article')).toHaveCount(0);
});
