import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const root = resolve(import.meta.dirname, '../..');

test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

const userData = mkdtempSync(join(tmpdir(), 'thirtyfold-electron-'));

async function launch(extraEnv: Record<string, string> = {}): Promise<ElectronApplication> {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Run `npm run build` before the Electron suite.');
  return electron.launch({
    executablePath: 'path' in binary ? binary.path : undefined,
    args: [join(root, 'out/main/index.js'), '--no-sandbox'],
    env: { ...process.env, THIRTYFOLD_USER_DATA: userData, ...extraEnv } as Record<string, string>,
  });
}

test('launches locked down, with its menu, serves app:// and keeps data across restarts', async () => {
  const pdfPath = join(userData, 'week.pdf');
  let app = await launch({ THIRTYFOLD_PDF_PATH: pdfPath });
  let page = await app.firstWindow();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(page.url()).toMatch(/^app:\/\/thirtyfold\//);

  // Context isolation and no Node integration: the page sees neither process nor require.
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { desktop: object }).desktop).sort())).toEqual(['invoke', 'onMenu']);

  const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label.replace('&', '')));
  expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));

  await page.evaluate(() => window.open('https://example.com'));
  expect(app.windows()).toHaveLength(1);

  // Plan a meal: a single food in Monday's breakfast, typed from the keyboard (the first run may have added the example week).
  await page.getByRole('link', { name: 'Plan' }).click();
  const monday = page.getByRole('group', { name: /^Monday \d+ \w+, breakfast$/ });
  const before = await monday.getByRole('article').count();
  await page.getByRole('button', { name: /^Add to Monday \d+ \w+, breakfast$/ }).click();
  await page.keyboard.type('1 apple');
  await page.keyboard.press('Enter');
  await expect(monday.getByRole('article')).toHaveCount(before + 1);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('People eating').fill('4');
  await page.getByLabel('People eating').press('Tab');
  const saved = await page.evaluate(() =>
    (window as unknown as { desktop: { invoke: (c: string, r: unknown) => Promise<{ path: string | null }> } }).desktop.invoke('app:save-pdf', {
      title: 'Save',
      suggestedName: 'week.pdf',
      pageSize: 'A4',
      landscape: false,
    }),
  );
  expect(saved.path).toBe(pdfPath);
  expect(statSync(pdfPath).size).toBeGreaterThan(1000);
  await expect(page.evaluate(() => (window as unknown as { desktop: { invoke: (c: string, r: unknown) => Promise<unknown> } }).desktop.invoke('app:save-file', { title: 'x', suggestedName: '../../evil', filters: [], text: '' }))).rejects.toThrow();
  await app.close();

  app = await launch();
  page = await app.firstWindow();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByLabel('People eating')).toHaveValue('4');
  await page.getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('group', { name: /^Monday \d+ \w+, breakfast$/ }).getByRole('article')).toHaveCount(before + 1);
  await app.close();
});
