import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOG_PATH } from '../catalog';
import { command } from './parse';

describe.skipIf(!existsSync(CATALOG_PATH))('parse command', () => {
  it('parses lines given as arguments', async () => {
    const out = (await command(['2 cups chopped kale', '1 (15-ounce) can chickpeas'], { stdin: () => '' })) as Array<Record<string, unknown>>;
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ input: '2 cups chopped kale', quantity: 2, quantityMax: null, unit: 'cup', optional: false, note: 'chopped' });
    expect((out[0].food as { id: string }).id).toMatch(/kale/);
    expect(out[1]).toMatchObject({ quantity: 1, unit: 'can' });
    expect(out[1].grams as number).toBeCloseTo(425, 0);
  });

  it('reads one line per stdin line when there are no arguments, skipping blanks', async () => {
    const out = (await command([], { stdin: () => '1 apple\n\n  \r\n2 eggs\n' })) as unknown[];
    expect(out).toHaveLength(2);
  });
});
