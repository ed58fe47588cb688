import { randomUUID } from 'node:crypto';
import { BACKUP_FORMAT, readBackup } from '../../core/backup';
import { ImportError, draftToRecipe, isZip, parsePaprikaExport, parsePaprikaRecipeFile, parsePlainTextRecipe, parseRecipesFromHtml, parseRecipesFromJsonLd, type RecipeDraft } from '../../core/import';
import type { Recipe } from '../../core/types';
import { CliError, type Command } from '../command';

/** What kind of file the bytes hold, judged from their first bytes and text. */
export type ImportKind = 'paprika' | 'paprika-recipe' | 'backup' | 'json-ld' | 'html' | 'text';

function decode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads an import file's bytes into recipes: a Paprika export (zip), one
 * Paprika recipe (gzip), a Thirtyfold backup (its recipes as stored), a
 * JSON-LD document, an HTML page, or plain text. New recipes get ids and
 * timestamps from `options`. Throws CliError with one line for bad input.
 */
export function importBytes(bytes: Uint8Array, options: { now: string; newId: () => string }): { kind: ImportKind; recipes: Recipe[] } {
  if (bytes.length === 0) throw new CliError('the file is empty');
  const stamp = (kind: ImportKind, drafts: RecipeDraft[]) => ({ kind, recipes: drafts.map((draft) => draftToRecipe(draft, { id: options.newId(), now: options.now })) });
  try {
    if (isZip(bytes)) return stamp('paprika', parsePaprikaExport(bytes));
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) return stamp('paprika-recipe', [parsePaprikaRecipeFile(bytes)]);
    const text = decode(bytes);
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      const json = parseJson(text);
      if (json.ok) {
        const value = json.value as { format?: unknown } | null;
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && value.format === BACKUP_FORMAT) {
          const result = readBackup(text);
          if (!result.ok) throw new CliError(`not a usable backup: ${result.error}`);
          return { kind: 'backup', recipes: result.backup.data.recipes };
        }
        if (value !== null && typeof value === 'object' && typeof value.format === 'string' && value.format.startsWith('thirtyfold.')) {
          throw new CliError(`this is a ${JSON.stringify(value.format.slice(0, 60))} file; import takes an HTML page, a Paprika export, a backup or recipe text`);
        }
        return stamp('json-ld', parseRecipesFromJsonLd(json.value));
      }
    }
    if (/<(?:!doctype|html|head|body|script|meta|title)\b/i.test(text.slice(0, 100_000)) || /<script\b/i.test(text)) {
      return stamp('html', parseRecipesFromHtml(text));
    }
    if (bytes.includes(0)) throw new CliError('the file is binary, not an HTML page, Paprika export, backup or recipe text');
    return stamp('text', [parsePlainTextRecipe(text)]);
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(error.message);
    throw error;
  }
}

export const command: Command = async (args) => {
  const [file, ...rest] = args;
  if (!file) throw new CliError('missing FILE to import (try --help)');
  if (rest.length > 0) throw new CliError(`unexpected argument ${JSON.stringify(rest[0])} (import takes one FILE)`);
  const { readFile } = await import('node:fs/promises');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`);
  }
  try {
    return importBytes(bytes, { now: new Date().toISOString(), newId: randomUUID }).recipes;
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
};
