import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { gzipSync, strToU8, zipSync } from 'fflate';

/** Opens Recipes → Import… → From a file and gives it `file`. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.goto('./?starter=0#/recipes');
  await page.getByRole('main').getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import recipes' });
  await dialog.getByRole('tab', { name: 'From a file' }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles(file);
}

test('a binary file is refused as the command line refuses it, and nothing opens for review', async ({ page }, testInfo) => {
  const file = testInfo.outputPath('noise.paprikarecipes');
  writeFileSync(file, randomBytes(5 * 1024 * 1024));
  await importFile(page, file);
  const dialog = page.getByRole('dialog', { name: 'Import recipes' });
  await expect(dialog.getByRole('alert')).toHaveText('noise.paprikarecipes: the file is binary, not an HTML page, Paprika export, backup or recipe text.');
  await expect(page.getByRole('dialog', { name: /^Review the recipe/ })).toHaveCount(0);
});

test('a Paprika export with a forged recipe keeps the good ones and names the forged one', async ({ page }, testInfo) => {
  const good = gzipSync(strToU8(JSON.stringify({ name: 'Overnight oats', ingredients: '1/2 cup rolled oats\n1/2 cup milk', directions: 'Soak.' })));
  // Its trailer says 20 bytes; the data unpacks to 100 KB.
  const forged = gzipSync(strToU8(`{"name":"Forged"}${' '.repeat(100_000)}`));
  forged.set([20, 0, 0, 0], forged.length - 4);
  const file = testInfo.outputPath('export.paprikarecipes');
  writeFileSync(file, zipSync({ 'Oats.paprikarecipe': good, 'Forged.paprikarecipe': forged }, { level: 0 }));
  await importFile(page, file);
  const review = page.getByRole('dialog', { name: 'Review the recipe' });
  await expect(review.getByLabel('Name')).toHaveValue('Overnight oats');
  await expect(review.getByRole('note')).toHaveText('1 recipe could not be read and will be left out: Paprika export: recipe "Forged.paprikarecipe" is not readable gzip data');
});

test('a JSON-LD file with more recipes than one import reads says how many were left out', async ({ page }, testInfo) => {
  const recipes = Array.from({ length: 150 }, (_, i) => ({ '@type': 'Recipe', name: `Soup ${i + 1}`, recipeIngredient: ['1 cup red lentils'] }));
  const file = testInfo.outputPath('many.json');
  writeFileSync(file, JSON.stringify({ '@context': 'https://schema.org', '@graph': recipes }));
  await importFile(page, file);
  await expect(page.getByTestId('import-left-out')).toHaveText('This source holds more recipes than one import reads: read 100 of 150 recipes; the rest were left out.');
});
