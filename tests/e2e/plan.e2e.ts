import { expect as baseExpect, test, type Page } from '@playwright/test';

// The app computes the week's scores in the page; on a busy machine that can take a few seconds.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

/**
 * Two recipes created through the recipe editor. Figures below come from
 * resources/foods/catalog.json, per person (2 people) per day (7 days):
 *   Kale and lentil bowl, serves 2: "200 g kale" 200 g × 3.6 g/100 g = 7.2 g;
 *     "1 cup cooked lentils" 198 g × 7.9 g/100 g = 15.642 g → 22.842 g a meal of 2 servings.
 *   Oat and walnut porridge, serves 2: "80 g rolled oats" 80 × 10.1/100 = 8.08 g;
 *     "30 g walnuts" 30 × 6.7/100 = 2.01 g → 10.09 g a meal of 2 servings.
 *   "1 apple" as a food meal for 2: 2 × 182 g × 2.4/100 = 8.736 g.
 * Plants (weight 1 each): kale, lentil, oat, walnut, apple.
 */
const RECIPES = [
  { name: 'Kale and lentil bowl', servings: 2, ingredients: ['200 g kale', '1 cup cooked lentils'], steps: ['Warm the lentils.', 'Wilt the kale into them.'] },
  { name: 'Oat and walnut porridge', servings: 2, ingredients: ['80 g rolled oats', '30 g walnuts'], steps: ['Simmer the oats.', 'Top with walnuts.'] },
];

