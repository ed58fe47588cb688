import { expect, test } from '@playwright/test';

test('moves between every view with the mouse and the keyboard', async ({ page }) => {
  await page.goto('./?starter=0');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Recipes', 'Foods', 'Shopping', 'Scores', 'Settings', 'Plan']) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name, exact: false }).first()).toBeVisible();
    await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  }
  await page.keyboard.press('Control+6');
  await expect(page).toHaveURL(/#\/settings$/);
  await page.keyboard.press('Control+2');
  await expect(page).toHaveURL(/#\/recipes$/);
});

test('a setting written to IndexedDB survives a reload', async ({ page }) => {
  await page.goto('./?starter=0#/settings');
  const plants = page.getByLabel('Plant points a week');
  await expect(plants).toHaveValue('30');
  await plants.fill('35');
  await plants.press('Tab');
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('thirtyfold');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('settings').objectStore('settings').get('plantTarget');
              request.onsuccess = () => resolve((request.result as { value: unknown } | undefined)?.value);
              request.onerror = () => reject(request.error);
            };
          }),
      ),
    )
    .toBe(35);
  await page.reload();
  await expect(page.getByLabel('Plant points a week')).toHaveValue('35');
});

test('the page runs under its strict Content-Security-Policy without errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const response = await page.goto('./?starter=0');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(problems).toEqual([]);
});
