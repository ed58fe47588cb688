import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { changeDatabase, weekStartIn } from './database';

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

const MEMBERS = [
  { id: 'ana', name: 'Ana', portion: 1, fiberTarget: 25, ageBand: '19-50', sex: 'female', order: 1 },
  { id: 'ben', name: 'Ben', portion: 1, fiberTarget: 38, ageBand: '19-50', sex: 'male', order: 2 },
  { id: 'cleo', name: 'Cleo', portion: 0.5, fiberTarget: 20, ageBand: '4-8', sex: 'unspecified', order: 3 },
];

function foodMeal(id: string, date: string, slot: string, food: string, servings: number, eaters?: string[]) {
  return { id, date, slot, recipe: null, food, servings, leftoverOf: null, ...(eaters ? { eaters } : {}) };
}

test('the scores review and its printed report show one member: Ben, away at Monday’s lunch', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/plan');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const monday = await weekStartIn(page);
  const lastMonday = await page.evaluate((start) => {
    const date = new Date(`${start}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 7);
    return date.toISOString().slice(0, 10);
  }, monday);
  const tuesday = await page.evaluate((start) => {
    const date = new Date(`${start}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + 1);
    return date.toISOString().slice(0, 10);
  }, monday);
  // Fiber per 100 g (the catalog): kale 3.6 g, chickpeas 6.4 g, apple 2.4 g; kefir is live, 175 g a serving.
  await changeDatabase(page, {
    put: {
      members: MEMBERS,
      settings: [{ key: 'people', value: 3 }],
      meals: [
        // Ben is away at Monday's lunch: Ana and Cleo eat it, 1.5 portions.
        foodMeal('m-kale', monday, 'lunch', '100 g kale', 1.5, ['ana', 'cleo']),
        foodMeal('m-chickpeas', monday, 'dinner', '100 g chickpeas', 2.5),
        foodMeal('m-kefir', tuesday, 'breakfast', '175 g kefir', 2.5),
        // Last week only Ben ate at home: one dinner.
        foodMeal('m-apple', lastMonday, 'dinner', '100 g apple', 1, ['ben']),
      ],
    },
  });
  await page.goto('./?starter=0#/scores');
  await page.reload();

  const who = page.getByRole('group', { name: 'Scores of' });
  await expect(who.getByRole('radio')).toHaveCount(4);
  await expect(who.getByRole('radio', { name: 'Household' })).toBeChecked();
  // The household, per full portion of 2.5: kale 150 g × 1.5/1.5 ÷ 2.5 = 60 g (2.16 g fiber), chickpeas 250 g ÷ 2.5 = 100 g (6.4 g):
  // 8.56 g ÷ 7 = 1.2 g a day, 2 plant points.
  await expect(page.getByTestId('scores-plant-points')).toHaveText('2');
  await expect(page.getByTestId('scores-fiber')).toHaveText('1.2 g');
  await expect(page.getByTestId('scores-household-intro')).toContainText('The household’s figures, per full portion: what its 3 members ate ÷ their 2.5 portions');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`scores-household-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The keyboard picks Ben: arrows move along the choices.
  await who.getByRole('radio', { name: 'Household' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(who.getByRole('radio', { name: 'Ben' })).toBeChecked();
  await expect(who.getByRole('radio', { name: 'Ben' })).toBeFocused();
  // Ben this week: 100 g chickpeas (6.4 g ÷ 7 = 0.9 g a day, 1 plant) and a full serving of kefir, against his own 38 g.
  await expect(page.getByTestId('scores-plant-points')).toHaveText('1');
  await expect(page.getByTestId('scores-fiber')).toHaveText('0.9 g');
  await expect(page.getByTestId('scores-fermented')).toHaveText('1');
  await expect(page.getByTestId('scores-member-intro')).toContainText('Ben’s own figures: Ben eats 2 of this week’s 3 meals, a full portion of each, against a fiber target of 38 g a day');
  await expect(page.getByRole('region', { name: 'Plants this week' })).toContainText('Chickpea');
  await expect(page.getByRole('region', { name: 'Plants this week' })).not.toContainText('Kale');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`scores-ben-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 900, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('scores-ben-900.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // His report: his figures, his name in the heading.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('scores-report-ben.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/Weekly scores: Ben/);
  expect(text).toMatch(/Own figures · portion 1 · eats 2 of 3\s+meals/);
  expect(text).toMatch(/\b1\s+\/ 30\b/);
  expect(text).toMatch(/0\.9 g\s+\/ 38 g a day/);
  expect(text).toMatch(/Kefir 1\b/);
  expect(text).toContain('Chickpea');
  expect(text).not.toContain('Kale');
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, testInfo.outputPath('scores-report-ben')]);

  // Over time: Ben's two weeks at home. Plant points 1 and 1, fiber 0.34 and 0.91 g a day (average 0.6 g), kefir 0 and 1 (0.5).
  await page.getByRole('link', { name: 'Over time' }).click();
  await expect(page.getByTestId('trend-summary')).toContainText('2 different plants in 2 planned weeks; on average 1 plant points, 0.6 g fiber a day and 0.5 fermented servings a week (Ben, planned weeks only)');
  await expect(page.getByRole('region', { name: 'Fiber per day' })).toContainText('target 38 g');
  await page.screenshot({ path: testInfo.outputPath('scores-ben-trends.png') });
  // Ana was away all of last week: one planned week for her, 2 plants, (3.6 + 6.4) ÷ 7 = 1.4 g fiber against her 25 g.
  await who.getByText('Ana', { exact: true }).click();
  await expect(page.getByTestId('trend-summary')).toContainText('2 different plants in 1 planned week; on average 2 plant points, 1.4 g fiber a day and 1 fermented servings a week (Ana, planned weeks only)');
  await expect(page.getByRole('region', { name: 'Fiber per day' })).toContainText('target 25 g');

  // Compare: last week (A) against this week (B), for Ben.
  await who.getByText('Ben', { exact: true }).click();
  await page.getByRole('link', { name: 'Compare weeks' }).click();
  await expect(page.getByTestId('compare-only-a')).toHaveText('Apple');
  await expect(page.getByTestId('compare-only-b')).toHaveText('Chickpeas');
  await expect(page.getByRole('columnheader', { name: 'Ben' })).toBeVisible();

  // The choice is kept across a reload; when Ben leaves the household the review shows the household again.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Scores of' }).getByRole('radio', { name: 'Ben' })).toBeChecked();
  await page.goto('./?starter=0#/settings');
  await page.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(page.getByRole('list', { name: 'Household members' }).getByRole('listitem')).toHaveCount(2);
  await page.goto('./?starter=0#/scores');
  await expect(who.getByRole('radio')).toHaveCount(3);
  await expect(who.getByRole('radio', { name: 'Household' })).toBeChecked();

  // A household of one has no one to choose: no choice is shown.
  await page.goto('./?starter=0#/settings');
  await page.getByRole('button', { name: 'Remove Cleo' }).click();
  await expect(page.getByRole('list', { name: 'Household members' }).getByRole('listitem')).toHaveCount(1);
  await page.goto('./?starter=0#/scores');
  await expect(page.getByTestId('scores-plant-points')).toHaveText('2');
  await expect(who).toHaveCount(0);
});