async function writeRecipes(page: Page): Promise<void> {
  for (const recipe of RECIPES) {
    await page.goto('./?starter=0#/recipes');
    await page.getByRole('button', { name: 'New recipe' }).click();
    await page.getByLabel('Name', { exact: true }).fill(recipe.name);
    await page.getByLabel('Servings', { exact: true }).fill(String(recipe.servings));
    await page.getByLabel('Ingredients', { exact: true }).fill(recipe.ingredients.join('\n'));
    await page.getByLabel('Steps', { exact: true }).fill(recipe.steps.join('\n'));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(/#\/recipes$/);
    await expect(page.getByText(recipe.name).first()).toBeVisible();
  }
  await page.goto('./?starter=0#/plan');
}

const cell = (page: Page, day: string, slot: string) => page.getByRole('group', { name: new RegExp(`^${day} \\d+ \\w+, ${slot}$`) });
const addButton = (page: Page, day: string, slot: string) =>
  page.getByRole('button', { name: new RegExp(`^Add to ${day} \\d+ \\w+, ${slot}$`) });

async function expectScores(page: Page, plants: string, fiber: string): Promise<void> {
  await expect(page.getByTestId('plant-points')).toHaveText(plants);
  await expect(page.getByTestId('fiber-per-day')).toContainText(fiber);
}

test('plans a week by drag and keyboard, scores it, undoes a delete and keeps it all after a reload', async ({ page }, testInfo) => {
  await page.goto('./?starter=0');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await expect(page.getByTestId('empty-week')).toBeVisible();
  await writeRecipes(page);

  const sidebar = page.getByRole('list', { name: 'Recipes to plan' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await page.getByLabel('Search recipes').fill('kale');
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);

  // 1. Drag the bowl onto Monday dinner: kale + lentil = 2 points; 22.842 / 2 / 7 = 1.63 → 1.6 g.
  await sidebar.getByText('Kale and lentil bowl').dragTo(cell(page, 'Monday', 'dinner'));
  const mondayDinner = cell(page, 'Monday', 'dinner');
  await expect(mondayDinner.getByRole('article')).toHaveCount(1);
  await expect(mondayDinner.getByRole('article')).toContainText('+2 new');
  await expectScores(page, '2 / 30', '1.6 g');
  await expect(page.getByTestId('empty-week')).toHaveCount(0);

  // 2. Keyboard: focus Tuesday breakfast, type, Enter. +oat +walnut = 4; (22.842 + 10.09) / 14 = 2.35 → 2.4 g.
  await addButton(page, 'Tuesday', 'breakfast').focus();
  await page.keyboard.press('O');
  const combo = page.getByRole('combobox', { name: /^Add to Tue breakfast/ });
  await expect(combo).toBeFocused();
  await page.keyboard.type('at');
  await expect(page.getByRole('option', { name: 'Oat and walnut porridge' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Tuesday', 'breakfast').getByRole('article')).toContainText('Oat and walnut porridge');
  await expect(addButton(page, 'Tuesday', 'breakfast')).toBeFocused();
  await expectScores(page, '4 / 30', '2.4 g');

  // 3. A single food: "1 apple" is no recipe, so Enter adds it as a food line (parser shows what it matched).
  // +apple = 5; (32.932 + 8.736) / 14 = 2.98 → 3 g.
  await addButton(page, 'Wednesday', 'snack').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('1 apple');
  await expect(page.getByRole('option', { name: /Add food “1 apple”/ })).toContainText('Apple · 182 g');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Wednesday', 'snack').getByRole('article')).toContainText('counts as apple');
  await expectScores(page, '5 / 30', '3 g');

  // 4. Copy Monday dinner to Thursday dinner by dragging with Ctrl held: (41.668 + 22.842) / 14 = 4.61 → 4.6 g.
  await page.keyboard.down('Control');
  await mondayDinner.getByRole('article').dragTo(cell(page, 'Thursday', 'dinner'));
  await page.keyboard.up('Control');
  await expect(cell(page, 'Thursday', 'dinner').getByRole('article')).toContainText('Kale and lentil bowl');
  await expect(mondayDinner.getByRole('article')).toHaveCount(1);
  await expectScores(page, '5 / 30', '4.6 g');

  // Move the apple by plain drag (no change to the figures).
  await cell(page, 'Wednesday', 'snack').getByRole('article').dragTo(cell(page, 'Friday', 'snack'));
  await expect(cell(page, 'Friday', 'snack').getByRole('article')).toContainText('1 apple');
  await expect(cell(page, 'Wednesday', 'snack').getByRole('article')).toHaveCount(0);

  // 5. Cook once, eat twice, by keyboard: leftovers of Monday dinner on Tuesday lunch. (64.51 + 22.842) / 14 = 6.24 → 6.2 g.
  await mondayDinner.getByRole('button', { name: /^Actions for Kale and lentil bowl/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Move to…' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Plan leftovers…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Meal')).toHaveValue('lunch');
  await dialog.getByRole('button', { name: 'Plan leftovers' }).click();
  await expect(cell(page, 'Tuesday', 'lunch').getByRole('article')).toContainText('leftovers of Mon dinner');
  await expectScores(page, '5 / 30', '6.2 g');
  await expect(page.locator('.plan article')).toHaveCount(5);

  // Servings are editable on the card: 2 → 4 on Tuesday breakfast adds 10.09 g: 97.442 / 14 = 6.96 → 7 g; back to 2.
  const servings = page.getByLabel(/^Servings of Oat and walnut porridge/);
  await expect(servings).toHaveValue('2');
  await servings.fill('4');
  await servings.press('Tab');
  await expectScores(page, '5 / 30', '7 g');
  await servings.fill('2');
  await servings.press('Tab');
  await expectScores(page, '5 / 30', '6.2 g');

  // Delete the Thursday copy, then undo it.
  await cell(page, 'Thursday', 'dinner').getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(cell(page, 'Thursday', 'dinner').getByRole('article')).toHaveCount(0);
  await expectScores(page, '5 / 30', '4.6 g');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(cell(page, 'Thursday', 'dinner').getByRole('article')).toHaveCount(1);
  await expectScores(page, '5 / 30', '6.2 g');

  // Only 5 of 28 slots are planned: the panel says so, so the low fiber is not mistaken for a low-fiber diet.
  await expect(page.getByTestId('fiber-partial')).toContainText('5 of 28 meal slots planned');

  await page.screenshot({ path: testInfo.outputPath('plan-1280x800.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('plan-1920x1080.png') });

  await page.reload();
  await expect(page.locator('.plan article')).toHaveCount(5);
  await expect(cell(page, 'Tuesday', 'lunch').getByRole('article')).toContainText('leftovers of Mon dinner');
  await expect(cell(page, 'Friday', 'snack').getByRole('article')).toContainText('1 apple');
  await expectScores(page, '5 / 30', '6.2 g');
});

test('moves between weeks, repeats a meal, copies a day and a week, and clears a week with undo', async ({ page }) => {
  await page.goto('./?starter=0');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'This week' })).toBeDisabled();
  await expect(page.locator('.day-head.today')).toHaveCount(1);

  // Arrow keys move between slots; at 1280 px the days are rows.
  await addButton(page, 'Monday', 'breakfast').focus();
  await page.keyboard.press('ArrowDown');
  await expect(addButton(page, 'Tuesday', 'breakfast')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(addButton(page, 'Tuesday', 'lunch')).toBeFocused();

  await page.getByLabel('Go to date').fill('2030-01-02');
  await expect(page.locator('.plan').getByText('31 December 2029 – 6 January 2030')).toBeVisible();
  await addButton(page, 'Wednesday', 'lunch').click();
  await page.keyboard.type('2 carrots');
  await page.keyboard.press('Enter');
  const card = cell(page, 'Wednesday', 'lunch').getByRole('article');
  await expect(card).toContainText('counts as carrot');

  // "Every Wednesday": repeat for 2 more weeks, from the keyboard.
  await card.getByRole('button', { name: /^Actions for 2 carrots/ }).press('Enter');
  await page.getByRole('menuitem', { name: 'Repeat weekly…' }).press('Enter');
  await page.getByRole('dialog').getByLabel('Weeks').fill('2');
  await page.getByRole('dialog').getByRole('button', { name: 'Repeat' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Copy the whole day to Thursday, then move Thursday's copy to Friday dinner.
  await page.getByRole('button', { name: 'Actions for Wednesday 2 January' }).click();
  await page.getByRole('menuitem', { name: 'Copy day to…' }).click();
  await page.getByRole('dialog').getByLabel('Day').fill('2030-01-03');
  await page.getByRole('dialog').getByRole('button', { name: 'Copy day' }).click();
  await expect(cell(page, 'Thursday', 'lunch').getByRole('article')).toHaveCount(1);
  await cell(page, 'Thursday', 'lunch').getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Move to…' }).click();
  await page.getByRole('dialog').getByLabel('Day').fill('2030-01-04');
  await page.getByRole('dialog').getByLabel('Meal').selectOption('dinner');
  await page.getByRole('dialog').getByRole('button', { name: 'Move' }).click();
  await expect(cell(page, 'Friday', 'dinner').getByRole('article')).toContainText('2 carrots');
  await expect(page.locator('.plan article')).toHaveCount(2);

  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(page.locator('.plan').getByText('7 – 13 January 2030')).toBeVisible();
  await expect(cell(page, 'Wednesday', 'lunch').getByRole('article')).toHaveCount(1);
  await page.getByRole('button', { name: 'Clear week' }).click();
  await expect(page.locator('.plan article')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.plan article')).toHaveCount(1);

  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(page.locator('.plan article')).toHaveCount(1);
  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(page.locator('.plan').getByText('21 – 27 January 2030')).toBeVisible();
  await expect(page.locator('.plan article')).toHaveCount(0);
  await page.getByRole('button', { name: 'Copy previous week' }).click();
  await expect(cell(page, 'Wednesday', 'lunch').getByRole('article')).toContainText('2 carrots');

  await page.getByRole('button', { name: 'Previous week', exact: true }).click();
  await expect(page.locator('.plan').getByText('14 – 20 January 2030')).toBeVisible();
  await page.getByRole('button', { name: 'This week' }).click();
  await expect(page.getByRole('button', { name: 'This week' })).toBeDisabled();
  await expect(page.locator('.day-head.today')).toHaveCount(1);
});

test('leftovers go to a free slot, a taken one is named before adding, and Copy previous week keeps the link', async ({ page }, testInfo) => {
  await writeRecipes(page);
  await page.getByLabel('Go to date').fill('2030-01-07');
  await expect(page.locator('.plan').getByText('7 – 13 January 2030')).toBeVisible();
  await addButton(page, 'Monday', 'dinner').click();
  await page.keyboard.type('Kale');
  await expect(page.getByRole('option', { name: 'Kale and lentil bowl' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Monday', 'dinner').getByRole('article')).toContainText('Kale and lentil bowl');
  await addButton(page, 'Tuesday', 'lunch').click();
  await page.keyboard.type('1 apple');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'Tuesday', 'lunch').getByRole('article')).toContainText('1 apple');

  // Tuesday lunch is taken by the apple: the dialog proposes Tuesday dinner.
  await cell(page, 'Monday', 'dinner').getByRole('button', { name: /^Actions for/ }).click();
  await page.getByRole('menuitem', { name: 'Plan leftovers…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Day')).toHaveValue('2030-01-08');
  await expect(dialog.getByLabel('Meal')).toHaveValue('dinner');
  await expect(dialog.getByRole('status')).toHaveCount(0);

  // Choosing the taken lunch names what is there before anything is added.
  await dialog.getByLabel('Meal').selectOption('lunch');
  await expect(dialog.getByRole('status')).toHaveText('Tue lunch already has 1 apple; this adds the leftovers beside it.');
  await dialog.screenshot({ path: testInfo.outputPath('leftovers-taken-slot.png') });
  await dialog.getByLabel('Meal').selectOption('dinner');
  await expect(dialog.getByRole('status')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Plan leftovers' }).click();
  await expect(cell(page, 'Tuesday', 'dinner').getByRole('article')).toContainText('leftovers of Mon dinner');
  await expect(cell(page, 'Tuesday', 'lunch').getByRole('article')).toHaveCount(1);

  // The copied week's leftovers are leftovers of the copied Monday dinner.
  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await expect(page.locator('.plan').getByText('14 – 20 January 2030')).toBeVisible();
  await page.getByRole('button', { name: 'Copy previous week' }).click();
  await expect(page.locator('.plan article')).toHaveCount(3);
  await expect(cell(page, 'Tuesday', 'dinner').getByRole('article')).toContainText('leftovers of Mon dinner');
});
