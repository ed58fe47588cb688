import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function importErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

describe('layer rules of DESIGN.md', () => {
  it('rejects Dexie, Svelte, Electron and Node in src/core', async () => {
    for (const spec of ['dexie', 'svelte', 'svelte/store', 'electron', 'node:fs', '../../db/database', '../../state/plan.svelte', '../../platform', '../../views/plan/PlanView.svelte']) {
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

  it('keeps views and components away from the platform and the database: they go through state', async () => {
    for (const [spec, file] of [
      ['../../platform', 'src/views/plan/Example.svelte'],
      ['../../platform/browser', 'src/views/plan/example.ts'],
      ['../../db/week-repository', 'src/views/shopping/example.ts'],
      ['dexie', 'src/views/plan/example.ts'],
      ['../../platform', 'src/components/score/example.ts'],
      ['./platform', 'src/App.svelte'],
    ]) {
      const code = file.endsWith('.svelte') ? `<script lang="ts">\n  import { x } from '${spec}';\n  console.log(x);\n</script>\n` : `import { x } from '${spec}';\nexport const y = x;\n`;
      expect(await importErrors(code, file), `${file} → ${spec}`).not.toEqual([]);
    }
    expect(await importErrors(`import { platform } from '../../state/platform';\nexport const y = platform;\n`, 'src/views/plan/example.ts')).toEqual([]);
  });

  it('allows only what each layer lists: a package or folder not on the list fails', async () => {
    // A package nobody listed, in a layer that takes packages.
    expect(await importErrors(`import x from 'left-pad';\nexport const y = x;\n`, 'src/state/example.ts')).not.toEqual([]);
    // db takes core and dexie, not state or platform.
    expect(await importErrors(`import { plan } from '../state/plan.svelte';\nexport const y = plan;\n`, 'src/db/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { addDays } from '../core/dates';\nimport Dexie from 'dexie';\nexport const y = [addDays, Dexie];\n`, 'src/db/example.ts')).toEqual([]);
    // platform takes only shared; the CLI takes core and Node but no state.
    expect(await importErrors(`import { addDays } from '../core/dates';\nexport const y = addDays;\n`, 'src/platform/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { plan } from '../state/plan.svelte';\nexport const y = plan;\n`, 'src/cli/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { readFileSync } from 'node:fs';\nimport path from 'path';\nimport { addDays } from '../core/dates';\nexport const y = [readFileSync, path, addDays];\n`, 'src/cli/example.ts')).toEqual([]);
    // State reaches db, core and platform.
    expect(await importErrors(`import { readWeek } from '../db/week-repository';\nimport { platform } from '../platform';\nexport const y = [readWeek, platform];\n`, 'src/state/example.ts')).toEqual([]);
    // State never talks to the database library itself: its queries and writes are the repositories' in src/db.
    expect(await importErrors(`import { liveQuery } from 'dexie';\nexport const y = liveQuery;\n`, 'src/state/example.ts')).not.toEqual([]);
    // Test files may use the test tools and fixtures; the same import in a source file fails.
    const testCode = `import { it } from 'vitest';\nimport { fixtureLookup } from '../../../tests/fixtures/scoring/foods';\nexport const y = [it, fixtureLookup];\n`;
    expect(await importErrors(testCode, 'src/core/scoring/example.test.ts')).toEqual([]);
    expect(await importErrors(testCode, 'src/core/scoring/example.ts')).not.toEqual([]);
  });

  it('keeps sync apart: it imports core and db, never state or views; views and db never import it; its server never opens the db', async () => {
    expect(await importErrors(`import { db } from '../state/database';\nexport const y = db;\n`, 'src/sync/example.ts')).not.toEqual([]);
    expect(await importErrors(`import x from '../views/plan/PlanView.svelte';\nexport const y = x;\n`, 'src/sync/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { readFile } from 'node:fs';\nexport const y = readFile;\n`, 'src/sync/example.ts')).not.toEqual([]);
    const allowed = `import type { ThirtyfoldDatabase } from '../db/database';\nimport { AISLES } from '../core/types';\nimport * as Y from 'yjs';\nexport const y = [AISLES, Y];\nexport type D = ThirtyfoldDatabase;\n`;
    expect(await importErrors(allowed, 'src/sync/example.ts')).toEqual([]);
    expect(await importErrors(`import { HouseholdSync } from '../../sync/household';\nexport const y = HouseholdSync;\n`, 'src/views/plan/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { DexieMirror } from '../sync/mirror';\nexport const y = DexieMirror;\n`, 'src/db/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { db } from '../../db/database';\nexport const y = db;\n`, 'src/sync/server/example.ts')).not.toEqual([]);
    expect(await importErrors(`import { readFile } from 'node:fs/promises';\nexport const y = readFile;\n`, 'src/sync/server/example.ts')).toEqual([]);
  });

  it('keeps state off the tables: its reads and writes go through the repositories of src/db', async () => {
    const lint = async (code: string) => {
      const [result] = await eslint.lintText(code, { filePath: 'src/state/example.svelte.ts' });
      return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    const header = `import { db } from './database';\nimport { readRecipe } from '../db/recipe-repository';\n`;
    expect(await lint(`${header}export const y = db.recipes.get('r1');\n`)).toHaveLength(1);
    expect(await lint(`${header}export const y = db.transaction('rw', db.meals, () => undefined);\n`).then((m) => m.length)).toBeGreaterThan(0);
    expect(await lint(`${header}export const y = readRecipe(db, 'r1');\n`)).toEqual([]);
  });

  it('forbids Date.now and Math.random inside core', async () => {
    const [result] = await eslint.lintText('export const t = Date.now() + Math.random();\n', { filePath: 'src/core/example.ts' });
    expect(result.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(2);
  });
});
