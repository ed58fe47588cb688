import { expect as baseExpect, test } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 15_000 });

test('a cooked live food is named beside "0 fermented" in the editor, the recipe page and the library', async ({ page }) => {
  await page.goto('./?starter=0#/recipes');
  await page.getByRole('button', { name: 'New recipe' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Kimchi fried rice');
  await page.getByLabel('Servings', { exact: true }).fill('2');
  await page.getByLabel('Ingredients', { exact: true }).fill(['2 cups cooked brown rice', '1/2 cup kimchi, chopped', '2 eggs'].join('\n'));
  await page.getByLabel('Steps', { exact: true }).fill('Fry the rice and the kimchi in a hot pan.\nTop with fried eggs.');
  await expect(page.getByTestId('editor-fermented')).toHaveText('0');
  const reason = /Not counted: Kimchi is cooked here, which kills the live cultures\./;
  await expect(page.getByTestId('fermented-reason')).toHaveText(reason);

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page).toHaveURL(/#\/recipes$/);
  const row = page.getByRole('listitem').filter({ hasText: 'Kimchi fried rice' });
  await expect(row.getByText('0 fermented')).toBeVisible();
  await expect(row.getByTestId('fermented-reason')).toHaveText(reason);

  await row.getByRole('link', { name: 'Kimchi fried rice' }).click();
  const scores = page.getByRole('region', { name: 'Per serving' });
  await expect(scores).toContainText('0 fermented servings per serving');
  await expect(scores.getByTestId('fermented-reason')).toHaveText(reason);
});
