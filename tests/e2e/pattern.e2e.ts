import { expect as baseExpect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { changeDatabase } from './database';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

function iso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** This week's Monday and the days after it, in the page's local time. */
function thisWeek(): string[] {
  const monday = new Date();
  monday.setHours(12, 0, 0, 0);
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => {
    const day = new Date(monday);
    day.setDate(monday.getDate() + i);
    return iso(day);
  });
}

/**
 * A week for the default two people (food meals of 2 servings: each person eats
 * the line once): one salmon dinner (120 g each: 1.2 fish servings, not met), 30 g
 * almonds on three days (3 servings, met), 60 g olive oil a day (the only fat:
 * item 1 met; 60 ÷ 13.5 = 4.4 tablespoons a day, met), no meat and no drinks
 * (items 13 and 7 not assessable).
 */
async function seedWeek(page: Page): Promise<void> {
  const days = thisWeek();
  const meal = (id: string, date: string, slot: string, food: string) => ({ id, date, slot, recipe: null, food, servings: 2, leftoverOf: null });
  await changeDatabase(page, {
    put: {
      meals: [
        meal('p-fish', days[0], 'dinner', '120 g salmon'),
        ...days.slice(0, 3).map((date, i) => meal(`p-nuts-${i}`, date, 'snack', '30 g almonds')),
        ...days.map((date, i) => meal(`p-oil-${i}`, date, 'lunch', '60 g olive oil')),
      ],
    },
  });
}

test('the planner shows the Mediterranean pattern beside the three figures; the review, suggestions and report show it item by item', async ({ page }, testInfo) => {
  await page.goto('./?starter=0#/plan');
  await expect(page.getByTestId('medas-figure')).toBeVisible();
  // An empty week: nothing is assessable, nothing met.
  await expect(page.getByTestId('medas-met')).toHaveText('0 / 13 items');
  await expect(page.getByTestId('medas-figure')).toContainText('13 items not assessable');

  await seedWeek(page);
  await page.reload();
  // Met: olive oil main fat, olive oil amount, red meat (none), butter (none), shop-bought sweets (none), nuts = 6.
  await expect(page.getByTestId('medas-met')).toHaveText('6 / 13 items');
  await expect(page.getByTestId('medas-figure')).toContainText('2 items not assessable');
  await expect(page.getByTestId('medas-figure').getByRole('listitem')).toHaveCount(14);
  await expect(page.getByTestId('medas-figure').getByText('Fish or shellfish, 3 a week: not met')).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('plan-pattern.png') });

  await page.getByTestId('medas-figure').getByRole('link', { name: 'Item by item' }).click();
  const review = page.getByTestId('medas-review');
  await expect(review).toContainText('6 of 13 items');
  const fish = review.locator('tr[data-item="fish"]');
  await expect(fish).toContainText('Salmon 120 g');
  await expect(fish).toContainText('1.2 servings a week');
  await expect(fish).toContainText('Not met');
  await expect(fish).toContainText('Two fish meals would meet the fish item.');
  await expect(review.locator('tr[data-item="nuts"]')).toContainText('Met');
  await expect(review.locator('tr[data-item="white-meat"]')).toContainText('no meat is planned');
  await expect(review.locator('tr[data-item="wine"]')).toContainText('never encouraged');
  await expect(page.getByTestId('pattern-suggestions')).toContainText('Two fish meals would meet the fish item.');
  await expect(page.getByTestId('pattern-suggestions')).not.toContainText(/wine|alcohol/i);
  await review.screenshot({ path: testInfo.outputPath('scores-pattern.png') });

  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('scores-report.pdf');
  writeFileSync(pdfPath, await page.pdf({ format: 'A4' }));
  expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toMatch(/Mediterranean pattern \(MEDAS estimate\): 6 of 13 items met, 2 not assessable;\s+wine\s+not scored/i);
  expect(text).toMatch(/Fish or shellfish, 3 a week:\s+Not met\s+\(1\.2 servings a week\)/);

  // Over time: this week (the last row) has 6 items met.
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('link', { name: 'Over time' }).click();
  const cells = page.getByRole('table', { name: 'Mediterranean pattern items met by week, of 13' }).locator('tbody tr td:nth-of-type(1)');
  await expect(cells.last()).toHaveText('6');
});
