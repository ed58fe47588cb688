import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { changeDatabase, weekStartIn } from './database';

// The catalog load after each reload and the PDF make this slower than the shell tests on a busy machine.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 15_000 });


/** One stored setting's value. */
function setting(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise<unknown>((done, fail) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('settings').objectStore('settings').get(key);
          request.onsuccess = () => {
            open.result.close();
            done((request.result as { value?: unknown } | undefined)?.value);
          };
          request.onerror = () => fail(request.error);
        };
      }),
    key,
  );
}

const DAL = {
  id: 'r-dal',
  name: 'Red lentil dal',
  servings: 2,
  ingredients: ['750 g red lentils', '1 tsp cumin', '1/2 tsp black pepper', '2 cups cooked brown rice', '1 lemon', '2 tbsp lemon juice', '1 tsp grated lemon zest'],
};

test('the list buys what a shop sells, staples remember "Buy it", the pantry takes amounts off, and cooking takes them out', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('heading', { level: 1, name: 'Shopping' })).toBeVisible();
  await expect(page.getByText('Nothing yet. Add an amount')).toBeVisible();

  const weekStart = await weekStartIn(page);
  const stamp = new Date().toISOString();
  await changeDatabase(page, {
    put: {
      recipes: [{ ...DAL, ingredients: DAL.ingredients.map((text, at) => ({ id: `l${at + 1}`, text })), steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: stamp, updatedAt: stamp }],
      meals: [{ id: 'meal-dal', date: weekStart, slot: 'dinner', recipe: DAL.id, food: null, servings: 2, leftoverOf: null }],
    },
  });
  await page.reload();

  // Main ingredients on the main list, in a buy unit; spices under "Check you have". 405 g cooked ÷ 2.984 = 136 g dry.
  const lentils = page.getByRole('checkbox', { name: /^2 × 500 g bags red lentils/ });
  await expect(lentils).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^1 × 1 kg bag brown rice about 140 g dry for 405 g cooked brown rice/ })).toBeVisible();
  // 1 lemon + the larger of 2 tbsp juice (30 g ÷ 48 g a lemon) and 1 tsp zest: one line.
  await expect(page.getByRole('checkbox', { name: /^2 lemons for 31 g lemon juice and 2 g lemon zest/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /lemon juice$/ })).toHaveCount(0);
  const pantrySection = page.locator('details.pantry');
  await expect(pantrySection.getByText('Check you have')).toBeVisible();
  await pantrySection.locator('summary').click();
  await expect(pantrySection.getByRole('checkbox', { name: /cumin/ })).toBeVisible();

  // What each meal uses, scaled by its servings.
  await page.getByRole('button', { name: /Show what needs 1 × 1 kg bag brown rice/ }).click();
  await expect(page.getByText('· 2 cups cooked brown rice (405 g)')).toBeVisible();

  // "Buy it" moves the staple to its aisle and is remembered.
  await pantrySection.getByRole('button', { name: 'Buy cumin' }).click();
  const spices = page.locator('section.aisle', { has: page.getByRole('heading', { level: 2, name: /^Spices & seasonings/ }) });
  await expect(spices.getByRole('checkbox', { name: /cumin/ })).toBeVisible();
  await expect.poll(() => setting(page, 'buyFoods')).toEqual(['cumin']);
  await page.reload();
  await expect(spices.getByRole('checkbox', { name: /cumin/ })).toBeVisible();
  // "I have this" puts it back, also remembered.
  await spices.getByRole('button', { name: 'I have cumin' }).click();
  await expect(spices.getByRole('checkbox', { name: /cumin/ })).toHaveCount(0);
  await expect.poll(() => setting(page, 'pantryFoods')).toEqual(['cumin']);

  // Pantry amounts: need 750 g, have 500 g, buy 250 g as one bag.
  await page.getByLabel('Add to the pantry').fill('500 g red lentils');
  await page.getByLabel('Add to the pantry').press('Enter');
  await expect(page.getByRole('list', { name: 'In the pantry' })).toContainText('500 g red lentils');
  const oneBag = page.getByRole('checkbox', { name: '1 × 500 g bag red lentils 750 g needed, 500 g from the pantry' });
  await expect(oneBag).toBeVisible();
  await expect.poll(() => setting(page, 'pantryAmounts')).toEqual({ 'red-lentils': 500 });

  await page.screenshot({ path: testInfo.outputPath('list.png'), fullPage: true });

  // Bad input says why and changes nothing.
  await page.getByLabel('Add to the pantry').fill('some zorblax');
  await page.getByLabel('Add to the pantry').press('Enter');
  await expect(page.getByText('No food in the catalog matches “some zorblax”.')).toBeVisible();
  await expect.poll(() => setting(page, 'pantryAmounts')).toEqual({ 'red-lentils': 500 });

  // Ticking a bought line puts it in the pantry; the line stays as it was.
  await page.getByLabel('Ticking a line adds it to the pantry').check();
  await oneBag.check();
  await expect.poll(() => setting(page, 'pantryAmounts')).toEqual({ 'red-lentils': 1000 });
  await expect(oneBag).toBeChecked();
  await expect(page.getByRole('list', { name: 'In the pantry' })).toContainText('1 kg red lentils');

  // Printed: "Check you have" open with its lines.
  const pdf = testInfo.outputPath('pantry-list.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text.toUpperCase()).toContain('CHECK YOU HAVE');
  expect(text.replace(/\s+/g, ' ')).toContain('about 140 g dry for 405 g cooked brown rice');
  expect(text).toContain('black pepper');
  expect(text).toContain('cumin');

  // Cooking the meal takes what it used off the pantry (1000 g − 750 g); the list then needs nothing for it.
  await page.goto('./?starter=0#/plan');
  await page.getByRole('button', { name: /^Actions for Red lentil dal/ }).click();
  await page.getByRole('menuitem', { name: 'Mark eaten' }).click();
  await expect(page.getByText('✓ eaten')).toBeVisible();
  await expect.poll(() => setting(page, 'pantryAmounts')).toEqual({ 'red-lentils': 250 });
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByTestId('shopping-empty')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /lemons/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'In the pantry' })).toContainText('250 g red lentils');
  await page.screenshot({ path: testInfo.outputPath('pantry.png'), fullPage: true });
});
