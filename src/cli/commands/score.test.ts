import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../command';
import { command } from './score';

const FIXTURES = path.resolve(__dirname, '../../../tests/fixtures/scoring');
const io = { stdin: () => '' };

interface ScoreOutput {
  weekStart: string;
  plantPoints: number;
  plants: { id: string; name: string; points: number; group: string; colour: string | null; family: string | null }[];
  fiber: { gramsPerDay: number; target: number; byDay: unknown[] };
  fermented: { servings: number; target: number; foods: unknown[] };
  rainbow: unknown;
  prebiotic: unknown;
  families: unknown;
  unmatched: { text: string }[];
}

describe('score command', () => {
  it('scores a plan file with the shape DESIGN.md gives', async () => {
    const out = (await command([path.join(FIXTURES, 'week-traps.json')], io)) as ScoreOutput;
    expect(out.weekStart).toBe('2026-11-23');
    expect(out.fiber.target).toBe(30);
    expect(out.fiber.byDay).toHaveLength(7);
    expect(out.fermented.target).toBe(7);
    for (const key of ['rainbow', 'prebiotic', 'families', 'unmatched'] as const) expect(out[key]).toBeDefined();
    expect(Object.keys(out.plants[0])).toEqual(expect.arrayContaining(['id', 'name', 'points', 'group', 'colour', 'family']));
    expect(out.unmatched.map((u) => u.text)).toContain('1 handful of glorp');
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('counts colour variants separately with --count-colours', async () => {
    const file = path.join(FIXTURES, 'week-traps.json');
    const collapsed = (await command([file], io)) as ScoreOutput;
    const separate = (await command([file, '--count-colours'], io)) as ScoreOutput;
    // Red and green bell pepper become two plants.
    expect(separate.plantPoints).toBe(collapsed.plantPoints + 1);
    const perKcal = (await command([file, '--fiber-per-1000-kcal'], io)) as ScoreOutput & { fiber: { basis: string } };
    expect(perKcal.fiber.basis).toBe('per-1000-kcal');
    expect(perKcal.fiber.target).not.toBe(30);
  });

  it('turns a bad plan file into one clear CliError line', async () => {
    const bad = command([path.join(FIXTURES, 'bad-plan.json')], io);
    await expect(bad).rejects.toBeInstanceOf(CliError);
    await expect(command([path.join(FIXTURES, 'bad-plan.json')], io)).rejects.toThrow(/meals\.0\.date: must be a date .*written YYYY-MM-DD$/);
    const dir = mkdtempSync(path.join(tmpdir(), 'thirtyfold-score-'));
    const notJson = path.join(dir, 'plan.json');
    writeFileSync(notJson, '{ nope');
    await expect(command([notJson], io)).rejects.toThrow(/not valid JSON/);
    await expect(command([path.join(dir, 'missing.json')], io)).rejects.toThrow(/no such file/);
    await expect(command([], io)).rejects.toThrow(/missing plan file/);
    await expect(command([notJson, '--loud'], io)).rejects.toThrow(/unknown option --loud/);
    for (const error of await Promise.allSettled([command([notJson], io)])) {
      expect(error.status === 'rejected' && String((error.reason as Error).message).includes('\n')).toBe(false);
    }
  });
});
