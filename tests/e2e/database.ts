import type { Page } from '@playwright/test';

/** Rows to put and ids to delete, per object store of the app's database. */
export interface DatabaseChange {
  put?: Record<string, object[]>;
  delete?: Record<string, string[]>;
}

/**
 * Changes the app's IndexedDB behind the app's back, as another window or an
 * older session would: one read-write transaction over the stores named. The
 * app must have opened the database once (it creates it).
 */
export async function changeDatabase(page: Page, change: DatabaseChange): Promise<void> {
  await page.evaluate(
    (change) =>
      new Promise<void>((done, fail) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const stores = [...new Set([...Object.keys(change.put ?? {}), ...Object.keys(change.delete ?? {})])];
          const tx = open.result.transaction(stores, 'readwrite');
          for (const [store, rows] of Object.entries(change.put ?? {})) for (const row of rows) tx.objectStore(store).put(row);
          for (const [store, ids] of Object.entries(change.delete ?? {})) for (const id of ids) tx.objectStore(store).delete(id);
          tx.oncomplete = () => {
            open.result.close();
            done();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    change,
  );
}

/** The first day (a Monday, the default week start) of the week holding today in the page's time zone. */
export function weekStartIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const now = new Date();
    const date = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    return date.toISOString().slice(0, 10);
  });
}

/** Every row of one object store of the app's database, read behind the app's back. */
export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((done, fail) => {
        const open = indexedDB.open('thirtyfold');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(store, 'readonly').objectStore(store).getAll();
          request.onsuccess = () => {
            open.result.close();
            done(request.result as T[]);
          };
          request.onerror = () => fail(request.error);
        };
      }),
    store,
  );
}
