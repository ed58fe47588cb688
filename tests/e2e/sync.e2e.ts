import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startSyncServer, type SyncServer } from '../../src/sync/server/server';

let server: SyncServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'thirtyfold-e2e-sync-'));
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

test.afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('two devices in one household share a setting within a second, and the sidebar shows the sync state', async ({ browser }) => {
  // Two contexts: two profiles, each with its own IndexedDB.
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await first.goto('./?starter=0#/settings');
  await first.getByTestId('sync-server').fill(server.url);
  await first.getByRole('button', { name: 'Create a household' }).click();
  await expect(first.getByTestId('sync-status')).toHaveText('Synced with the household.');
  await expect(first.getByTestId('sidebar-sync')).toHaveText('Synced');
  const code = await first.getByTestId('household-code').inputValue();

  await second.goto('./?starter=0#/settings');
  await expect(second.getByTestId('sidebar-sync')).toHaveCount(0);
  await second.getByTestId('sync-server').fill(server.url);
  await second.getByTestId('join-code').fill(code);
  await second.getByRole('button', { name: 'Join' }).click();
  await expect(second.getByTestId('sync-status')).toHaveText('Synced with the household.');

  const people = first.getByLabel('People eating');
  await people.fill('5');
  await people.press('Tab');
  await expect(second.getByLabel('People eating')).toHaveValue('5', { timeout: 1_000 });
});

test('a wrong household code is refused with a plain message', async ({ page }) => {
  await page.goto('./?starter=0#/settings');
  await page.getByTestId('sync-server').fill(server.url);
  await page.getByTestId('join-code').fill('not a code');
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('alert')).toContainText('That is not a household code');
  await page.getByTestId('sync-server').fill('https://example.org');
  await page.getByRole('button', { name: 'Create a household' }).click();
  await expect(page.getByRole('alert')).toContainText('ws:// or wss://');
});
