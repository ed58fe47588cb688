import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { changeDatabase } from './database';

// Twelve weeks are scored in the page; on a busy machine that takes a moment.
const expect = baseExpect.configure({ timeout: 15_000 });
// Each test takes 15–30 s on an idle two-core machine; leave room for a loaded one.
test.describe.configure({ timeout: 120_000 });

interface CatalogFood {
  id: string;
  crop: string | null;
  weight: number;
  fiberPer100g: number | null;
  portions: Record<string, number>;
}

const catalog = new Map(
  (JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/foods/catalog.json', import.meta.url)), 'utf8')) as CatalogFood[]).map((food) => [food.id, food]),
);

/**
 * Single-food lines, each a different crop of weight 1 in the catalog (the
 * test checks that below), with the grams the parser gives them: "100 g"
 * lines are 100 g, "1 <fruit>" lines one medium piece.
 */
const FOODS = [
  { line: '100 g kale', id: 'kale', grams: () => 100 },
  { line: '1 apple', id: 'apple', grams: () => piece('apple') },
  { line: '1 banana', id: 'banana', grams: () => piece('banana') },
  { line: '1 carrot', id: 'carrot', grams: () => piece('carrot') },
  { line: '100 g broccoli', id: 'broccoli', grams: () => 100 },
  { line: '100 g chickpeas', id: 'chickpeas', grams: () => 100 },
  { line: '1 pear', id: 'pear', grams: () => piece('pear') },
  { line: '100 g spinach', id: 'spinach', grams: () => 100 },
  { line: '1 tomato', id: 'tomato', grams: () => piece('tomato') },
  { line: '100 g quinoa', id: 'quinoa', grams: () => 100 },
  { line: '30 g almonds', id: 'almonds', grams: () => 30 },
  { line: '100 g blueberries', id: 'blueberries', grams: () => 100 },
];

function piece(id: string): number {
  const portions = catalog.get(id)!.portions;
  return portions.medium ?? portions.piece;
}

/**
 * Week w (0 = eleven weeks ago … 11 = this week) eats the first COUNTS[w]
 * foods of FOODS, all on the Monday, as food meals of 2 servings for the 2
 * people of the default settings: every crop weighs 1, so the week's plant
 * points are COUNTS[w], and the foods are a growing prefix of one list, so the
 * running number of different plants is the largest count so far.
 */
const COUNTS = [3, 5, 2, 6, 4, 7, 3, 8, 5, 6, 9, 4];

/** Fiber per person per day of week w: each person eats one line's grams once in the week, over 7 days. */
function fiberOf(count: number): number {
  const grams = FOODS.slice(0, count).reduce((sum, food) => sum + (food.grams() * (catalog.get(food.id)!.fiberPer100g ?? 0)) / 100, 0);
  return Math.round((grams / 7) * 10) / 10;
}

/**
 * A library recipe that adds lentil, oat and walnut (1 point each; yogurt is
 * not a plant) plus one line no food matches, to be fixed from the view.
 */
const RECIPE = {
  id: 'r-bowl',
  name: 'Lentil, oat and walnut bowl',
  servings: 2,
  ingredients: ['1 cup cooked lentils', '80 g rolled oats', '30 g walnuts', '1 cup plain yogurt', '1 handful glorp crumbs'].map((text, at) => ({ id: `l${at + 1}`, text })),
};

async function seed(page: Page): Promise<void> {
  await page.evaluate(
    ({ foods, counts, recipe }) =>
      new Promise<void>((done, fail) => {
        const iso = (date: Date) =>
          `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
        const monday = new Date();
        monday.setHours(12, 0, 0, 0);
        monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['meals', 'recipes'], 'readwrite');
          const now = new Date().toISOString();
          tx.objectStore('recipes').put({ ...recipe, steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: now, updatedAt: now });
          counts.forEach((count, week) => {
            const day = new Date(monday);
            day.setDate(monday.getDate() - 7 * (counts.length - 1 - week));
            foods.slice(0, count).forEach((line, index) => {
              tx.objectStore('meals').put({ id: `seed-${week}-${index}`, date: iso(day), slot: 'lunch', recipe: null, food: line, servings: 2, leftoverOf: null });
            });
          });
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    { foods: FOODS.map((food) => food.line), counts: COUNTS, recipe: RECIPE },
  );
}

async function columnOf(page: Page, table: string, column = 1): Promise<string[]> {
  return page.getByRole('table', { name: table }).locator(`tbody tr td:nth-of-type(${column})`).allTextContents();
}

/** Opens the Scores view on an empty database (no starter recipes), seeds the history and reloads. */
async function openSeeded(page: Page): Promise<void> {
  await page.goto('./?starter=0#/scores');
  await expect(page.getByRole('heading', { level: 1, name: 'Scores' })).toBeVisible();
  await seed(page);
  await page.reload();
}

test('shows twelve weeks of history as trends with text tables, and compares two weeks', async ({ page }, testInfo) => {
  // The seeded foods really are distinct crops of weight 1, as the expected figures assume.
  const crops = FOODS.map((food) => catalog.get(food.id));
  expect(crops.every((food) => food?.weight === 1)).toBe(true);
  expect(new Set(crops.map((food) => food?.crop)).size).toBe(FOODS.length);
  await openSeeded(page);

  // This week: the first 4 foods, so 4 plant points.
  await expect(page.getByTestId('scores-plant-points')).toHaveText('4');
  await expect(page.getByTestId('scores-fiber')).toHaveText(`${fiberOf(4)} g`);
  // The gauges are meters with the figure as their value.
  await expect(page.getByRole('meter', { name: 'Plant points' })).toHaveAttribute('aria-valuenow', '4');

  // Over time, 12 weeks: the text-equivalent tables hold each week's figures.
  await page.getByRole('link', { name: 'Over time' }).click();
  await expect(page).toHaveURL(/#\/scores\/trends$/);
  await expect(page.getByRole('radio', { name: '12 weeks' })).toBeChecked();
  await expect.poll(() => columnOf(page, 'Plant points by week')).toEqual(COUNTS.map(String));
  expect(await columnOf(page, 'Fiber per person per day by week, grams')).toEqual(COUNTS.map((count) => String(fiberOf(count))));
  const running = COUNTS.map((_, week) => String(Math.max(...COUNTS.slice(0, week + 1))));
  expect(await columnOf(page, 'Different plants over the period, running total')).toEqual(running);
  await expect(page.getByTestId('trend-summary')).toContainText('9 different plants in 12 planned weeks');
  // The charts draw one bar a week, and the drawing names its figures too.
  const plantChart = page.getByRole('img', { name: /^Plant points by week: / });
  await expect(plantChart).toBeVisible();
  await expect(plantChart.locator('.tf-bar')).toHaveCount(COUNTS.length);
  const barHeights = await plantChart.locator('.tf-bar').evaluateAll((bars) => bars.map((bar) => (bar as SVGGraphicsElement).getBBox().height));
  // Taller bars for more plant points: the heights keep the order of the counts.
  expect(barHeights.every((height, i) => i === 0 || Math.sign(height - barHeights[i - 1]) === Math.sign(COUNTS[i] - COUNTS[i - 1]))).toBe(true);
  // Kale and apple (the first two foods) were eaten every week; the list goes by weeks, then name.
  await expect(page.getByTestId('most-often').getByRole('listitem').first()).toContainText('12 of 12 weeks');

  // 4 weeks: only the last four weeks' figures.
  await page.getByText('4 weeks', { exact: true }).click();
  await expect.poll(() => columnOf(page, 'Plant points by week')).toEqual(COUNTS.slice(-4).map(String));
  await page.getByText('12 weeks', { exact: true }).click();
  await expect.poll(() => columnOf(page, 'Plant points by week')).toEqual(COUNTS.map(String));

  await page.screenshot({ path: testInfo.outputPath('scores-trends.png') });

  // Compare the week before with this week: 9 plants against 4.
  await page.getByRole('link', { name: 'Compare weeks' }).click();
  await expect(page.getByTestId('compare-only-a').getByRole('listitem')).toHaveCount(5);
  await expect(page.getByTestId('compare-only-b')).toHaveCount(0);
  await expect(page.getByTestId('compare-both').getByRole('listitem')).toHaveCount(4);

  // The Evidence section (the Help menu opens #/scores/evidence); arrow keys move between the sections.
  await page.getByRole('link', { name: 'Compare weeks' }).press('ArrowRight');
  await expect(page).toHaveURL(/#\/scores\/evidence$/);
  await expect(page.getByRole('link', { name: 'Evidence' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'The evidence behind the scores' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'What Thirtyfold does not claim' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /McDonald et al\. 2018/ })).toBeVisible();
});

test('remembers the earlier weeks\' crops between sessions and notices when an earlier week changes', async ({ page }) => {
  await openSeeded(page);
  // This week's 4 plants were all eaten in the 4 weeks before (8, 5, 6 and 9 of the same foods).
  const summary = page.getByText(/new against the last 4 weeks/).filter({ visible: true });
  await expect(summary).toContainText('4 plants, 0 new against the last 4 weeks');
  await page.reload();
  await expect(summary).toContainText('4 plants, 0 new against the last 4 weeks');
  // Kale leaves the 4 earlier weeks: the remembered crops no longer match, and kale is new again.
  await changeDatabase(page, { delete: { meals: [1, 2, 3, 4].map((back) => `seed-${COUNTS.length - 1 - back}-0`) } });
  await page.reload();
  await expect(summary).toContainText('4 plants, 1 new against the last 4 weeks');
});

test('adds suggestions and fixes an uncounted line from the view, then prints a one-page report', async ({ page }, testInfo) => {
  await openSeeded(page);
  await expect(page.getByTestId('scores-plant-points')).toHaveText('4');

  // Add the top plant suggestion to Monday lunch; the points rise by what it promised.
  await page.getByLabel('Day to add to').selectOption({ index: 0 });
  await page.getByLabel('Slot to add to').selectOption('lunch');
  const crop = page.getByTestId('crop-suggestions').getByRole('listitem').first();
  const cropPoints = Number((await crop.getByTestId('suggestion-points').textContent())!.replace(/[^\d.]/g, ''));
  expect(cropPoints).toBe(1);
  await crop.getByRole('button', { name: /^Add .+ to Mon lunch$/ }).click();
  await expect(page.getByTestId('scores-plant-points')).toHaveText(String(4 + cropPoints));

  // Then the recipe: lentil, oat and walnut (minus any the plant suggestion already added).
  const recipe = page.getByTestId('recipe-suggestions').getByRole('listitem').filter({ hasText: RECIPE.name });
  const recipePoints = Number((await recipe.getByTestId('suggestion-points').textContent())!.replace(/[^\d.]/g, ''));
  expect(recipePoints).toBeGreaterThanOrEqual(2);
  await recipe.getByRole('button', { name: `Add ${RECIPE.name} to Mon lunch` }).click();
  const afterRecipe = 4 + cropPoints + recipePoints;
  await expect(page.getByTestId('scores-plant-points')).toHaveText(String(afterRecipe));
  // The yogurt counts as fermented: 1 cup = 245 g for the recipe's 2 servings, eaten by 2 people: 122.5 g ÷ 175 g a serving = 0.7.
  await expect(page.getByTestId('scores-fermented')).toHaveText('0.7');

  // The unmatched line is listed with a fix: pick the food (pumpkin seeds, a new crop worth 1 point).
  const notCounted = page.getByRole('region', { name: /Not counted/ });
  await expect(notCounted).toContainText('1 handful glorp crumbs');
  await notCounted.getByRole('button', { name: 'Pick the food for “1 handful glorp crumbs”' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick the food' });
  await picker.getByRole('combobox').fill('pumpkin seeds');
  await expect(picker.getByRole('option').first()).toContainText('Pumpkin seeds');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scores-plant-points')).toHaveText(String(afterRecipe + 1));
  await expect(page.getByText('“1 handful glorp crumbs” now counts as Pumpkin seeds')).toBeVisible();
  // Pumpkin seeds have no "handful" weight, so the line still lacks grams: set them, and it is counted.
  await expect(notCounted).toContainText('grams not known (Pumpkin seeds)');
  await notCounted.getByRole('button', { name: 'Set grams for “1 handful glorp crumbs”' }).click();
  await notCounted.getByLabel('Grams for the whole recipe').fill('30');
  await notCounted.getByRole('button', { name: 'Save' }).click();
  await expect(notCounted).not.toContainText('glorp');
  await expect(notCounted).toContainText('Every planned line was counted.');

  await page.screenshot({ path: testInfo.outputPath('scores-week.png') });

  // The report prints on one A4 page and holds the figures.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('scores-report.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Pages:\s+1\n/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/weekly scores/i);
  expect(text).toMatch(new RegExp(`${afterRecipe + 1}\\s+/ 30`));
  expect(text).toMatch(/fiber per day/i);
  // The fiber chart is drawn in the print-only block: its day labels and target line print, and Monday's bar has height.
  expect(text).toMatch(/Mon\s+Tue\s+Wed\s+Thu\s+Fri\s+Sat\s+Sun/);
  expect(text).toMatch(/target \d+ g/);
  const mondayBar = await page.locator('.scores-report .tf-bar').first().evaluate((bar) => (bar as SVGGraphicsElement).getBBox().height);
  expect(mondayBar).toBeGreaterThan(10);
  expect(text).toContain('Pumpkin seeds');
  expect(text).toContain('Kale');
  expect(text).not.toContain('What to add next');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('scores-report')]);
});
