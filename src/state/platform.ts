/**
 * The desktop-or-browser services views may use (print, save a PDF or a
 * file, backups on disk, the app menu), reached through state so that views
 * depend on state alone.
 */
export { platform, type PickedFile, type Platform } from '../platform';
