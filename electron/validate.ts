import { isIP } from 'node:net';
import type { FileFilter, OpenFileRequest, SaveFileRequest, SavePdfRequest } from '../src/shared/ipc';
import { serverOrigin } from '../src/shared/sync-address';
import { checkUrl, isPublicAddress } from './fetch-page';

/** Thrown when a renderer sends an argument main will not act on. */
export class IpcArgumentError extends Error {
  override name = 'IpcArgumentError';
}

const MAX_TEXT = 200 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string, max = 500): string {
  if (typeof value !== 'string') throw new IpcArgumentError(`${field} must be a string`);
  if (value.length > max) throw new IpcArgumentError(`${field} is too long`);
  return value;
}

/** A file name without folders, so a save dialog cannot be pointed elsewhere. */
function fileName(value: unknown, field: string): string {
  const name = text(value, field, 255);
  if (name.trim() === '' || /[/\\]/.test(name) || name === '.' || name === '..' || name.includes('\0')) {
    throw new IpcArgumentError(`${field} must be a plain file name`);
  }
  return name;
}

function filters(value: unknown): FileFilter[] {
  if (!Array.isArray(value) || value.length > 10) throw new IpcArgumentError('filters must be a short list');
  return value.map((filter, index) => {
    if (!isRecord(filter)) throw new IpcArgumentError(`filters[${index}] must be an object`);
    const extensions = filter.extensions;
    if (!Array.isArray(extensions) || extensions.length > 20) throw new IpcArgumentError(`filters[${index}].extensions must be a list`);
    return {
      name: text(filter.name, `filters[${index}].name`, 100),
      extensions: extensions.map((ext, i) => {
        const e = text(ext, `filters[${index}].extensions[${i}]`, 20);
        if (!/^(\*|[a-z0-9]+)$/i.test(e)) throw new IpcArgumentError(`filters[${index}].extensions[${i}] is not an extension`);
        return e;
      }),
    };
  });
}

/** Validates the argument of app:open-file. */
export function validateOpenFile(value: unknown): OpenFileRequest {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  return { title: text(value.title, 'title', 200), filters: filters(value.filters) };
}

/** Validates the argument of app:save-file. */
export function validateSaveFile(value: unknown): SaveFileRequest {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  return {
    title: text(value.title, 'title', 200),
    suggestedName: fileName(value.suggestedName, 'suggestedName'),
    filters: filters(value.filters),
    text: text(value.text, 'text', MAX_TEXT),
  };
}

/** Validates the argument of app:save-pdf. */
export function validateSavePdf(value: unknown): SavePdfRequest {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  if (value.pageSize !== 'A4' && value.pageSize !== 'Letter') throw new IpcArgumentError('pageSize must be "A4" or "Letter"');
  if (typeof value.landscape !== 'boolean') throw new IpcArgumentError('landscape must be true or false');
  let name = fileName(value.suggestedName, 'suggestedName');
  if (!name.toLowerCase().endsWith('.pdf')) name += '.pdf';
  return { title: text(value.title, 'title', 200), suggestedName: name, pageSize: value.pageSize, landscape: value.landscape };
}

/** Validates a request that carries nothing. */
export function validateEmpty(value: unknown): void {
  if (value !== undefined && value !== null) throw new IpcArgumentError('this request takes no argument');
}

/**
 * True for a URL of the app's own page: app://thirtyfold/…, or in development
 * the dev server's exact origin (scheme, host and port; `localhost:51730` is
 * not `localhost:5173`).
 */
export function isAppUrl(url: string | undefined, devServerUrl: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'app:' && parsed.host === 'thirtyfold') return true;
  if (!devServerUrl) return false;
  try {
    const dev = new URL(devServerUrl);
    return (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
  } catch {
    return false;
  }
}

/** True when an IPC message comes from the app's own page (app:// or the dev server), not from anything else. */
export function isTrustedSender(url: string | undefined, devServerUrl: string | undefined): boolean {
  return isAppUrl(url, devServerUrl);
}

const BACKUP_NAME = /^thirtyfold-backup-\d{4}-\d{2}-\d{2}\.json$/;

/** The days around `today` (YYYY-MM-DD) that a local day can be somewhere on Earth: yesterday, today, tomorrow. */
function nearbyDays(today: string): string[] {
  const [year, month, day] = today.split('-').map(Number);
  return [-1, 0, 1].map((offset) => new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10));
}

/**
 * Validates the argument of app:backup-write: the backup text and the local
 * day it belongs to, which must be a real date next to today (the renderer
 * writes today's backup; a time-zone change can move it by a day).
 */
export function validateBackupWrite(value: unknown, today: string): { text: string; day: string } {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  const day = text(value.day, 'day', 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new IpcArgumentError('day must be YYYY-MM-DD');
  if (!nearbyDays(today).includes(day)) throw new IpcArgumentError('day must be today');
  return { text: text(value.text, 'text', MAX_TEXT), day };
}

/** Validates the argument of app:backup-read: only names of automatic backups, never a path. */
export function validateBackupRead(value: unknown): { name: string } {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  const name = text(value.name, 'name', 100);
  if (!BACKUP_NAME.test(name)) throw new IpcArgumentError('name is not an automatic backup');
  return { name };
}

/** The file name of the automatic backup of one day. */
export function backupFileName(day: string): string {
  return `thirtyfold-backup-${day}.json`;
}

/** True for the names automatic backups use. */
export function isBackupFileName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

/** Validates the argument of app:fetch-page: one http(s) URL, no credentials, no local names or addresses. */
export function validateFetchPage(value: unknown): { url: string } {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  let url: URL;
  try {
    url = checkUrl(text(value.url, 'url', 2000).trim());
  } catch (error) {
    throw new IpcArgumentError(`url: ${(error as Error).message}`);
  }
  // fetchPage checks every address again on every hop, after the lookup.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) throw new IpcArgumentError('url must be a public web address');
  return { url: url.toString() };
}

/** Validates the argument of app:sync-server: the household's server address (ws:// or wss:// with a host name), or null for none. */
export function validateSyncServer(value: unknown): { server: string | null } {
  if (!isRecord(value)) throw new IpcArgumentError('request must be an object');
  if (value.server === null) return { server: null };
  const server = text(value.server, 'server', 2000);
  if (serverOrigin(server) === null) throw new IpcArgumentError('server must be a ws:// or wss:// address with a host name');
  return { server };
}
