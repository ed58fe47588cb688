import { BACKUP_FORMAT } from '../backup/types';
import { PLAN_FORMAT, PLAN_FORMAT_V1 } from '../plan/plan-file';
import { printable } from '../format';
import { ImportError } from './draft';
import { MAX_EXPORT_BYTES, isZip } from './paprika';

/**
 * What an import holds, told from its content alone (never its name), so the
 * app and the command line take and refuse the same files.
 */
export type ImportSource =
  | { kind: 'paprika' }
  | { kind: 'paprika-recipe' }
  | { kind: 'backup'; text: string }
  | { kind: 'plan'; text: string }
  | { kind: 'json-ld'; value: unknown }
  | { kind: 'html'; text: string }
  | { kind: 'text'; text: string };

/** The largest file an import reads: as much as a Paprika export may unpack to. */
export const MAX_IMPORT_BYTES = MAX_EXPORT_BYTES;

/** Bytes looked at to tell text from binary data. */
const SAMPLE = 65_536;

/**
 * True for data that is not text: a NUL byte, or many bytes that are not
 * UTF-8, in the first 64 KB (text files, HTML pages and JSON have neither).
 */
export function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE);
  if (sample.includes(0)) return true;
  const text = new TextDecoder('utf-8').decode(sample);
  let replaced = 0;
  for (const char of text) if (char === '\uFFFD') replaced += 1;
  return replaced > 8 && replaced > text.length / 100;
}

function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|head|body|script|meta|title|div|article)\b/i.test(text.slice(0, 100_000)) || /<script\b|application\/ld\+json/i.test(text);
}

/** What a piece of text holds: a backup, a week plan, JSON-LD, an HTML page, or a plain-text recipe. */
export function detectImportText(raw: string): ImportSource {
  const text = raw.replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let value: unknown;
    let parsed = true;
    try {
      value = JSON.parse(trimmed);
    } catch {
      parsed = false;
    }
    if (parsed) {
      const format = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { format?: unknown }).format : undefined;
      if (format === BACKUP_FORMAT) return { kind: 'backup', text };
      if (format === PLAN_FORMAT || format === PLAN_FORMAT_V1) return { kind: 'plan', text };
      if (typeof format === 'string' && format.startsWith('thirtyfold.')) {
        throw new ImportError(`this is a ${printable(JSON.stringify(format.slice(0, 60)))} file, not recipes: import takes an HTML page, a Paprika export, a backup or recipe text`);
      }
      return { kind: 'json-ld', value };
    }
  }
  if (looksLikeHtml(text)) return { kind: 'html', text };
  return { kind: 'text', text };
}

/**
 * Tells an import file's kind from its bytes: zip → Paprika export, gzip → one
 * Paprika recipe, then text (see detectImportText). Throws ImportError for an
 * empty file and for binary data that is none of these.
 */
export function detectImportFile(bytes: Uint8Array): ImportSource {
  if (bytes.length === 0) throw new ImportError('the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError('the file is larger than 512 MB');
  if (isZip(bytes)) return { kind: 'paprika' };
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: 'paprika-recipe' };
  if (isBinary(bytes)) throw new ImportError('the file is binary, not an HTML page, Paprika export, backup or recipe text');
  return detectImportText(new TextDecoder('utf-8').decode(bytes));
}
