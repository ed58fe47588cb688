import { expect, test, type Page } from '@playwright/test';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const recipePage = path.resolve(here, '../fixtures/import-ui/red-lentil-soup.html');
const shots = process.env.DATA_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`) });
}

/** Record counts straight from IndexedDB, to check what the page shows against what is stored. */
function storedCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['recipes', 'meals', 'foods', 'settings', 'shopping'];
          const tx = open.result.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

async function chooseFile(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

test('imports a recipe page, backs up, refuses a broken backup, restores a good one', async ({ page }, testInfo) => {
  // One long story (two imports, a backup, two restores, a reload): allow for slow, busy machines.
  test.setTimeout(180_000);
  await page.goto('./?starter=0#/settings');
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  await expect(page.getByTestId('storage-state')).toBeVisible();

  // Import: the saved page's JSON-LD recipe, through the file tab.
  await page.getByRole('button', { name: 'Import recipes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import recipes' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('tab', { name: 'From a file' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'import-source');
  // The browser cannot fetch pages and says what to do instead.
  await dialog.getByRole('tab', { name: 'From a file' }).press('ArrowLeft');
  await expect(dialog.getByRole('tab', { name: 'From a web address' })).toBeFocused();
  await expect(dialog.getByText("This browser cannot fetch pages for the app: paste the page's HTML")).toBeVisible();
  await dialog.getByRole('tab', { name: 'From a web address' }).press('ArrowRight');
  await chooseFile(page, 'Choose a file…', recipePage);

  const review = page.getByRole('dialog', { name: 'Review the recipe' });
  await expect(review.getByLabel('Name')).toHaveValue('Red lentil soup');
  await expect(review.getByLabel('Servings')).toHaveValue('4');
  await expect(review.getByRole('row', { name: /1 cup red lentils/ })).toContainText('Red lentils');
  const odd = review.getByRole('row', { name: /moon glitter/ });
  await expect(odd).toContainText('No match');
  await expect(review.getByRole('status').filter({ hasText: 'line without a food' })).toHaveText(/1 line without a food/);
  await shot(page, 'import-review');
  await odd.getByRole('button', { name: 'Pick the food for 1 pinch of moon glitter' }).click();
  const picker = page.getByRole('dialog', { name: 'Pick the food' });
  await expect(picker.getByRole('combobox', { name: 'Search foods' })).toBeFocused();
  await picker.getByRole('button', { name: "Not a food (don't count)" }).click();
  await expect(odd).toContainText('Not counted');
  await expect(odd.getByRole('button', { name: /Change the food/ })).toBeFocused();
  await review.getByRole('button', { name: 'Save 1 recipe' }).click();
  await expect(review).toBeHidden();
  await expect(page).toHaveURL(/#\/recipes\/recipe-/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recipes' }).click();
  await expect(page.getByRole('main').getByText('Red lentil soup').first()).toBeVisible();
  expect((await storedCounts(page)).recipes).toBe(1);

  // Export a backup.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export a backup…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^thirtyfold-backup-\d{4}-\d{2}-\d{2}\.thirtyfold\.json$/);
  const good = testInfo.outputPath('good.thirtyfold.json');
  await download.saveAs(good);
  const exported = JSON.parse(readFileSync(good, 'utf8')) as {
    version: number;
    data: { recipes: { id: string; name: string; ingredients: { id: string; text: string; food?: string | null }[] }[] };
  };
  expect(exported.version).toBe(3);
  expect(exported.data.recipes.map((r) => r.name)).toEqual(['Red lentil soup']);
  // The "not a food" choice for line 6 travels on that line.
  expect(exported.data.recipes[0].ingredients[5]).toMatchObject({ id: 'l6', food: null });
  expect(exported.data.recipes[0].ingredients.filter((line) => line.food !== undefined)).toHaveLength(1);

  // Change the data after the backup: a second recipe, pasted as text.
  await page.getByRole('button', { name: 'Import recipes…' }).click();
  await page.getByRole('tab', { name: 'Paste text' }).click();
  await page.getByLabel('Recipe text, or the HTML of a recipe page').fill('Kale salad\nServes 2\n\nIngredients\n1 bunch kale\n2 tbsp olive oil\n\nMethod\nMassage the kale with the oil.');
  await page.getByRole('button', { name: 'Read the recipe' }).click();
  await page.getByRole('button', { name: 'Save 1 recipe' }).click();
  await expect(page).toHaveURL(/#\/recipes\/recipe-/);
  await page.goto('./?starter=0#/settings');
  await expect.poll(async () => (await storedCounts(page)).recipes).toBe(2);
  const before = await storedCounts(page);

  // A broken backup changes nothing and names the record and field.
  const broken = JSON.parse(readFileSync(good, 'utf8')) as { data: { recipes: Record<string, unknown>[] } };
  broken.data.recipes[0].servings = 'lots';
  const brokenFile = testInfo.outputPath('broken.thirtyfold.json');
  writeFileSync(brokenFile, JSON.stringify(broken, null, 1));
  await chooseFile(page, 'Restore from a backup…', brokenFile);
  const refused = page.getByRole('dialog', { name: 'This file cannot be restored' });
  await expect(refused.getByRole('alert')).toHaveText(`recipes[0] (id "${exported.data.recipes[0].id}").servings: must be a number more than 0 and at most 1,000,000`);
  await shot(page, 'restore-refused');
  await page.keyboard.press('Escape');
  await expect(refused).toBeHidden();
  expect(await storedCounts(page)).toEqual(before);

  // The good backup: counts shown, a safety copy downloaded, everything replaced.
  await chooseFile(page, 'Restore from a backup…', good);
  const confirm = page.getByRole('dialog', { name: 'Replace everything with this backup?' });
  await expect(confirm.getByTestId('restore-counts')).toContainText('This replaces 2 recipes, 0 planned meals');
  await expect(confirm.getByTestId('restore-counts')).toContainText('with 1 recipe, 0 planned meals');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await shot(page, 'restore-confirm');
  const safety = page.waitForEvent('download');
  await confirm.getByRole('button', { name: 'Replace everything' }).click();
  expect((await safety).suggestedFilename()).toMatch(/^thirtyfold-before-restore-/);
  await expect(confirm).toBeHidden();
  await expect.poll(async () => (await storedCounts(page)).recipes).toBe(1);
  await expect(page.getByRole('button', { name: 'Undo restore' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your data' })).toBeVisible();
  expect((await storedCounts(page)).recipes).toBe(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recipes' }).click();
  await expect(page.getByRole('main').getByText('Red lentil soup').first()).toBeVisible();
  await expect(page.getByRole('main').getByText('Kale salad')).toHaveCount(0);
});

/** A Paprika export: a zip of gzipped JSON recipes, one of them broken. */
function paprikaExport(): Buffer {
  const recipe = (name: string, ingredients: string) =>
    gzipSync(strToU8(JSON.stringify({ name, servings: '2', ingredients, directions: 'Cook.', categories: ['Quick'] })));
  return Buffer.from(
    zipSync({
      'Miso soup.paprikarecipe': recipe('Miso soup', '1 tbsp miso\n1 sheet nori'),
      'Oat porridge.paprikarecipe': recipe('Oat porridge', '1 cup rolled oats\n1 cup milk'),
      'Broken.paprikarecipe': strToU8('not json'),
    }),
  );
}

async function drop(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, data: [...bytes], type },
  );
  for (const event of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', event, { dataTransfer: transfer });
}

test('the import dialog traps focus and closes with Escape; dropped files open the review', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./?starter=0#/settings');
  const opener = page.getByRole('button', { name: 'Import recipes…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Import recipes' });
  await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeFocused();
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press(i < 3 ? 'Tab' : 'Shift+Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.getByRole('tab', { name: 'Paste text' }).click();
  await page.getByRole('button', { name: 'Read the recipe' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Paste a recipe first: its title, ingredients and steps, or the HTML of its page.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  await drop(page, 'red-lentil-soup.html', readFileSync(recipePage), 'text/html');
  const single = page.getByRole('dialog', { name: 'Review the recipe' });
  await expect(single.getByLabel('Name')).toHaveValue('Red lentil soup');
  await page.keyboard.press('Escape');
  await expect(single).toBeHidden();

  // A week plan file dropped goes onto the week on screen, with its recipe; the week exports back.
  const week = {
    format: 'thirtyfold.plan/1',
    people: 2,
    weekStart: '2026-01-05',
    recipes: [{ id: 'r-dal', name: 'Weeknight dal', servings: 4, ingredients: ['1 cup red lentils', '1 onion'] }],
    meals: [
      { date: '2026-01-07', slot: 'dinner', recipe: 'r-dal', servings: 2 },
      { date: '2026-01-08', slot: 'snack', food: '1 apple', servings: 1 },
    ],
  };
  await drop(page, 'week.json', Buffer.from(JSON.stringify(week)), 'application/json');
  await expect(page.getByText(/^Imported 2 meals and 1 new recipe onto the week of \w+ \d{1,2} \w+$/)).toBeVisible();
  expect(await storedCounts(page)).toMatchObject({ recipes: 1, meals: 2 });
  const weekDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export this week…' }).click();
  const exportedWeek = JSON.parse(readFileSync(await (await weekDownload).path(), 'utf8')) as typeof week;
  expect(exportedWeek.recipes.map((r) => r.name)).toEqual(['Weeknight dal']);
  // Each meal keeps its weekday: Wednesday dinner and Thursday snack.
  expect(exportedWeek.meals.map((m) => [new Date(`${m.date}T00:00:00Z`).getUTCDay(), m.slot])).toEqual([
    [3, 'dinner'],
    [4, 'snack'],
  ]);

  await drop(page, 'library.paprikarecipes', paprikaExport(), 'application/zip');
  const many = page.getByRole('dialog', { name: 'Review 2 recipes' });
  await expect(many.getByRole('note')).toContainText('1 recipe could not be read');
  await expect(many.getByRole('list', { name: 'Recipes found' }).getByRole('checkbox')).toHaveCount(2);
  await many.getByRole('button', { name: /Oat porridge/ }).click();
  await expect(many.getByLabel('Name')).toHaveValue('Oat porridge');
  await shot(page, 'import-many');
  await many.getByRole('checkbox', { name: 'Save Miso soup' }).uncheck();
  await many.getByRole('button', { name: 'Save 1 recipe' }).click();
  await expect(page).toHaveURL(/#\/recipes\/recipe-/);
  await expect(page.getByRole('main').getByText('Oat porridge').first()).toBeVisible();
  expect((await storedCounts(page)).recipes).toBe(2);
});
