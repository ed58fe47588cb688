import { ThirtyfoldDatabase } from '../db/database';

/** The one database connection of this window. */
export const db = new ThirtyfoldDatabase();

// Opening IndexedDB waits on the browser's storage process: start it as this module loads, so it runs while
// the rest of the app is evaluated and drawn, rather than at the first query. A failure is not lost: every
// query tries to open again and reports the error where it is shown.
db.open().catch(() => undefined);
