import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackup, readBackup } from '../../../src/core/backup';
import { ImportError, draftToRecipe, parsePaprikaExport, parseRecipesFromHtml, type RecipeDraft } from '../../../src/core/import';
import { checkRestore, restoreBackup } from '../../../src/db/backup-repository';
import type { ThirtyfoldDatabase } from '../../../src/db/database';
import { describeError } from '../../../src/state/notices.svelte';
import { migrationHarness } from './harness';
import { brokenPaprika, recipePage } from './hostile-files';
import { contents, expectClear, meta, seededDatabase, smallLibrary, unchangedGuard } from './restore-library';

type Site = 'read' | 'write';

/** A failure IndexedDB can report, and the start of the line the user then sees. */
interface Failure {
  error: () => unknown;
  expected: RegExp;
}

const FAILURES: readonly Failure[] = [
  { error: () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), expected: /^the disk or the storage for this app is full\. Nothing was saved/ },
  { error: () => new DOMException('An internal error was encountered in the Indexed Database server', 'UnknownError'), expected: /internal error was encountered/ },
  { error: () => new DOMException('The transaction was aborted, so the request cannot be fulfilled.', 'AbortError'), expected: /transaction was aborted/ },
  { error: () => new DOMException('Data provided to an operation does not meet requirements.', 'DataError'), expected: /does not meet requirements/ },
  { error: () => new Error('disk I/O error'), expected: /disk I\/O error/ },
];

/** Which read or write of the restore fails, how, and whether it throws at once or rejects. */
interface Fault {
  site: Site;
  at: number;
  failure: Failure;
  throws: boolean;
}

/**
 * Installs a DBCore middleware that makes the `at`-th read (query) or write
 * (clear, put) after `arm` fail, as a full disk or a broken IndexedDB would.
 * Must run before the database opens.
 */
function faulty(db: ThirtyfoldDatabase) {
  let fault: Fault | null = null;
  const seen: Record<Site, number> = { read: 0, write: 0 };
  function hit(site: Site): Promise<never> | undefined {
    const count = seen[site]++;
    if (!fault || fault.site !== site || count !== fault.at) return undefined;
    const { failure, throws } = fault;
    fault = null;
    if (throws) throw failure.error();
    return Promise.reject(failure.error());
  }
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'faults',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const wrapped: DBCoreTable = {
          ...table,
          mutate: (request) => hit('write') ?? table.mutate(request),
          query: (request) => hit('read') ?? table.query(request),
        };
        return wrapped;
      },
    }),
  };
  db.use(middleware);
  return {
    arm(next: Fault | null): void {
      fault = next;
      seen.read = 0;
      seen.write = 0;
    },
    /** How many reads and writes ran since the last arm. */
    seen: () => ({ ...seen }),
    /** True while the armed fault has not fired. */
    pending: () => fault !== null,
  };
}

const validTexts = [2, 3, 4, 5].map((seed) => buildBackup(smallLibrary(seed, `2025-0${seed}-10`), meta));

/** What the notice shows after "Could not restore the backup; nothing was changed:". */
function shown(error: unknown): string {
  return describeError(error);
}

/** The app's restore of a valid file; returns the line the user sees, or null when it went through or was cancelled. */
async function restore(db: ThirtyfoldDatabase, text: string, keepCopy: (text: string) => Promise<boolean>): Promise<string | null> {
  const check = await checkRestore(db, text);
  if (!check.ok) throw new Error(`a valid backup was refused: ${check.error}`);
  try {
    await restoreBackup(db, check.backup, { meta, keepCopy });
  } catch (error) {
    return shown(error);
  }
  return null;
}

