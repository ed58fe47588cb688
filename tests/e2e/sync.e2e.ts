import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { contentSecurityPolicy } from '../../electron/protocol';
import { serverOrigin } from '../../src/shared/sync-address';
import { startSyncServer, type SyncServer } from '../../src/sync/server/server';

// Page work (the week's scores, the list) can take a few seconds on a busy machine; what travels between devices is polled with its own timeout.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

let server: SyncServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'thirtyfold-e2e-sync-'));
  server = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir, log: () => undefined });
});

test.afterAll(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Two devices (two browser contexts: two profiles, each with its own IndexedDB) in one household on `url`. */
async function twoDevices(browser: Browser, url: string): Promise<[Page, Page]> {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await first.goto('./?starter=0#/settings');
  await first.getByTestId('sync-server').fill(url);
  await first.getByRole('button', { name: 'Create a household' }).click();
  await expect(first.getByTestId('sync-status')).toHaveText('Synced with the household.');
  const code = await first.getByTestId('household-code').inputValue();
  await second.goto('./?starter=0#/settings');
  await second.getByTestId('sync-server').fill(url);
  await second.getByTestId('join-code').fill(code);
  await second.getByRole('button', { name: 'Join' }).click();
  await expect(second.getByTestId('sync-status')).toHaveText('Synced with the household.');
  return [first, second];
}

async function closeDevices(pages: Page[]): Promise<void> {
  for (const page of pages) await page.context().close();
}

const cell = (page: Page, day: string, slot: string) => page.getByRole('group', { name: new RegExp(`^${day} \\d+ \\w+, ${slot}$`) });
const addButton = (page: Page, day: string, slot: string) => page.getByRole('button', { name: new RegExp(`^Add to ${day} \\d+ \\w+, ${slot}$`) });

/** Plans a single food (no recipe) in a slot of the week shown, by keyboard. */
async function planFood(page: Page, day: string, slot: string, food: string): Promise<void> {
  await addButton(page, day, slot).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type(food);
  await expect(page.getByRole('option', { name: new RegExp(`Add food “${food}”`) })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(cell(page, day, slot).getByRole('article')).toContainText(food);
}

/** How many meals a slot's cell shows. */
const cardCount = (page: Page, day: string, slot: string) => cell(page, day, slot).getByRole('article').count();

test('two devices in one household share a setting within a second, and the sidebar shows the sync state', async ({ browser }) => {
  const [first, second] = await twoDevices(browser, server.url);
  await expect(first.getByTestId('sidebar-sync')).toHaveText('Synced');
  const target = first.getByLabel('Plant points a week');
  await target.fill('35');
  await target.press('Tab');
  await expect(second.getByLabel('Plant points a week')).toHaveValue('35', { timeout: 1_000 });
  await closeDevices([first, second]);
});

test('a meal planned on one device shows on the other within a second, and a tick on the list shows ticked on the other', async ({ browser }) => {
  const [first, second] = await twoDevices(browser, server.url);
  await first.goto('./?starter=0#/plan');
  await second.goto('./?starter=0#/plan');
  await expect(cell(second, 'Monday', 'dinner')).toBeVisible();
  await expect(cell(second, 'Monday', 'dinner').getByRole('article')).toHaveCount(0);

  await planFood(first, 'Monday', 'dinner', '1 apple');
  await expect(cell(second, 'Monday', 'dinner').getByRole('article')).toContainText('1 apple', { timeout: 1_000 });

  // The week's list on both; the apple ticked on the second device is ticked on the first.
  await first.goto('./?starter=0#/shopping');
  await second.goto('./?starter=0#/shopping');
  const apple = (page: Page) => page.getByRole('checkbox', { name: /\bapples?\b/i });
  await expect(apple(first)).not.toBeChecked();
  await apple(second).check();
  await expect(apple(first)).toBeChecked({ timeout: 1_000 });
  // And back: unticked on the first, unticked on the second.
  await apple(first).uncheck();
  await expect(apple(second)).not.toBeChecked({ timeout: 1_000 });
  await closeDevices([first, second]);
});

test('with the server stopped both devices keep planning; when it is back on the same data both end with every meal', async ({ browser }) => {
  const ownDir = await mkdtemp(join(tmpdir(), 'thirtyfold-e2e-sync-restart-'));
  let own = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir: ownDir, log: () => undefined });
  const port = own.port;
  const pages = await twoDevices(browser, own.url);
  const [first, second] = pages;
  try {
    await first.goto('./?starter=0#/plan');
    await second.goto('./?starter=0#/plan');
    await planFood(first, 'Monday', 'lunch', '1 pear');
    await expect(cell(second, 'Monday', 'lunch').getByRole('article')).toContainText('1 pear');

    await own.stop();
    await expect(first.getByTestId('sidebar-sync')).toContainText('Offline');
    await expect(second.getByTestId('sidebar-sync')).toContainText('Offline');
    await planFood(first, 'Tuesday', 'dinner', '1 banana');
    await planFood(second, 'Wednesday', 'snack', '2 kiwis');
    // The pear is taken off on the second device while the first adds a plum beside it.
    await cell(second, 'Monday', 'lunch').getByRole('button', { name: /^Actions for/ }).click();
    await second.getByRole('menuitem', { name: 'Delete' }).click();
    await expect(cell(second, 'Monday', 'lunch').getByRole('article')).toHaveCount(0);
    await planFood(first, 'Monday', 'breakfast', '1 plum');
    await expect(second.getByTestId('sidebar-sync')).toContainText('waiting');
    expect(await cardCount(second, 'Tuesday', 'dinner')).toBe(0);
    expect(await cardCount(first, 'Wednesday', 'snack')).toBe(0);

    own = await startSyncServer({ host: '127.0.0.1', port, dataDir: ownDir, log: () => undefined });
    // The devices retry on their own (with a growing pause of at most 10 s).
    for (const page of pages) {
      await expect(page.getByTestId('sidebar-sync')).toHaveText('Synced', { timeout: 30_000 });
      await expect(cell(page, 'Tuesday', 'dinner').getByRole('article')).toContainText('1 banana');
      await expect(cell(page, 'Wednesday', 'snack').getByRole('article')).toContainText('2 kiwis');
      await expect(cell(page, 'Monday', 'breakfast').getByRole('article')).toContainText('1 plum');
      await expect(cell(page, 'Monday', 'lunch').getByRole('article')).toHaveCount(0);
    }
    // Still so after a reload: the database holds it, not only the screen.
    await second.reload();
    await expect(cell(second, 'Tuesday', 'dinner').getByRole('article')).toContainText('1 banana');
    await expect(second.locator('.plan article')).toHaveCount(3);
  } finally {
    await closeDevices(pages);
    await own.stop();
    await rm(ownDir, { recursive: true, force: true });
  }
});

