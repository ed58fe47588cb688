import { expect as baseExpect, test, type Page } from '@playwright/test';
import { changeDatabase } from './database';

test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

/** Today in the page's time zone, YYYY-MM-DD. */
function todayIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
}

const SALAD = {
  id: 'r-salad',
  name: 'Lentil salad',
  servings: 1,
  ingredients: ['100 g cooked lentils', '1 carrot', '80 g kale'],
};

test('a household of two adults and a child: rename and add members, one adult away at a meal, per-person figures and the shopping list follow', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/settings');
  const members = page.getByRole('list', { name: 'Household members' });
  // A new database is the default two people.
  await expect(members.getByRole('listitem')).toHaveCount(2);
  const names = members.getByRole('textbox', { name: 'Name' });
  await names.nth(0).fill('Ana');
  await names.nth(0).press('Tab');
  await names.nth(1).fill('Ben');
  await names.nth(1).press('Tab');
  await expect(members.getByRole('textbox', { name: 'Name' }).nth(1)).toHaveValue('Ben');

  await page.getByRole('button', { name: 'Add a person' }).click();
  await expect(members.getByRole('listitem')).toHaveCount(3);
  await names.nth(2).fill('Cleo');
  await names.nth(2).press('Tab');
  await page.getByLabel('Age of Cleo').selectOption('4-8');
  // A child of 4–8 starts at half a portion and 20 g of fiber a day (sex not given: SACN 2015).
  await expect(page.getByLabel('Portion of Cleo')).toHaveValue('0.5');
  await expect(page.getByLabel('Fiber target of Cleo, grams a day')).toHaveValue('20');
  await page.getByLabel('Sex of Ana').selectOption('female');
  await expect(page.getByLabel('Fiber target of Ana, grams a day')).toHaveValue('25');
  await page.setViewportSize({ width: 900, height: 800 });
  await page.getByRole('heading', { name: 'Household members' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('settings-members-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Removing a member can be undone.
  await page.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(members.getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(members.getByRole('listitem')).toHaveCount(3);
  await expect(page.getByLabel('Portion of Ben')).toHaveValue('1');

  // A dinner today for everyone: 2.5 portions, as the planner plans a new meal.
  const today = await todayIn(page);
  const stamp = new Date().toISOString();
  await changeDatabase(page, {
    put: {
      recipes: [{ ...SALAD, ingredients: SALAD.ingredients.map((text, at) => ({ id: `l${at + 1}`, text })), steps: [], tags: [], source: null, prepMinutes: null, cookMinutes: null, createdAt: stamp, updatedAt: stamp }],
      meals: [{ id: 'meal-salad', date: today, slot: 'dinner', recipe: SALAD.id, food: null, servings: 2.5, leftoverOf: null }],
    },
  });

  await page.goto('./?starter=0#/shopping');
  await page.reload();
  // 2.5 portions of one carrot each: 3 carrots to buy.
  await expect(page.getByRole('checkbox', { name: '3 carrots', exact: true })).toBeVisible();

  await page.goto('./?starter=0#/plan');
  const card = page.locator('[data-meal-id="meal-salad"]');
  const who = card.getByRole('button', { name: /^Who eats Lentil salad/ });
  await expect(who).toHaveText('Everyone');
  const panel = page.getByRole('complementary', { name: /This week/ });
  const row = (name: string) => panel.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  // Lentils, carrot and kale: 3 plants for each of the three.
  await expect(row('Ben').getByRole('cell').first()).toHaveText('3');

  // Ben is away: the keyboard opens the control, Space unticks him, Escape closes it.
  await who.focus();
  await page.keyboard.press('Enter');
  const group = page.getByRole('group', { name: /^Who eats Lentil salad/ });
  await expect(group.getByRole('checkbox', { name: 'Ana' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(group.getByRole('checkbox', { name: 'Ben' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(group.getByRole('checkbox', { name: 'Ben' })).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(who).toBeFocused();
  await expect(who).toHaveText('Ana, Cleo');
  await expect(card.getByRole('spinbutton', { name: /^Servings of Lentil salad/ })).toHaveValue('1.5');
  await expect(row('Ben').getByRole('cell').first()).toHaveText('0');
  await expect(row('Ana').getByRole('cell').first()).toHaveText('3');
  await expect(row('Cleo').getByRole('cell').first()).toHaveText('3');
  await page.screenshot({ path: testInfo.outputPath('plan-members-1280.png') });
  await page.setViewportSize({ width: 900, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('plan-members-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // A guest joins: 2.5 portions again.
  await who.click();
  await group.getByRole('spinbutton', { name: /^Guests at Lentil salad/ }).fill('1');
  await group.getByRole('spinbutton', { name: /^Guests at Lentil salad/ }).press('Tab');
  await expect(card.getByRole('spinbutton', { name: /^Servings of Lentil salad/ })).toHaveValue('2.5');
  await group.getByRole('button', { name: 'Done' }).click();
  await expect(who).toHaveText('Ana, Cleo +1 guest');
  await who.click();
  await group.getByRole('spinbutton', { name: /^Guests at Lentil salad/ }).fill('0');
  await group.getByRole('spinbutton', { name: /^Guests at Lentil salad/ }).press('Tab');
  await expect(card.getByRole('spinbutton', { name: /^Servings of Lentil salad/ })).toHaveValue('1.5');

  // The list buys for 1.5 portions: 2 carrots, not 3.
  await page.goto('./?starter=0#/shopping');
  await expect(page.getByRole('checkbox', { name: '2 carrots', exact: true })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: '3 carrots', exact: true })).toHaveCount(0);
});
