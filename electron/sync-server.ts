import { readFileSync, writeFileSync } from 'node:fs';
import { serverOrigin } from '../src/shared/sync-address';

/**
 * The one sync server the page may connect to: the origin of the household's
 * server (scheme, host and port), or null when this device is in no
 * household. Main keeps it in the user-data folder and names it in the page's
 * Content-Security-Policy, so the page reaches that server and no other.
 */
export function readSyncOrigin(path: string): string | null {
  try {
    const { origin } = JSON.parse(readFileSync(path, 'utf8')) as { origin?: unknown };
    // Read back through the same check as a new address: a hand-edited file cannot widen the policy.
    return typeof origin === 'string' && serverOrigin(origin) === origin ? origin : null;
  } catch {
    return null;
  }
}

/** Keeps the sync origin for the next start; a failure to write only means asking again then. */
export function writeSyncOrigin(path: string, origin: string | null): void {
  try {
    writeFileSync(path, JSON.stringify({ origin }));
  } catch (error) {
    console.warn(`Could not remember the sync server: ${(error as Error).message}`);
  }
}

/**
 * The origin the page may reach once it names `server` (null: none), and
 * whether the page must load again to reach it: a page's policy is fixed when
 * it loads, so a new server is reachable only after a reload, while a
 * narrower one holds from the next load on.
 */
export function nextSyncOrigin(current: string | null, server: string | null): { origin: string | null; reload: boolean } {
  const origin = server === null ? null : serverOrigin(server);
  return { origin, reload: origin !== null && origin !== current };
}
