import { readFileSync } from 'node:fs';
import { expect as baseExpect, test } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 15_000 });

test('the week is two Tab presses away through a skip link, and Alt+G goes there from anywhere on the Plan view', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.plan article').first()).toBeVisible();
  const today = page.locator('.cell.today [data-add-cell]').first();
  await expect(today).toHaveCount(1);

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /^Skip to the week/ });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(today).toBeFocused();

  // Arrow keys go on from there, as from any slot.
  await page.keyboard.press('ArrowRight');
  await expect(today).not.toBeFocused();

  await page.getByRole('button', { name: 'Previous week', exact: true }).focus();
  await page.keyboard.press('Alt+G');
  await expect(today).toBeFocused();

  // On another week, the shortcut goes to its first day's first slot.
  await page.getByRole('button', { name: 'Next week', exact: true }).click();
  await page.keyboard.press('Alt+G');
  await expect(page.getByRole('button', { name: /^Add to Monday \d+ \w+, breakfast$/ })).toBeFocused();

  // Only the Plan view has the link.
  await page.getByRole('link', { name: 'Recipes', exact: true }).click();
  await expect(page.getByRole('link', { name: /^Skip to the week/ })).toHaveCount(0);
});

test('Export week in the Plan toolbar saves the week on screen as a plan file', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('.plan article').first()).toBeVisible();
  const meals = await page.locator('.plan article').count();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export week…' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { format: string; meals: unknown[]; recipes: unknown[]; members: { name: string }[] };
  expect(file.format).toBe('thirtyfold.plan/2');
  // The household of a new database: two people.
  expect(file.members.map((member) => member.name)).toEqual(['Person 1', 'Person 2']);
  expect(file.meals).toHaveLength(meals);
  expect(file.recipes.length).toBeGreaterThan(0);
  await expect(page.getByText(/^Week of \d{4}-\d{2}-\d{2} saved: /)).toBeVisible();

  await page.getByRole('button', { name: 'Clear week' }).click();
  await expect(page.getByRole('button', { name: 'Export week…' })).toBeDisabled();
});
