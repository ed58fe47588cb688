import { expect as baseExpect, test, type Page } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 15_000 });

interface Overflow {
  what: string;
  by: number;
}

/** Every meal card's parts inside the card, every card inside its cell, and nothing wider than the main area. */
function overflows(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const found: { what: string; by: number }[] = [];
    const outside = (inner: DOMRect, outer: DOMRect) =>
      Math.max(outer.left - inner.left, inner.right - outer.right, outer.top - inner.top, inner.bottom - outer.bottom);
    for (const card of document.querySelectorAll<HTMLElement>('.plan article.meal')) {
      const box = card.getBoundingClientRect();
      const name = card.getAttribute('aria-label') ?? '';
      for (const part of card.querySelectorAll<HTMLElement>('h4, p, label, input, button')) {
        const by = outside(part.getBoundingClientRect(), box);
        if (by > 0.5) found.push({ what: `${part.tagName.toLowerCase()}.${part.className} of ${name}`, by });
      }
      const cell = card.closest('.cell');
      const by = cell ? outside(box, cell.getBoundingClientRect()) : 0;
      if (by > 0.5) found.push({ what: `card ${name} in its slot`, by });
    }
    const main = document.querySelector('main')!;
    if (main.scrollWidth > main.clientWidth) found.push({ what: 'main scrolls sideways', by: main.scrollWidth - main.clientWidth });
    const panel = document.querySelector('.plan .score-panel')!.getBoundingClientRect();
    for (const figure of document.querySelectorAll<HTMLElement>('.plan .score-panel .head > *')) {
      const by = outside(figure.getBoundingClientRect(), panel);
      if (by > 0.5) found.push({ what: `score panel ${figure.textContent?.trim()}`, by });
    }
    return found;
  });
}

async function geometry(page: Page) {
  return page.evaluate(() => {
    const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
    const cards = [...document.querySelectorAll<HTMLElement>('.plan article.meal')];
    return {
      panel: rect('.plan .score-panel'),
      grid: rect('.plan .grid'),
      narrowestCard: Math.min(...cards.map((card) => card.getBoundingClientRect().width)),
      cutTitles: cards.map((card) => card.querySelector('h4')!).filter((title) => title.scrollHeight > title.clientHeight + 1).length,
      background: getComputedStyle(document.body).backgroundColor,
    };
  });
}

for (const size of [
  { width: 900, height: 700 },
  { width: 1280, height: 800 },
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the week fits at ${size.width}×${size.height} in ${colorScheme}: nothing sticks out of a card, the score panel is on screen`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme });
      await page.goto('./');
      await expect(page.locator('.plan article.meal').first()).toBeVisible();
      await expect(page.getByTestId('plant-points')).not.toHaveText('');
      await page.evaluate(() => document.fonts.ready);

      const at = await geometry(page);
      // The theme really is the one asked for (the page's background is dark or light).
      const [r, g, b] = at.background.match(/\d+/g)!.map(Number);
      expect((r + g + b) / 3 < 128).toBe(colorScheme === 'dark');

      // The score panel is beside the week and in the window, its top in view.
      expect(at.panel.left).toBeGreaterThanOrEqual(at.grid.right);
      expect(at.panel.right).toBeLessThanOrEqual(size.width);
      expect(at.panel.top).toBeLessThan(size.height / 2);
      expect(await overflows(page)).toEqual([]);
      expect(at.narrowestCard).toBeGreaterThanOrEqual(120);
      await page.screenshot({ path: testInfo.outputPath(`week-${size.width}-${colorScheme}.png`) });

      // Hiding the recipe list gives the cards its room; the choice is remembered.
      const toggle = page.getByRole('button', { name: /recipes/i, expanded: size.width >= 1100 });
      if (size.width >= 1100) {
        await toggle.click();
        await expect(page.getByRole('list', { name: 'Recipes to plan' })).toHaveCount(0);
        const folded = await geometry(page);
        expect(folded.narrowestCard).toBeGreaterThan(at.narrowestCard + 30);
        // Fewer titles are cut short (the full name is in each title's tooltip).
        expect(folded.cutTitles).toBeLessThan(at.cutTitles);
        expect(folded.cutTitles).toBeLessThanOrEqual(2);
      } else {
        await expect(page.getByRole('list', { name: 'Recipes to plan' })).toHaveCount(0);
        await toggle.click();
        await expect(page.getByRole('list', { name: 'Recipes to plan' })).toBeVisible();
      }
      expect(await overflows(page)).toEqual([]);
      const panel = (await geometry(page)).panel;
      expect(panel.right).toBeLessThanOrEqual(size.width);
      await page.screenshot({ path: testInfo.outputPath(`week-${size.width}-${colorScheme}-toggled.png`) });
      await page.reload();
      await expect(page.locator('.plan article.meal').first()).toBeVisible();
      await expect(page.getByRole('list', { name: 'Recipes to plan' })).toHaveCount(size.width >= 1100 ? 0 : 1);
    });
  }
}

for (const width of [1100, 1280]) {
  test(`the shopping list's side column fits at ${width} px: the pantry and aisle order stay inside their cards and the window`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('./#/shopping');
    await expect(page.getByRole('heading', { name: 'Pantry' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Aisle order' })).toBeVisible();
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const outside = (inner: DOMRect, outer: DOMRect) => Math.max(outer.left - inner.left, inner.right - outer.right);
      for (const card of document.querySelectorAll<HTMLElement>('.side > .card, .side > section')) {
        const box = card.getBoundingClientRect();
        if (box.right > innerWidth + 0.5) out.push(`${card.className} ends ${Math.round(box.right - innerWidth)} px past the window`);
        for (const part of card.querySelectorAll<HTMLElement>('input, button, p, label')) {
          const by = outside(part.getBoundingClientRect(), box);
          if (by > 0.5) out.push(`${part.tagName.toLowerCase()} "${part.textContent?.trim() || part.getAttribute('placeholder')}" sticks out of ${card.className} by ${Math.round(by)} px`);
        }
      }
      return out;
    });
    expect(found).toEqual([]);
  });
}
