import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { weekStartIn } from './database';

const root = resolve(import.meta.dirname, '../..');

// PDF rendering, the catalog load after each reload and the command line make these slower than the shell tests on a busy machine.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

interface SeedRecipe {
  id: string;
  name: string;
  servings: number;
  ingredients: string[];
}

interface SeedMeal {
  /** Days after the first day of the week on screen. */
  day: number;
  slot: string;
  recipe: string | null;
  food?: string | null;
  servings: number;
}

/** Writes recipes and meals straight into the app's IndexedDB (the app must have opened it once), then reloads. */
async function seed(page: Page, recipes: SeedRecipe[], meals: SeedMeal[]): Promise<string> {
  const weekStart = await weekStartIn(page);
  await page.evaluate(
    ({ recipes, meals, weekStart }) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['recipes', 'meals'], 'readwrite');
          const stamp = new Date().toISOString();
          for (const recipe of recipes) {
            // The database keeps ingredient lines as records (schema version 2).
            const ingredients = recipe.ingredients.map((text, at) => ({ id: `l${at + 1}`, text }));
            tx.objectStore('recipes').put({ ...recipe, ingredients, steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: stamp, updatedAt: stamp });
          }
          meals.forEach((meal, index) => {
            const date = new Date(`${weekStart}T00:00:00Z`);
            date.setUTCDate(date.getUTCDate() + meal.day);
            tx.objectStore('meals').put({
              id: `meal-${index}`,
              date: date.toISOString().slice(0, 10),
              slot: meal.slot,
              recipe: meal.recipe,
              food: meal.food ?? null,
              servings: meal.servings,
              leftoverOf: null,
            });
          });
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        };
      }),
    { recipes, meals, weekStart },
  );
  await page.reload();
  return weekStart;
}

/** The saved row of one shopping list. */
function savedList(page: Page, id: string): Promise<{ checked: string[]; manual: string[] } | undefined> {
  return page.evaluate(
    (id) =>
      new Promise<{ checked: string[]; manual: string[] } | undefined>((done, fail) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('shopping').objectStore('shopping').get(id);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        };
      }),
    id,
  );
}

