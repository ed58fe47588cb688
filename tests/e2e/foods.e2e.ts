import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');

test('searches the catalog and adds a food the recipe editor then matches', async ({ page }) => {
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto('./?starter=0#/foods');
  await expect(page.getByRole('heading', { level: 1, name: 'Foods' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /vegetable/i })).toBeVisible();

  const search = page.getByRole('searchbox', { name: 'Search the food catalog' });
  await search.fill('kale');
  await expect(page.getByRole('rowheader', { name: 'Kale', exact: true })).toBeVisible();
  await search.fill('zorblax');
  await expect(page.getByText('No food matches “zorblax”.')).toBeVisible();

  await page.getByRole('button', { name: 'Add “zorblax”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a food' });
  await dialog.getByLabel('Food name').fill('Zorblax');
  await dialog.getByLabel('Other names').fill('zorblaxes, zorblax fruit');
  await dialog.getByLabel('Group').selectOption('fruit');
  await dialog.getByLabel('Fiber per 100 g').fill('5');
  await dialog.getByLabel('kcal per 100 g').fill('60');
  await dialog.getByLabel('Piece (medium)').fill('120');
  await dialog.getByLabel('Pantry staple').check();
  await dialog.getByRole('button', { name: 'Add food' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Zorblax/ });
  await expect(row).toContainText('yours');
  await expect(row.getByRole('checkbox', { name: 'Zorblax is a pantry staple' })).toBeChecked();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recipes' }).click();
  await page.getByRole('button', { name: 'New recipe' }).click();
  await page.getByLabel('Ingredients', { exact: true }).fill('2 zorblaxes, sliced');
  const line = page.getByTestId('ingredient-matches').locator('li[data-line="0"]');
  await expect(line).toContainText('→ Zorblax');
  // Two pieces of 120 g.
  await expect(line.getByLabel('Grams for line 1')).toHaveAttribute('placeholder', '240');
  await expect(page.getByTestId('editor-plant-points')).toHaveText('1');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Foods' }).click();
  await search.fill('zorblax');
  await page.getByRole('button', { name: 'Delete Zorblax' }).click();
  await expect(page.getByText('No food matches “zorblax”.')).toBeVisible();
  await page.reload();
  await search.fill('zorblax');
  await expect(page.getByText('No food matches “zorblax”.')).toBeVisible();
});

test('edits a catalog food and resets it, with undo', async ({ page }) => {
  await page.goto('./?starter=0#/foods');
  const search = page.getByRole('searchbox', { name: 'Search the food catalog' });
  await search.fill('kale');
  await page.getByRole('button', { name: 'Edit Kale', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Kale' });
  await edit.getByLabel('Fiber per 100 g').fill('9.5');
  await edit.getByRole('button', { name: 'Save food' }).click();
  const kale = page.getByRole('row', { name: /^Kale\b/ }).first();
  await expect(kale).toContainText('edited');
  await expect(kale).toContainText('9.5');

  await kale.getByRole('button', { name: 'Reset Kale' }).click();
  await expect(kale).not.toContainText('edited');
  await expect(kale).not.toContainText('9.5');
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(kale).toContainText('9.5');
  await kale.getByRole('button', { name: 'Reset Kale' }).click();
  await expect(kale).not.toContainText('edited');
});

test('browses by group with a "show all" and takes screenshots', async ({ page }) => {
  await page.goto('./?starter=0#/foods');
  const vegetables = page.getByRole('region', { name: /vegetable/i });
  const before = await vegetables.getByRole('row').count();
  await vegetables.getByRole('button', { name: /Show all \d+ vegetable foods/ }).click();
  await expect.poll(() => vegetables.getByRole('row').count()).toBeGreaterThan(before);
  await page.getByLabel('Group').selectOption('legume');
  await expect(page.getByRole('region', { name: /vegetable/i })).toHaveCount(0);
  await expect(page.getByRole('region', { name: /legume/i })).toBeVisible();
  await page.getByLabel('Group').selectOption('');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'foods-1280.png') });
});
