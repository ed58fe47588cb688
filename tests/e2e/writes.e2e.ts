import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { changeDatabase, weekStartIn } from './database';

interface BackupFile {
  problems?: string[];
  data: { meals: { id: string; servings: number }[] };
}

async function exportBackup(page: Page, file: string): Promise<BackupFile> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export a backup…' }).click();
  await (await downloading).saveAs(file);
  return JSON.parse(readFileSync(file, 'utf8')) as BackupFile;
}

const meal = (id: string, date: string, servings: number) => ({ id, date, slot: 'lunch', recipe: null, food: '1 apple', servings, leftoverOf: null });

test('a cleared Serves box keeps its servings, says so, and the backup is written', async ({ page }, testInfo) => {
  await page.goto('./?starter=0');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  const monday = await weekStartIn(page);
  await changeDatabase(page, { put: { meals: [meal('m-apple', monday, 2)] } });
  await page.reload();

  const serves = page.getByLabel(/^Servings of 1 apple/);
  await expect(serves).toHaveValue('2');
  await serves.fill('');
  await serves.press('Tab');
  await expect(serves).toHaveValue('2');
  await expect(page.getByRole('status').filter({ hasText: 'Serves must be above 0' })).toHaveText('Serves must be above 0 (at most 1,000,000): kept 2.');
  await serves.fill('3');
  await serves.press('Tab');
  await expect(page.getByText('Serves must be above 0')).toHaveCount(0);

  const backup = await exportBackup(page, testInfo.outputPath('after-clearing.thirtyfold.json'));
  expect(backup.problems).toBeUndefined();
  expect(backup.data.meals).toMatchObject([{ id: 'm-apple', servings: 3 }]);
  await expect(page.getByText(/^Backup saved: 0 recipes, 1 planned meal/)).toBeVisible();
});

test('data stored before the checks still backs up, flagged; the record is named and fixed on request', async ({ page }, testInfo) => {
  await page.goto('./?starter=0');
  await expect(page.getByRole('heading', { level: 1, name: 'Plan' })).toBeVisible();
  const monday = await weekStartIn(page);
  // As an older version of the app stored a cleared box.
  await changeDatabase(page, { put: { meals: [meal('m-zero', monday, 0)] } });

  const flagged = await exportBackup(page, testInfo.outputPath('flagged.thirtyfold.json'));
  expect(flagged.data.meals).toMatchObject([{ id: 'm-zero', servings: 0 }]);
  expect(flagged.problems).toEqual(['meals[0] (id "m-zero").servings: must be a number more than 0 and at most 1,000,000']);
  const alert = page.getByRole('alert').filter({ hasText: 'fails the checks' });
  await expect(alert).toContainText('Backup saved, but one record fails the checks and would stop it from restoring: meals[0] (id "m-zero").servings');
  await alert.getByRole('button', { name: 'Fix it' }).click();
  await expect(page.getByText('Fixed 1 record; the next backup will restore')).toBeVisible();

  const fixed = await exportBackup(page, testInfo.outputPath('fixed.thirtyfold.json'));
  expect(fixed.problems).toBeUndefined();
  expect(fixed.data.meals).toMatchObject([{ id: 'm-zero', servings: 1 }]);
});
