import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ShoppingItem, ShoppingList } from '../../core/shopping';
import { FIXTURE_FOODS } from '../../../tests/fixtures/shopping/foods';
import { fixtureParse } from '../../../tests/fixtures/shopping/parse';
import { CATALOG_PATH } from '../catalog';
import { CliError } from '../command';
import { command, parseShoppingArgs, readShoppingPlan, shoppingFromPlan, shoppingRange } from './shopping';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const fixtures = path.join(repoRoot, 'tests/fixtures/shopping');
const planPath = path.join(fixtures, 'plan.json');
const planText = readFileSync(planPath, 'utf8');

function listFor(args: string[]): ShoppingList {
  const parsed = parseShoppingArgs([planPath, ...args]);
  return shoppingFromPlan(readShoppingPlan(planText, planPath), parsed, FIXTURE_FOODS, fixtureParse);
}

function find(list: ShoppingList, food: string): ShoppingItem | undefined {
  return [...list.aisles.flatMap((a) => a.items), ...list.pantry].find((i) => i.food === food);
}

describe('shopping arguments', () => {
  it('reads the file, range and units', () => {
    expect(parseShoppingArgs(['plan.json', '--from', '2026-11-23', '--to=2026-12-06', '--units', 'us'])).toEqual({
      file: 'plan.json',
      from: '2026-11-23',
      to: '2026-12-06',
      units: 'us',
    });
  });

  it('rejects bad dates, a reversed range and stray arguments with one-line messages', () => {
    const cases: [string[], RegExp][] = [
      [['p.json', '--from', '2026-13-01'], /--from: "2026-13-01" is not a date/],
      [['p.json', '--to', 'tomorrow'], /--to: "tomorrow" is not a date/],
      [['p.json', '--from', '2026-12-07', '--to', '2026-12-01'], /--from 2026-12-07 is after --to 2026-12-01/],
      [['p.json', '--from'], /--from needs a value/],
      [['p.json', '--units', 'imperial'], /--units must be/],
      [['p.json', '--fast'], /unknown option --fast/],
      [['p.json', 'q.json'], /unexpected argument "q.json"/],
    ];
    for (const [args, message] of cases) {
      expect(() => parseShoppingArgs(args)).toThrow(CliError);
      expect(() => parseShoppingArgs(args)).toThrow(message);
    }
  });

  it('defaults to the plan week, or seven days from one given end', () => {
    expect(shoppingRange({ from: null, to: null }, '2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(shoppingRange({ from: null, to: null }, null)).toEqual({ from: null, to: null });
    expect(shoppingRange({ from: '2026-11-30', to: null }, '2026-11-23')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(shoppingRange({ from: null, to: '2026-12-06' }, null)).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });
});

describe('shopping list of a plan file', () => {
  it('lists the plan week by aisle, with pantry and Other', () => {
    const list = listFor([]);
    expect(list.aisles.map((a) => a.name)).toEqual(['Produce', 'Dairy & eggs', 'Grains & pasta', 'Canned & jarred', 'Spices & seasonings', 'International']);
    expect(list.aisles[0].items.map((i) => i.display)).toEqual(['1 bunch cilantro', '1 head garlic', '100 g kale', '2 lemons', '6 onions']);
    expect(find(list, 'cilantro')?.optional).toBe(true);
    expect(find(list, 'chickpeas-canned')?.display).toBe('2 × 400 g cans chickpeas');
    expect(find(list, 'milk')?.display).toBe('475 ml milk');
    expect(find(list, 'egg')?.display).toBe('3 eggs');
    expect(list.pantry.map((i) => i.display)).toEqual(['salt, to taste', '15 ml olive oil']);
    expect(list.unmatched).toEqual([
      expect.objectContaining({ text: '1 pinch of zorblax', scale: 1.5, display: '1 pinch of zorblax (× 1½)' }),
    ]);
  });

  it('spans two weeks when asked', () => {
    const list = listFor(['--from', '2026-11-23', '--to', '2026-12-06']);
    expect(find(list, 'onion')?.grams).toBe(580 + 130);
    expect(find(list, 'onion')?.display).toBe('7 onions');
    expect(find(list, 'egg')?.display).toBe('5 eggs');
    expect(find(list, 'onion')?.from.map((f) => f.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-24', '2026-11-30', '2026-11-30']);
  });

  it('turns a bad plan file into a CliError naming the file', () => {
    expect(() => readShoppingPlan('{"format": "thirtyfold.plan/1", "meals": [', 'x.json')).toThrow(/^x\.json: not valid JSON/);
    expect(() => readShoppingPlan(readFileSync(path.join(fixtures, 'bad-date-plan.json'), 'utf8'), 'y.json')).toThrow(/y\.json: meals\.0\.date/);
    // A meal nobody eats, or more servings than a backup holds, never reaches the list as "Infinity × 1 kg bags".
    for (const servings of [0, 1e300]) {
      const plan = JSON.stringify({ format: 'thirtyfold.plan/1', meals: [{ date: '2026-11-23', slot: 'snack', food: '1 kg oats', servings }] });
      expect(() => readShoppingPlan(plan, 'z.json')).toThrow(/^z\.json: meals\.0\.servings: must be a number more than 0/);
    }
  });

  it('reads the plan from stdin for "-"', async () => {
    const bad = command(['-'], { stdin: () => '{"format": "other"}' });
    await expect(bad).rejects.toThrow(CliError);
    await expect(command(['-'], { stdin: () => '{"format": "other"}' })).rejects.toThrow(/^-: format: must be "thirtyfold.plan\/2" \(or "thirtyfold.plan\/1"\)/);
  });

  it('reports a missing file, a missing argument and a reversed range as bad input', async () => {
    await expect(command([path.join(fixtures, 'nope.json')], { stdin: () => '' })).rejects.toThrow(/no such file/);
    await expect(command([], { stdin: () => '' })).rejects.toThrow(/missing plan file/);
    await expect(command([planPath, '--from', '2026-12-01', '--to', '2026-11-01'], { stdin: () => '' })).rejects.toThrow(CliError);
  });
});

const catalogPath = CATALOG_PATH;
const hasCatalog = existsSync(catalogPath);
if (!hasCatalog) console.log(`shopping: ${catalogPath} is absent; skipping the tests through the real catalog and parser`);

describe.skipIf(!hasCatalog)('shopping through the real catalog and parser', () => {
  it('merges onion in cups, whole and grams into one line, and drops no line', async () => {
    const list = (await command([planPath], { stdin: () => '' })) as ShoppingList;
    const onions = [...list.aisles.flatMap((a) => a.items), ...list.pantry].filter((i) => i.food === 'onion');
    expect(onions).toHaveLength(1);
    expect(onions[0].grams).toBe(580);
    expect(onions[0].display).toBe('6 onions');
    expect(onions[0].from.map((f) => f.recipe)).toEqual(['Chickpea curry', 'Onion soup', 'Onion soup']);
    const sources = [...list.aisles.flatMap((a) => a.items), ...list.pantry, ...list.unmatched].reduce((n, i) => n + i.from.length, 0);
    // week of 2026-11-23: curry 8 lines, soup 4, bowl 4 (its heading skipped), the lemon snack
    expect(sources).toBe(8 + 4 + 4 + 1);
  });
});

describe('shopping on the command line', () => {
  const run = promisify(execFile);
  const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');

  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(tsx, ['src/cli/main.ts', 'shopping', ...args], { cwd: repoRoot });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('exits 2 with one line on stderr for a broken plan file', async () => {
    const broken = await cli([path.join(fixtures, 'broken-plan.json'), '--from', '2026-11-23']);
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/broken-plan\.json: not valid JSON/);
  });
});