describe('a restore that fails while writing changes nothing', () => {
  it('600 valid backups whose reads, clears or puts fail midway, or whose safety copy fails, leave the database as it was', async () => {
    const db = migrationHarness().open();
    const faults = faulty(db);
    const { before } = await seededDatabase(db);
    // How many reads and writes one restore makes, so every one of them can be made to fail.
    faults.arm(null);
    const scratch = await restore(db, validTexts[0], async () => true);
    expect(scratch).toBeNull();
    const counts = faults.seen();
    expect(counts.write).toBeGreaterThanOrEqual(8);
    expect(counts.read).toBeGreaterThanOrEqual(5);
    await seededDatabase(db);
    expect(await contents(db)).toBe(before);

    const fault = fc.record({
      site: fc.constantFrom<Site>('read', 'write', 'write'),
      at: fc.nat(),
      failure: fc.constantFrom(...FAILURES),
      throws: fc.boolean(),
    });
    const safetyCopy = fc.constantFrom('fails', 'cancelled');
    const seededText = buildBackup(smallLibrary(1, '2026-11-29'), meta);
    const guard = unchangedGuard(db, before);
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(validTexts.length - 1), fc.oneof({ weight: 4, arbitrary: fault }, { weight: 1, arbitrary: safetyCopy }), async (which, what) => {
        const text = validTexts[which];
        runs += 1;
        faults.arm(null);
        await guard.ready();
        let message: string | null;
        let offered = '';
        if (what === 'fails' || what === 'cancelled') {
          message = await restore(db, text, async (copy) => {
            offered = copy;
            if (what === 'fails') throw new Error('could not write thirtyfold-backup-2026-11-25.thirtyfold.json: no space left on device');
            return false;
          });
        } else {
          faults.arm({ ...what, at: what.at % counts[what.site] });
          message = await restore(db, text, async () => true);
          expect(faults.pending()).toBe(false);
        }
        await guard.check();
        if (what === 'cancelled') {
          expect(message).toBeNull();
          // The copy offered is a backup of exactly what the database held.
          expect(offered).toBe(seededText);
        } else {
          expectClear(message ?? '', what === 'fails' ? /^could not write .*: no space left on device$/ : what.failure.expected);
        }
      }),
      { numRuns: 600 },
    );
    expect(runs).toBe(600);
    // The same restore without a fault does replace everything, so an unchanged database above means something.
    faults.arm(null);
    expect(await restore(db, validTexts[1], async () => true)).toBeNull();
    expect(await contents(db)).not.toBe(before);
    db.close();
  });
});

/** A recipe the import would save passes the backup's checks, so importing can never make Export fail. */
function expectSavable(drafts: RecipeDraft[]): void {
  expect(drafts.length).toBeGreaterThan(0);
  const recipes = drafts.map((draft, i) => draftToRecipe(draft, { id: `imported-${i}`, now: meta.exportedAt }));
  const check = readBackup(buildBackup({ recipes, meals: [], foods: [], settings: {}, shopping: [] }, meta));
  expect(check.ok).toBe(true);
}

/** Reads one file as the import dialog does; returns its one-line error, or null when it gave recipes. */
function importFile(read: () => RecipeDraft[]): string | null {
  let drafts: RecipeDraft[];
  try {
    drafts = read();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return error.message;
  }
  expectSavable(drafts);
  return null;
}

describe('importing hostile recipe files', () => {
  it('1,800 HTML pages with broken or hostile JSON-LD and broken Paprika exports: recipes or a clear line, nothing written before saving', async () => {
    const { db, before } = await seededDatabase();
    const guard = unchangedGuard(db, before);
    let runs = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 2, arbitrary: recipePage.map((html) => ({ html })) }, { weight: 1, arbitrary: brokenPaprika.map((zip) => ({ zip })) }), async (file) => {
        runs += 1;
        await guard.ready();
        const message = 'html' in file ? importFile(() => parseRecipesFromHtml(file.html)) : importFile(() => parsePaprikaExport(file.zip));
        if (message !== null) {
          refused += 1;
          // Paprika messages quote entry names with control and direction characters escaped.
          expectClear(message, /^[^\s]/, { quotesFile: 'html' in file });
        }
        await guard.check();
      }),
      { numRuns: 1_800 },
    );
    expect(runs).toBe(1_800);
    // Both outcomes occur: the generators are not so broken that nothing is ever read, nor so tame that nothing is refused.
    expect(refused).toBeGreaterThan(100);
    expect(refused).toBeLessThan(1_700);
    db.close();
  });
});
