/**
 * Screenshots of the built renderer, for looking at the app as a user would.
 * Usage: npx tsx scripts/screenshot.ts OUT_DIR [hash …]   (serve with npm run preview:web first)
 */
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/browser';

const [out = 'screenshots', ...hashes] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH ?? 1280), height: Number(process.env.HEIGHT ?? 800) } });
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173/';
for (const hash of hashes.length ? hashes : ['plan']) {
  await page.goto(`${base}#/${hash}`);
  await page.waitForTimeout(Number(process.env.WAIT ?? 800));
  await page.screenshot({ path: `${out}/${hash.replace(/\W+/g, '_')}.png`, fullPage: process.env.FULL === '1' });
}
await browser.close();