/** The list the command line builds from the same recipes and meals: the figures the app must show. */
function cliList(recipes: SeedRecipe[], meals: SeedMeal[], weekStart: string, file: string) {
  const day = (offset: number) => {
    const date = new Date(`${weekStart}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + offset);
    return date.toISOString().slice(0, 10);
  };
  const planFile = {
    format: 'thirtyfold.plan/1',
    people: 2,
    weekStart,
    recipes: recipes.map(({ id, name, servings, ingredients }) => ({ id, name, servings, ingredients })),
    meals: meals.map((meal) =>
      meal.recipe ? { date: day(meal.day), slot: meal.slot, recipe: meal.recipe, servings: meal.servings } : { date: day(meal.day), slot: meal.slot, food: meal.food, servings: meal.servings },
    ),
  };
  writeFileSync(file, JSON.stringify(planFile));
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'shopping', file], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as {
    aisles: { name: string; items: { food: string; display: string }[] }[];
    pantry: { food: string; display: string }[];
    unmatched: { text: string; display: string }[];
  };
}

/** Renders the page as the print stylesheet lays it out, to a PDF; returns its text and page count. */
async function printToPdf(page: Page, path: string, format: 'A4' | 'Letter' = 'A4') {
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, format });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  execFileSync('pdftoppm', ['-png', '-r', '60', path, path.replace(/\.pdf$/, '')]);
  return { text, pages };
}

const SOUP: SeedRecipe = {
  id: 'r-soup',
  name: 'French onion soup',
  servings: 2,
  ingredients: ['2 cups chopped onion', '1 onion', '2 carrots', '1 tbsp olive oil', 'salt, to taste', '2 sprigs of zorblax'],
};
const STEW: SeedRecipe = {
  id: 'r-stew',
  name: 'Lentil stew',
  servings: 4,
  ingredients: ['150 g onion', '1 cup red lentils', '2 cloves garlic', '1 tbsp olive oil', '400 g canned tomatoes', '1 cup plain yogurt', '100 g feta'],
};
// Both recipes eaten at their own servings (scale 1): the onion line is 2 cups + 1 onion + 150 g, merged by food.
const MEALS: SeedMeal[] = [
  { day: 0, slot: 'dinner', recipe: SOUP.id, servings: 2 },
  { day: 1, slot: 'dinner', recipe: STEW.id, servings: 4 },
  { day: 2, slot: 'snack', recipe: null, food: '1 apple', servings: 2 },
];

test('builds the week list, merges units, keeps ticks over a reload and prints one A4 page', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('heading', { level: 1, name: 'Shopping' })).toBeVisible();
  const empty = page.getByTestId('shopping-empty');
  await expect(empty).toContainText('No meals are planned');
  await expect(empty.getByRole('link', { name: 'Plan some meals' })).toHaveAttribute('href', '#/plan');

  const weekStart = await seed(page, [SOUP, STEW], MEALS);
  const expected = cliList([SOUP, STEW], MEALS, weekStart, testInfo.outputPath('plan.json'));
  const onion = expected.aisles.flatMap((aisle) => aisle.items).find((item) => item.food === 'onion');
  expect(onion, 'the command line merges the onion lines into one item').toBeTruthy();
  const onionText = onion?.display ?? '';

  await expect(empty).toHaveCount(0);
  for (const aisle of expected.aisles) await expect(page.getByRole('heading', { level: 2, name: aisle.name })).toBeVisible();
  // One line, one checkbox for onions, whatever unit each recipe used.
  const onionBox = page.getByRole('checkbox', { name: onionText, exact: true });
  await expect(onionBox).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: /\bonions?\b/i })).toHaveCount(1);

  await page.getByRole('button', { name: new RegExp(`Show what needs ${onionText}`) }).click();
  await expect(page.getByText('Mon dinner — French onion soup', { exact: true })).toBeVisible();
  await expect(page.getByText('Tue dinner — Lentil stew', { exact: true })).toBeVisible();

  // The line no food matched stays, with its text, under Other.
  await expect(page.getByRole('heading', { level: 2, name: /^Other/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '2 sprigs of zorblax' })).toBeVisible();

  // Tick one with the mouse and one with the keyboard.
  await onionBox.check();
  const carrots = expected.aisles.flatMap((aisle) => aisle.items).find((item) => item.food === 'carrot');
  const carrotBox = page.getByRole('checkbox', { name: carrots?.display ?? 'carrots', exact: true });
  await carrotBox.focus();
  await page.keyboard.press('Space');
  await expect(carrotBox).toBeChecked();
  await expect(page.getByText('2 of')).toBeVisible();

  const listId = `${weekStart}..${await page.evaluate((start) => {
    const date = new Date(`${start}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 6);
    return date.toISOString().slice(0, 10);
  }, weekStart)}`;
  await expect.poll(async () => (await savedList(page, listId))?.checked.sort()).toEqual(['carrot', 'onion']);

  await page.reload();
  await expect(page.getByRole('checkbox', { name: onionText, exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: carrots?.display ?? 'carrots', exact: true })).toBeChecked();

  // A manual item joins the list and is saved with it.
  await page.getByLabel('Add item').fill('kitchen roll');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('checkbox', { name: 'kitchen roll' })).toBeVisible();
  await expect.poll(async () => (await savedList(page, listId))?.manual).toEqual(['kitchen roll']);

  // Hide checked leaves only what is still to buy.
  await page.getByLabel('Hide checked').check();
  await expect(page.getByRole('checkbox', { name: onionText, exact: true })).toHaveCount(0);
  await page.getByLabel('Hide checked').uncheck();

  const pdf = testInfo.outputPath('shopping-list.pdf');
  const { text, pages } = await printToPdf(page, pdf);
  expect(pages).toBe(1);
  expect(text).toContain('Shopping list');
  for (const aisle of expected.aisles) expect(text.toUpperCase()).toContain(aisle.name.toUpperCase());
  expect(text).toContain(onionText);
  expect(text).toContain('2 sprigs of zorblax');
  expect(text).toContain('kitchen roll');
  const lines = expected.aisles.reduce((n, aisle) => n + aisle.items.length, 0) + expected.pantry.length + expected.unmatched.length + 1;
  // Every line has a box: ☑ for the two ticked, ☐ for the rest.
  expect((text.match(/☑/g) ?? []).length).toBe(2);
  expect((text.match(/☐/g) ?? []).length).toBe(lines - 2);
  // No app chrome in print.
  expect(text).not.toContain('Aisle order');
  expect(text).not.toContain('Copy as Markdown');
});

test('a typical week (the example week, 25 meals) prints on one A4 and one Letter page', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('heading', { level: 1, name: 'Shopping' })).toBeVisible();
  const starter = JSON.parse(readFileSync(resolve(root, 'resources/starter/recipes.json'), 'utf8')) as { recipes: SeedRecipe[] };
  const week = JSON.parse(readFileSync(resolve(root, 'resources/starter/example-week.json'), 'utf8')) as {
    weekStart: string;
    meals: { date: string; slot: string; recipe?: string; food?: string; servings: number }[];
  };
  const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse(week.weekStart)) / 86_400_000);
  const meals = week.meals.map((meal) => ({ day: dayOf(meal.date), slot: meal.slot, recipe: meal.recipe ?? null, food: meal.food ?? null, servings: meal.servings }));
  expect(meals.length).toBeGreaterThanOrEqual(20);
  await seed(page, starter.recipes, meals);
  await expect(page.getByRole('heading', { level: 2, name: 'Produce' })).toBeVisible();
  const count = await page.getByRole('checkbox').count();
  expect(count).toBeGreaterThan(60);

  const a4 = await printToPdf(page, testInfo.outputPath('typical-week-a4.pdf'), 'A4');
  expect(a4.pages).toBe(1);
  expect(a4.text.toUpperCase()).toContain('CHECK YOU HAVE');
  const letter = await printToPdf(page, testInfo.outputPath('typical-week-letter.pdf'), 'Letter');
  expect(letter.pages).toBe(1);
});

