import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function importErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules of DESIGN.md', () => {
  it('rejects Dexie, Svelte, Electron and Node in src/core', async () => {
    for (const spec of ['dexie', 'svelte', 'svelte/store', 'electron', 'node:fs', '../db/database', '../../views/plan/PlanView.svelte']) {
      const errors = await importErrors(`import x from '${spec}';\nexport const y = x;\n`, 'src/core/scoring/example.ts');
      expect(errors.length, spec).toBeGreaterThan(0);
    }
  });

  it('lets src/core import core files and small pure libraries', async () => {
    const code = `import { addDays } from '../dates';\nimport * as v from 'valibot';\nexport const y = [addDays, v];\n`;
    expect(await importErrors(code, 'src/core/scoring/example.ts')).toEqual([]);
  });

  it('keeps views away from the database and electron away from core', async () => {
    expect(await importErrors(`import { db } from '../../db/database';\nexport const y = db;\n`, 'src/views/plan/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { AISLES } from '../src/core/types';\nexport const y = AISLES;\n`, 'electron/example.ts')).not.toEqual([]);
    expect(await importErrors(`import type { IpcChannel } from '../src/shared/ipc';\nexport type Y = IpcChannel;\n`, 'electron/example.ts')).toEqual([]);
  });

  it('forbids Date.now and Math.random inside core', async () => {
    const [result] = await eslint.lintText('export const t = Date.now() + Math.random();\n', { filePath: 'src/core/example.ts' });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(2);
  });
});
