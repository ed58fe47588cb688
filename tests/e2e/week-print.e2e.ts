import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';

test.setTimeout(120_000);

test('the planned week prints as one landscape page with its scores', async ({ page }, testInfo) => {
  // First run: the starter library and its example week fill the planner.
  await page.goto('./#/plan');
  await expect(page.getByRole('button', { name: 'Print week…' })).toBeVisible();
  await expect(page.locator('.plan').getByText(/\d+ new/).first()).toBeVisible({ timeout: 30_000 });
  const points = (await page.locator('.plan').getByText(/^\d+(\.\d+)? ?\/ ?30$/).first().textContent())?.match(/^[\d.]+/)?.[0];
  await page.emulateMedia({ media: 'print' });
  const path = testInfo.outputPath('week.pdf');
  await page.pdf({ path, format: 'A4', landscape: true, printBackground: false });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1]);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(pages).toBe(1);
  for (const word of ['Plant points', 'Fiber', 'Fermented', 'Breakfast', 'Dinner', 'Mon', 'Sun']) expect(text).toContain(word);
  if (points) expect(text).toContain(points);
  expect(text).not.toContain('Copy previous week');
});