test('aisles reorder by keyboard; the list copies as text and Markdown and exports as .txt', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('heading', { level: 1, name: 'Shopping' })).toBeVisible();
  await seed(page, [SOUP, STEW], MEALS);
  await expect(page.getByRole('heading', { level: 2, name: 'Produce' })).toBeVisible();

  const headings = () => page.locator('.list h2').allTextContents();
  const before = await headings();
  expect(before[0]).toMatch(/^Produce/);
  expect(before.findIndex((text) => text.startsWith('Dairy & eggs'))).toBeGreaterThan(0);

  // Move "Dairy & eggs" (third by default) to the top with the keyboard.
  const order = page.getByRole('list', { name: 'Aisle order' });
  for (let i = 0; i < 2; i += 1) {
    await order.getByRole('button', { name: 'Move Dairy & eggs up' }).focus();
    await page.keyboard.press('Enter');
  }
  await expect(order.getByRole('listitem').first()).toContainText('Dairy & eggs');
  await expect(order.getByRole('button', { name: 'Move Dairy & eggs up' })).toBeDisabled();
  await expect.poll(async () => (await headings())[0]).toMatch(/^Dairy & eggs/);
  await page.reload();
  await expect.poll(async () => (await headings())[0]).toMatch(/^Dairy & eggs/);

  await page.getByRole('button', { name: 'Copy as text' }).click();
  await expect(page.getByText('Copied the list as plain text.')).toBeVisible();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^Shopping list, /);
  expect(text).toContain('Dairy & eggs\n[ ] ');
  expect(text.indexOf('Dairy & eggs')).toBeLessThan(text.indexOf('Produce'));

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Copied the list as Markdown.')).toBeVisible();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Shopping list, /);
  expect(markdown).toContain('## Produce');
  expect(markdown).toContain('- [ ] ');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .txt…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^shopping-list-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.txt$/);
  const saved = testInfo.outputPath('list.txt');
  await file.saveAs(saved);
  expect(readFileSync(saved, 'utf8')).toBe(text);
});

test('another date range has its own list and check state', async ({ page }) => {
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('heading', { level: 1, name: 'Shopping' })).toBeVisible();
  const weekStart = await seed(page, [SOUP, STEW], MEALS);
  await expect(page.getByRole('heading', { level: 2, name: 'Produce' })).toBeVisible();
  // The apple snack is eaten by 2: two apples.
  const apple = page.getByRole('checkbox', { name: /\bapples?\b/ });
  await apple.check();

  // Only Monday: the soup, not the stew or the apple.
  await page.getByLabel('To', { exact: true }).fill(weekStart);
  await page.getByLabel('To', { exact: true }).dispatchEvent('change');
  await expect(apple).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: '2 sprigs of zorblax' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /lentils/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Planner week' }).click();
  await expect(apple).toBeChecked();
});
