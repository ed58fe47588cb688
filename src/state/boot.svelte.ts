import type { ViewId } from './router.svelte';
import { DatabaseTooNew, watchConnection } from '../db/database';
import { catalog } from './catalog.svelte';
import { db } from './database';
import { notices } from './notices.svelte';
import { household, householdFlagged } from './household.svelte';
import { weekScore } from './week-score.svelte';
import { recipes } from './recipes.svelte';
import { reparse } from './reparse.svelte';
import { router } from './router.svelte';

/*
 * How the app starts: the one place that decides what loads when. Reading a
 * value of the state layer never starts loading anything; what is loaded, and
 * when, is listed here.
 *
 * 0. Before any script runs (src/index.html): the page preloads the food
 *    catalog's bytes, and `public/boot.js` asks IndexedDB to open the
 *    database, so the storage process has it open by step 1.
 * 1. As this module loads (main.ts imports it first): the app's own database
 *    connection opens, while the rest of the app is evaluated and drawn; the
 *    recipes written from now on are noted, to store their lines' readings.
 * 2. The first view draws. The planner reads its week and the four earlier
 *    weeks (`readWeek`) and shows a remembered view of an unchanged week at
 *    once; when nothing is remembered of the week, or what is remembered no
 *    longer matches, the food catalog loads now (`weekScore.needsCatalog`).
 * 3. Each view, when shown, loads what it needs (`NEEDS`): the catalog, the
 *    whole recipe library. Searching the planner's sidebar or the add box,
 *    and importing, ask for the library themselves.
 * 4. Once the first view is drawn (the planner's week ready, or at once on
 *    another view) and the browser is idle, at most `IDLE_TIMEOUT` ms later:
 *    `boot.idle` turns true. The catalog loads (the next edit will need it);
 *    the app shell mounts the import and backup host; the planner makes its
 *    date field; a device in a household that was not flagged (a restored
 *    backup brought the household back) starts syncing. Once the catalog has
 *    loaded, recipes get their lines' readings stored (`reparse`), in idle
 *    moments: every recipe when the foods differ from those of the last
 *    complete pass on this device, and each recipe written since step 1.
 *
 * Household sync: on a device flagged as in a household (local storage), the
 * sync code loads and starts in step 1, so its changes are seen from the
 * start; on any other device no sync code loads at all.
 */

/** What each view needs loaded before it can show its content. */
const NEEDS: Record<ViewId, { catalog: boolean; library: boolean }> = {
  plan: { catalog: false, library: false },
  recipes: { catalog: true, library: true },
  foods: { catalog: true, library: false },
  shopping: { catalog: true, library: false },
  scores: { catalog: true, library: true },
  settings: { catalog: false, library: false },
};

/** The longest wait for an idle moment after the first view, in ms. */
const IDLE_TIMEOUT = 3000;

const reload = { label: 'Reload', run: () => location.reload() };
let blockedNotice: number | null = null;
watchConnection(db, {
  upgradedElsewhere: () =>
    notices.problem(
      'Thirtyfold was updated in another tab or window, so this one has stopped using your data to keep it safe. Reload to go on; unsaved recipe edits come back.',
      reload,
    ),
  blocked: () => {
    blockedNotice ??= notices.problem('Close other Thirtyfold tabs or windows: they run an older version, and this one can open your data only once they are closed.');
  },
});

// Step 1. A failure is not lost: every query tries to open again and reports the error where it is shown.
db.open().then(
  () => {
    if (blockedNotice !== null) notices.dismiss(blockedNotice);
  },
  (error: unknown) => {
    if (error instanceof DatabaseTooNew) notices.problem(`Thirtyfold cannot open your data: ${error.message}`, reload);
  },
);
if (householdFlagged()) void household.resume();
// Recipes written from now on (an edit, an import, a change from sync or another window) get their readings stored in step 4.
reparse.follow();

const whenIdle: (work: () => void) => void =
  typeof requestIdleCallback === 'function' ? (work) => requestIdleCallback(work, { timeout: IDLE_TIMEOUT }) : (work) => setTimeout(work, 0);

/** The boot sequence's progress. */
class Boot {
  /** The first view is drawn and the browser has been idle since: time for what no view needed yet (step 4). */
  idle = $state(false);
  #asked = false;

  constructor() {
    $effect.root(() => {
      // Step 2: the week on screen needs the foods to be worked out.
      $effect(() => {
        if (weekScore.needsCatalog) catalog.load();
      });
      // Step 3: what the view on screen needs.
      $effect(() => {
        const needs = NEEDS[router.view];
        if (needs.catalog) catalog.load();
        if (needs.library) recipes.load();
      });
      // Step 4, once the catalog is there: recipes keep their lines' readings current, in the background.
      $effect(() => {
        if (this.idle && catalog.ready) reparse.use(catalog.parse);
      });
      // Step 4: idle after the first view.
      $effect(() => {
        if (this.#asked || !(router.view !== 'plan' || weekScore.ready)) return;
        this.#asked = true;
        whenIdle(() => {
          this.idle = true;
          catalog.load();
          void household.resume();
        });
      });
    });
  }
}

export const boot = new Boot();
