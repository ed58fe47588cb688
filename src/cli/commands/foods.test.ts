import { describe, expect, it } from 'vitest';
import type { CatalogStats } from '../../core/foods/catalog';
import type { Food } from '../../core/types';
import { CliError } from '../command';
import { command } from './foods';

const io = { stdin: () => '' };

describe('foods command', () => {
  it('prints the catalog as an array of foods', async () => {
    const foods = (await command([], io)) as Food[];
    expect(foods.length).toBeGreaterThanOrEqual(900);
    expect(foods.find((f) => f.id === 'kale')).toMatchObject({ crop: 'kale', family: 'Brassicaceae', weight: 1 });
  });

  it('prints counts by group with --stats', async () => {
    const stats = (await command(['--stats'], io)) as CatalogStats;
    expect(stats.foods).toBeGreaterThanOrEqual(900);
    expect(stats.byGroup.vegetable).toBeGreaterThan(0);
    expect(stats.fermented.live).toBeGreaterThan(0);
  });

  it('rejects unknown arguments with a one-line message', () => {
    expect(() => command(['--bogus'], io)).toThrow(CliError);
    expect(() => command(['--bogus'], io)).toThrow('unknown argument "--bogus"');
  });
});
