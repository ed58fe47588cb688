import { ThirtyfoldDatabase } from '../db/database';

/** The one database connection of this window. */
export const db = new ThirtyfoldDatabase();
