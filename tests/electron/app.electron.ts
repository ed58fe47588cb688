import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contentSecurityPolicy } from '../../electron/protocol';
import { serverOrigin } from '../../src/shared/sync-address';
import { startSyncServer } from '../../src/sync/server/server';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const root = resolve(import.meta.dirname, '../..');

test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

const userData = mkdtempSync(join(tmpdir(), 'thirtyfold-electron-'));

async function launch(extraEnv: Record<string, string> = {}, dataDir = userData): Promise<ElectronApplication> {
  if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('Run `npm run build` before the Electron suite.');
  return electron.launch({
    executablePath: 'path' in binary ? binary.path : undefined,
    args: [join(root, 'out/main/index.js'), '--no-sandbox'],
    env: { ...process.env, THIRTYFOLD_USER_DATA: dataDir, ...extraEnv } as Record<string, string>,
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
  await page.getByLabel('Plant points a week').fill('35');
  await page.getByLabel('Plant points a week').press('Tab');
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
  await expect(page.getByLabel('Plant points a week')).toHaveValue('35');
  await page.getByRole('link', { name: 'Plan' }).click();
  await expect(page.getByRole('group', { name: /^Monday \d+ \w+, breakfast$/ }).getByRole('article')).toHaveCount(before + 1);
  await app.close();
});

test('a household on a sync server: the page reaches that server and no other, and syncing resumes after a restart', async () => {
  const serverData = mkdtempSync(join(tmpdir(), 'thirtyfold-electron-sync-'));
  const deviceData = mkdtempSync(join(tmpdir(), 'thirtyfold-electron-device-'));
  const server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir: serverData, log: () => undefined });
  const policy = (page: import('@playwright/test').Page) => page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  try {
    let app = await launch({}, deviceData);
    let page = await app.firstWindow();
    // Outside a household the page may open no WebSocket at all.
    expect(await policy(page)).toBe(contentSecurityPolicy(null));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByTestId('sync-server').fill(server.url);
    await page.getByRole('button', { name: 'Create a household' }).click();
    // A new server is reachable once the page has loaded again under a policy naming it; the household resumes by itself.
    await expect(page.getByTestId('sync-status')).toHaveText('Synced with the household.', { timeout: 30_000 });
    expect(await policy(page)).toBe(contentSecurityPolicy(serverOrigin(server.url)));
    await app.close();

    app = await launch({}, deviceData);
    page = await app.firstWindow();
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('sync-status')).toHaveText('Synced with the household.', { timeout: 30_000 });
    expect(await policy(page)).toBe(contentSecurityPolicy(serverOrigin(server.url)));
    await app.close();
  } finally {
    await server.stop();
    rmSync(serverData, { recursive: true, force: true });
    rmSync(deviceData, { recursive: true, force: true });
  }
});
