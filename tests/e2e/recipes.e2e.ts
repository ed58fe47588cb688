import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

/** Answers every confirm/beforeunload with `answer.accept` and records the messages. */
function answerDialogs(page: Page): { accept: boolean; messages: string[] } {
  const state = { accept: true, messages: [] as string[] };
  page.on('dialog', (dialog) => {
    state.messages.push(dialog.message() || dialog.type());
    void (state.accept ? dialog.accept() : dialog.dismiss());
  });
  return state;
}

async function fillEditor(page: Page, recipe: { name: string; servings?: string; ingredients: string[]; steps?: string[]; tags?: string }) {
  await page.getByLabel('Name', { exact: true }).fill(recipe.name);
  if (recipe.servings) await page.getByLabel('Servings', { exact: true }).fill(recipe.servings);
  await page.getByLabel('Ingredients', { exact: true }).fill(recipe.ingredients.join('\n'));
  if (recipe.steps) await page.getByLabel('Steps', { exact: true }).fill(recipe.steps.join('\n'));
  if (recipe.tags) await page.getByLabel('Tags', { exact: true }).fill(recipe.tags);
}

test('creates a recipe, fixes an unmatched line, searches, duplicates, deletes with undo, and keeps it over a reload', async ({ page }) => {
  answerDialogs(page);
  await page.goto('./?starter=0#/recipes');
  await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
  await expect(page.getByText('No recipes yet.')).toBeVisible();

  await page.getByRole('button', { name: 'New recipe' }).click();
  await expect(page).toHaveURL(/#\/recipes\/new$/);
  await fillEditor(page, {
    name: 'Kale and chickpea stew',
    servings: '4',
    ingredients: ['200 g kale', '1 can chickpeas, drained', '3 cloves garlic', '2 blorps of zorblax'],
    steps: ['Soften the garlic.', 'Add the chickpeas and kale; simmer 10 minutes.'],
    tags: 'dinner, quick',
  });
  await page.getByLabel('Source', { exact: true }).fill('Family notebook');
  await page.getByLabel('Prep minutes').fill('10');
  await page.getByLabel('Cook minutes').fill('20');

  const matches = page.getByTestId('ingredient-matches');
  await expect(matches.locator('li[data-line="0"]')).toContainText('→ Kale');
  await expect(matches.locator('li[data-line="1"]')).toContainText('→ Chickpeas');
  await expect(matches.locator('li[data-line="3"]')).toContainText('Not matched');
  await expect(page.getByText('1 not matched')).toBeVisible();

  await page.getByRole('button', { name: 'Pick food for line 4' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick the food' });
  await expect(picker).toBeVisible();
  await picker.getByRole('combobox', { name: 'Search foods' }).fill('spinach');
  await picker.getByRole('option', { name: /^Spinach\b/ }).first().click();
  await expect(picker).toBeHidden();
  await expect(matches.locator('li[data-line="3"]')).toContainText('→ Spinach');
  await expect(page.getByText('1 not matched')).toBeHidden();
  await page.getByLabel('Grams for line 4').fill('60');
  await page.getByLabel('Grams for line 4').press('Tab');
  // Kale 1 + chickpeas 1 + spinach 1 + garlic 0.25 (a spice-weight plant, SCORING.md).
  await expect(page.getByTestId('editor-plant-points')).toHaveText('3.25');

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/#\/recipes$/);
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew' })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search recipes' });
  await search.fill('zorbl');
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew' })).toBeVisible();
  await search.fill('lentil');
  await expect(page.getByText('No recipe matches “lentil”.')).toBeVisible();
  await search.fill('chickpea');
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew' })).toBeVisible();
  await search.fill('');

  await page.getByRole('button', { name: 'Duplicate Kale and chickpea stew', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew (copy)' })).toBeVisible();
  await expect(page.getByTestId('recipe-count')).toContainText('2 recipes');

  await page.getByRole('button', { name: 'Delete Kale and chickpea stew (copy)' }).click();
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew (copy)' })).toBeHidden();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew (copy)' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kale and chickpea stew (copy)' })).toBeVisible();

  await page.getByRole('link', { name: 'Kale and chickpea stew', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kale and chickpea stew' })).toBeVisible();
  await expect(page.getByText('Family notebook')).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByTestId('ingredient-matches').locator('li[data-line="3"]')).toContainText('→ Spinach');
  await expect(page.getByLabel('Grams for line 4')).toHaveValue('60');
  await expect(page.getByLabel('Tags', { exact: true })).toHaveValue('dinner, quick');
});

test('asks before leaving unsaved edits, keeps a draft over a reload, and validates', async ({ page }) => {
  const dialogs = answerDialogs(page);
  await page.goto('./?starter=0#/recipes/new');
  await page.getByLabel('Name', { exact: true }).fill('Half-typed soup');
  await page.getByLabel('Ingredients', { exact: true }).fill('1 onion\n2 carrots');

  dialogs.accept = false;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
  await expect.poll(() => dialogs.messages.length).toBe(1);
  expect(dialogs.messages[0]).toContain('without saving');
  await expect(page).toHaveURL(/#\/recipes\/new$/);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half-typed soup');

  await page.keyboard.press('Control+4');
  await expect.poll(() => dialogs.messages.length).toBe(2);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half-typed soup');

  dialogs.accept = true;
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half-typed soup');
  await expect(page.getByLabel('Ingredients', { exact: true })).toHaveValue('1 onion\n2 carrots');
  await expect(page.getByRole('status').filter({ hasText: 'Draft restored' })).toBeVisible();

  await page.getByLabel('Name', { exact: true }).fill('');
  await page.getByLabel('Servings', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Give the recipe a name.', { exact: true })).toBeVisible();
  await expect(page.getByText('Servings must be a number above 0.', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await expect(page).toHaveURL(/#\/recipes\/new$/);

  const before = dialogs.messages.length;
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialogs.messages.length).toBe(before + 1);
  await expect(page).toHaveURL(/#\/recipes$/);
  await expect(page.getByText('No recipes yet.')).toBeVisible();
  await page.getByRole('button', { name: 'New recipe' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
});

test('says a draft was restored, keeps typing out of it until chosen, and discards it with Undo', async ({ page }) => {
  const dialogs = answerDialogs(page);
  await page.goto('./?starter=0#/recipes/new');
  await page.getByLabel('Name', { exact: true }).fill('Sesame lentils');
  await page.getByLabel('Ingredients', { exact: true }).fill('1 tbsp sesame oil');
  await page.reload();

  const banner = page.getByRole('status').filter({ hasText: 'Draft restored' });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Sesame lentils');
  // The notice holds the focus, so a new recipe typed at once does not run into the old text.
  const discard = banner.getByRole('button', { name: 'Discard' });
  await expect(banner).toBeFocused();
  await page.screenshot({ path: path.join(SHOTS, 'recipe-draft-restored.png') });
  await page.keyboard.type('1 1/2 cups red lentils');
  await expect(page.getByLabel('Ingredients', { exact: true })).toHaveValue('1 tbsp sesame oil');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Sesame lentils');

  const asked = dialogs.messages.length;
  await discard.click();
  await expect(banner).toBeHidden();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Ingredients', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  // Discarding asks nothing: Undo is the way back.
  expect(dialogs.messages).toHaveLength(asked);
  // Nothing is kept any more: a reload opens an empty form without the banner.
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'Draft restored' })).toBeHidden();

  // Undo brings a discarded draft back, and it is kept again.
  await page.getByLabel('Name', { exact: true }).fill('Miso greens');
  await page.reload();
  await page.getByRole('status').filter({ hasText: 'Draft restored' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('');
  await page.getByText('Draft discarded.').locator('..').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Miso greens');
  await expect(page.getByRole('status').filter({ hasText: 'Draft restored' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Miso greens');
});

test('scales a recipe and prints it without the app around it', async ({ page }) => {
  answerDialogs(page);
  await page.goto('./?starter=0#/recipes/new');
  await fillEditor(page, {
    name: 'Overnight oats',
    servings: '2',
    ingredients: ['1 cup rolled oats', '1 1/2 cups kefir', '200 g blueberries', 'pinch of salt'],
    steps: ['Stir everything together.', 'Chill overnight.'],
  });
  await page.getByLabel('Scale to').fill('3');
  await expect(page.locator('.preview')).toContainText('1 1/2 cup rolled oats');
  await expect(page.locator('.preview')).toContainText('300 g blueberries');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByLabel('Servings', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Ingredients', { exact: true })).toHaveValue('1 1/2 cup rolled oats\n2 1/4 cups kefir\n300 g blueberries\npinch of salt');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Overnight oats' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overnight oats' })).toBeVisible();
  await page.getByLabel('Servings').fill('6');
  await expect(page.getByText('600 g blueberries')).toBeVisible();
  await page.getByLabel('Servings').fill('3');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, 'recipe.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
  expect(text).toContain('Overnight oats');
  expect(text).toContain('3 servings');
  expect(text).toContain('300 g blueberries');
  expect(text).toContain('Chill overnight.');
  expect(text).not.toContain('Duplicate');
  expect(text).not.toContain('Shopping');
});

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
] as const) {
  test(`screenshots of the library, a recipe and the editor at ${width}×${height}`, async ({ page }) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.setViewportSize({ width, height });
    await page.goto('./#/recipes');
    await expect(page.locator('a.open').nth(12)).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('.progress')).toHaveCount(0, { timeout: 20_000 });
    await page.screenshot({ path: path.join(SHOTS, `recipes-library-${width}.png`) });
    await page.locator('a.open').nth(2).click();
    await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `recipes-view-${width}.png`) });
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByTestId('ingredient-matches')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, `recipes-editor-${width}.png`) });
  });
}
