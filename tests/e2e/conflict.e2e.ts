import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { Recipe } from '../../src/core/types';
import { recipeRow } from '../unit/db/rows';
import { changeDatabase, readStore } from './database';

const SHOTS = path.resolve(process.env.SCREENSHOT_DIR ?? 'test-results/screenshots');


const DAL = recipeRow('r-dal', {
  name: 'Dal',
  ingredients: [
    { id: 'l1', text: '1 cup red lentils' },
    { id: 'l2', text: '1 onion' },
  ],
});

async function openEditor(page: Page): Promise<void> {
  await page.goto(`./?starter=0#/recipes/${DAL.id}/edit`);
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Dal');
}

async function recipesIn(page: Page): Promise<Recipe[]> {
  return (await readStore<Recipe>(page, 'recipes')).sort((x, y) => x.name.localeCompare(y.name));
}

/**
 * Two tabs of one browser open the same recipe; B renames it and saves; A,
 * still showing the old form, changes the servings and saves. Returns both
 * tabs with A's conflict dialog open.
 */
async function conflictInTwoTabs(context: BrowserContext, first: Page): Promise<{ a: Page; b: Page }> {
  const a = first;
  await a.goto('./?starter=0#/recipes');
  await expect(a.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
  await changeDatabase(a, { put: { recipes: [DAL] } });
  await a.reload();
  const b = await context.newPage();
  await openEditor(a);
  await openEditor(b);

  await b.getByLabel('Name', { exact: true }).fill('Red lentil dal');
  await b.getByRole('button', { name: 'Save' }).click();
  await expect(b).toHaveURL(/#\/recipes$/);

  // Back to tab A, as the user would be.
  await a.bringToFront();
  await expect(a.getByTestId('changed-elsewhere')).toHaveText(
    'This recipe was changed in another window or device since you opened it. Saving will ask which version to keep.',
  );
  await a.getByLabel('Servings', { exact: true }).fill('6');
  await a.getByRole('button', { name: 'Save' }).click();
  const dialog = a.getByRole('dialog', { name: 'This recipe was changed elsewhere' });
  await expect(dialog).toBeVisible();
  const rows = dialog.getByTestId('conflict-differences').locator('tbody tr');
  await expect(rows).toHaveText(['NameDalRed lentil dal', 'Servings64']);
  // Nothing of A's was written.
  expect(await recipesIn(a)).toMatchObject([{ name: 'Red lentil dal', servings: 4, rev: 1 }]);
  return { a, b };
}

test('a save over a recipe saved in another tab asks; the dialog holds the keyboard and Escape cancels', async ({ context, page }) => {
  const { a } = await conflictInTwoTabs(context, page);
  const dialog = a.getByRole('dialog', { name: 'This recipe was changed elsewhere' });
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toHaveAccessibleDescription(
    'Save yours as a new recipe, “Dal (my copy)”; theirs stays as it is.',
  );
  mkdirSync(SHOTS, { recursive: true });
  await a.screenshot({ path: path.join(SHOTS, 'recipe-conflict-1280.png') });
  await a.emulateMedia({ colorScheme: 'dark' });
  await a.screenshot({ path: path.join(SHOTS, 'recipe-conflict-dark-1280.png') });
  await a.emulateMedia({ colorScheme: 'light' });

  // Tab goes round the dialog's four buttons and never leaves it.
  const focused = [];
  for (let step = 0; step < 5; step += 1) {
    await a.keyboard.press('Tab');
    focused.push(await a.evaluate(() => document.activeElement?.textContent?.trim()));
  }
  expect(focused).toEqual(['Keep mine', 'Take theirs', 'Cancel', 'Keep both', 'Keep mine']);
  await a.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Keep both' })).toBeFocused();

  await a.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(a.getByRole('button', { name: 'Save' })).toBeFocused();
  await expect(a.getByLabel('Servings', { exact: true })).toHaveValue('6');
  expect(await recipesIn(a)).toMatchObject([{ name: 'Red lentil dal', servings: 4 }]);

  // Saving again asks again; Enter on the focused choice chooses it.
  await a.keyboard.press('Control+s');
  await expect(dialog).toBeVisible();
  await a.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(a).toHaveURL(/#\/recipes$/);
  expect(await recipesIn(a)).toMatchObject([{ name: 'Dal (my copy)' }, { name: 'Red lentil dal' }]);
});

test('keep mine saves over theirs, and Undo puts theirs back', async ({ context, page }) => {
  const { a, b } = await conflictInTwoTabs(context, page);
  await a.getByRole('button', { name: 'Keep mine' }).click();
  await expect(a).toHaveURL(/#\/recipes$/);
  expect(await recipesIn(a)).toMatchObject([{ id: DAL.id, name: 'Dal', servings: 6, rev: 2 }]);
  // The other tab follows.
  await expect(b.getByRole('link', { name: 'Dal', exact: true })).toBeVisible();

  const notice = a.getByRole('status').filter({ hasText: 'Saved your version of “Dal” over the other one' });
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => recipesIn(a)).toMatchObject([{ id: DAL.id, name: 'Red lentil dal', servings: 4, rev: 3 }]);
});

test('take theirs loads the stored version into the form, and saving it then asks nothing', async ({ context, page }) => {
  const { a } = await conflictInTwoTabs(context, page);
  await a.getByRole('button', { name: 'Take theirs' }).click();
  await expect(a.getByRole('dialog')).toBeHidden();
  await expect(a.getByLabel('Name', { exact: true })).toHaveValue('Red lentil dal');
  await expect(a.getByLabel('Servings', { exact: true })).toHaveValue('4');
  await expect(a.getByTestId('changed-elsewhere')).toBeHidden();
  expect(await recipesIn(a)).toMatchObject([{ name: 'Red lentil dal', servings: 4, rev: 1 }]);

  await a.getByLabel('Steps', { exact: true }).fill('Rinse the lentils.\nSimmer 20 minutes.');
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(a).toHaveURL(/#\/recipes$/);
  expect(await recipesIn(a)).toMatchObject([{ name: 'Red lentil dal', servings: 4, steps: ['Rinse the lentils.', 'Simmer 20 minutes.'], rev: 2 }]);
});

test('keep both leaves theirs and saves mine as a copy', async ({ context, page }) => {
  const { a } = await conflictInTwoTabs(context, page);
  await a.getByRole('button', { name: 'Keep both' }).click();
  await expect(a).toHaveURL(/#\/recipes$/);
  const stored = await recipesIn(a);
  expect(stored).toMatchObject([
    { name: 'Dal (my copy)', servings: 6, rev: 1 },
    { id: DAL.id, name: 'Red lentil dal', servings: 4, rev: 1 },
  ]);
  expect(stored[0].id).not.toBe(DAL.id);
  await expect(a.getByRole('link', { name: 'Dal (my copy)' })).toBeVisible();
});

test('another tab upgrading the database stops this one with a Reload button; a database newer than the app is refused clearly', async ({
  context,
  page,
}) => {
  await page.goto('./?starter=0#/recipes');
  await expect(page.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
  await changeDatabase(page, { put: { recipes: [DAL] } });
  await page.reload();
  await expect(page.getByRole('link', { name: 'Dal', exact: true })).toBeVisible();

  // A newer version of the app in another tab: it upgrades the database, which this tab must let go of.
  const newer = await context.newPage();
  await newer.goto('./serve-check-does-not-exist');
  const upgrade = await newer.evaluate(
    () =>
      new Promise<string>((done) => {
        const open = indexedDB.open('thirtyfold', 990);
        open.onblocked = () => done('blocked');
        open.onsuccess = () => {
          open.result.close();
          done(`opened ${open.result.version}`);
        };
        open.onerror = () => done(String(open.error));
      }),
  );
  expect(upgrade).toBe('opened 990');
  const stopped = page.getByRole('alert').filter({ hasText: 'Thirtyfold was updated in another tab or window' });
  await expect(stopped).toBeVisible();
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'database-upgraded-elsewhere-1280.png') });
  await newer.close();

  await stopped.getByRole('button', { name: 'Reload' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Thirtyfold cannot open your data' });
  await expect(refused).toContainText('newer version of Thirtyfold (database version 99;');
  await expect(refused.getByRole('button', { name: 'Reload' })).toBeVisible();
  // Said once: the actions that fail because of it (the starter library, the recipe list) add nothing.
  await expect(page.getByRole('alert')).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'database-too-new-1280.png') });
});

test('a draft brought back by a reload is still checked against the version it was typed over', async ({ context, page }) => {
  const a = page;
  await a.goto('./?starter=0#/recipes');
  await expect(a.getByRole('heading', { level: 1, name: 'Recipes' })).toBeVisible();
  await changeDatabase(a, { put: { recipes: [DAL] } });
  await a.reload();
  await openEditor(a);
  await a.getByLabel('Servings', { exact: true }).fill('6');

  const b = await context.newPage();
  await openEditor(b);
  await b.getByLabel('Name', { exact: true }).fill('Red lentil dal');
  await b.getByRole('button', { name: 'Save' }).click();
  await expect(b).toHaveURL(/#\/recipes$/);

  await a.bringToFront();
  await a.reload();
  await expect(a.getByRole('status').filter({ hasText: 'Draft restored' })).toBeVisible();
  await expect(a.getByLabel('Servings', { exact: true })).toHaveValue('6');
  await expect(a.getByTestId('changed-elsewhere')).toBeVisible();
  await a.getByRole('button', { name: 'Save' }).click();
  await expect(a.getByRole('dialog', { name: 'This recipe was changed elsewhere' })).toBeVisible();
  expect(await recipesIn(a)).toMatchObject([{ name: 'Red lentil dal', servings: 4 }]);
});