/** Serves the built renderer on 127.0.0.1 with `policy` as its Content-Security-Policy header, as the desktop's main process does. */
async function serveWithPolicy(policy: string): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(import.meta.dirname, '../../out/renderer');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const site = createServer((request, response) => {
    const path = normalize(join(root, new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/$/, '/index.html')));
    if (!path.startsWith(root + sep)) return void response.writeHead(403).end();
    readFile(path).then(
      (body) => response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': policy }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
  const { port } = site.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => site.close(() => done())) };
}

/** What a WebSocket to each address does in the page: 'open', or 'blocked' by the page's policy. */
function reach(page: Page, urls: string[]): Promise<string[]> {
  return page.evaluate(
    (urls) =>
      Promise.all(
        urls.map(
          (url) =>
            new Promise<string>((resolve) => {
              const host = new URL(url).host;
              let blocked = false;
              document.addEventListener('securitypolicyviolation', (event) => (blocked ||= event.blockedURI.includes(host)));
              try {
                const socket = new WebSocket(url);
                socket.onopen = () => {
                  socket.close();
                  resolve('open');
                };
                socket.onerror = () => setTimeout(() => resolve(blocked ? 'blocked' : 'failed'), 200);
              } catch {
                resolve('blocked');
              }
            }),
        ),
      ),
    urls,
  );
}

test('with the desktop’s page policy the app reaches its household’s server and no other', async ({ page }) => {
  const otherDir = await mkdtemp(join(tmpdir(), 'thirtyfold-e2e-sync-other-'));
  const other = await startSyncServer({ host: '127.0.0.1', port: 0, dataDir: otherDir, log: () => undefined });
  const outside = await serveWithPolicy(contentSecurityPolicy(null));
  const inside = await serveWithPolicy(contentSecurityPolicy(serverOrigin(server.url)));
  try {
    // Outside a household the page reaches no sync server at all.
    await page.goto(`${outside.url}/?starter=0#/settings`);
    await expect(page.getByTestId('sync-server')).toBeVisible();
    expect(await reach(page, [server.url, other.url])).toEqual(['blocked', 'blocked']);
    // In a household on one server (the policy names it), the app syncs with it and reaches no other.
    await page.goto(`${inside.url}/?starter=0#/settings`);
    await page.getByTestId('sync-server').fill(server.url);
    await page.getByRole('button', { name: 'Create a household' }).click();
    await expect(page.getByTestId('sync-status')).toHaveText('Synced with the household.');
    expect(await reach(page, [server.url, other.url])).toEqual(['open', 'blocked']);
  } finally {
    await Promise.all([outside.close(), inside.close(), other.stop()]);
    await rm(otherDir, { recursive: true, force: true });
  }
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
