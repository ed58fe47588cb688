import { describe, expect, it } from 'vitest';
import { LIMITS } from '../backup/schema';
import { PLAN_FORMAT, PlanFileError, readPlanFile } from './plan-file';

const ESC = '\u001b';

function plan(overrides: { recipes?: unknown[]; meals?: unknown[]; people?: unknown } = {}): string {
  return JSON.stringify({
    format: PLAN_FORMAT,
    people: overrides.people ?? 2,
    recipes: overrides.recipes ?? [{ id: 'r1', name: 'Soup', servings: 4, ingredients: ['1 cup lentils'] }],
    meals: overrides.meals ?? [{ date: '2026-11-23', slot: 'dinner', recipe: 'r1', servings: 2 }],
  });
}

function refusal(text: string): string {
  try {
    readPlanFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlanFileError);
    return (error as Error).message;
  }
  throw new Error('the plan file was accepted');
}

describe('plan file messages', () => {
  it('escapes terminal control characters in an unknown recipe id', () => {
    const message = refusal(plan({ meals: [{ date: '2026-11-23', slot: 'dinner', recipe: `${ESC}]0;owned${ESC}\\x${ESC}[2J` }] }));
    expect(message).toContain('unknown recipe id');
    expect(message).not.toContain(ESC);
    expect(message).toContain('\\u001b');
  });

  it('escapes terminal control characters in a duplicate recipe id', () => {
    const recipe = { id: `r${ESC}[31m\r\n`, name: 'Soup', servings: 4, ingredients: [] };
    const message = refusal(plan({ recipes: [recipe, recipe], meals: [] }));
    expect(message).toContain('duplicate recipe id');
    expect(message).not.toMatch(/[\u0000-\u001f]/);
  });
});

describe('plan file limits (the same as backups)', () => {
  const meal = (fields: Record<string, unknown>) => plan({ meals: [{ date: '2026-11-23', slot: 'dinner', recipe: 'r1', servings: 2, ...fields }] });
  const recipe = (fields: Record<string, unknown>) => plan({ recipes: [{ id: 'r1', name: 'Soup', servings: 4, ingredients: [], ...fields }] });

  it('refuses a year outside the range backups take', () => {
    expect(refusal(meal({ date: '0000-01-01' }))).toMatch(/^meals\.0\.date: /);
    expect(refusal(meal({ date: '9999-12-31' }))).toMatch(/^meals\.0\.date: /);
    expect(refusal(JSON.stringify({ format: PLAN_FORMAT, weekStart: '0000-01-03', meals: [] }))).toMatch(/^weekStart: /);
  });

  it('refuses impossible servings', () => {
    expect(refusal(meal({ servings: 1e300 }))).toMatch(/^meals\.0\.servings: /);
    expect(refusal(meal({ servings: 0 }))).toMatch(/^meals\.0\.servings: /);
    expect(refusal(recipe({ servings: 5e6 }))).toMatch(/^recipes\.0\.servings: /);
  });

  it('refuses lists and texts longer than a backup holds', () => {
    expect(refusal(recipe({ ingredients: Array.from({ length: LIMITS.listItems + 1 }, () => 'salt') }))).toMatch(/^recipes\.0\.ingredients: /);
    expect(refusal(recipe({ steps: ['x'.repeat(LIMITS.step + 1)] }))).toMatch(/^recipes\.0\.steps\.0: /);
    expect(refusal(recipe({ tags: ['t'.repeat(LIMITS.tag + 1)] }))).toMatch(/^recipes\.0\.tags\.0: /);
    expect(refusal(recipe({ id: 'i'.repeat(LIMITS.id + 1) }))).toMatch(/^recipes\.0\.id: /);
    expect(refusal(meal({ slot: 's'.repeat(LIMITS.tag + 1) }))).toMatch(/^meals\.0\.slot: /);
    expect(refusal(plan({ meals: [{ date: '2026-11-23', slot: 'snack', food: 'f'.repeat(LIMITS.line + 1) }] }))).toMatch(/^meals\.0\.food: /);
  });

  it('still reads a plan at the limits', () => {
    const text = plan({
      recipes: [{ id: 'i'.repeat(LIMITS.id), name: 'n'.repeat(LIMITS.name), servings: 1_000_000, ingredients: ['x'.repeat(LIMITS.line)], tags: ['t'.repeat(LIMITS.tag)] }],
      meals: [{ date: `${LIMITS.maxYear}-12-31`, slot: 's'.repeat(LIMITS.tag), recipe: 'i'.repeat(LIMITS.id), servings: 1_000_000 }],
    });
    const read = readPlanFile(text);
    expect(read.meals[0].servings).toBe(1_000_000);
    expect(read.recipes[0].tags[0]).toHaveLength(LIMITS.tag);
  });
});
