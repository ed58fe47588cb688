import { ThirtyfoldDatabase } from '../db/database';

/** The one database connection of this window (the boot sequence, boot.svelte.ts, opens it as the app loads). */
export const db = new ThirtyfoldDatabase();
