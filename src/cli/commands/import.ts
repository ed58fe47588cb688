import { randomUUID } from 'node:crypto';
import { readBackup } from '../../core/backup';
import { ImportError, detectImportFile, draftToRecipe, leftOutNotice, parsePaprikaExport, parsePaprikaRecipeFile, parsePlainTextRecipe, readRecipesFromHtml, readRecipesFromJsonLd, type RecipeDraft, type RecipesRead } from '../../core/import';
import type { Recipe } from '../../core/types';
import { CliError, type Command } from '../command';

/** What kind of file the bytes hold, judged from their content (the same detection the app uses). */
export type ImportKind = 'paprika' | 'paprika-recipe' | 'backup' | 'json-ld' | 'html' | 'text';

/**
 * Reads an import file's bytes into recipes: a Paprika export (zip), one
 * Paprika recipe (gzip), a Thirtyfold backup (its recipes as stored), a
 * JSON-LD document, an HTML page, or plain text. New recipes get ids and
 * timestamps from `options`. `notice` says when the source held more
 * recipes than were read. Throws CliError with one line for bad input.
 */
export function importBytes(bytes: Uint8Array, options: { now: string; newId: () => string }): { kind: ImportKind; recipes: Recipe[]; notice: string | null } {
  const stamp = (kind: ImportKind, drafts: RecipeDraft[]) => read(kind, { drafts, total: drafts.length });
  const read = (kind: ImportKind, found: RecipesRead) => ({
    kind,
    recipes: found.drafts.map((draft) => draftToRecipe(draft, { id: options.newId(), now: options.now })),
    notice: leftOutNotice(found),
  });
  try {
    const source = detectImportFile(bytes);
    switch (source.kind) {
      case 'paprika':
        return stamp('paprika', parsePaprikaExport(bytes));
      case 'paprika-recipe':
        return stamp('paprika-recipe', [parsePaprikaRecipeFile(bytes)]);
      case 'backup': {
        const result = readBackup(source.text);
        if (!result.ok) throw new CliError(`not a usable backup: ${result.error}`);
        return { kind: 'backup', recipes: result.backup.data.recipes, notice: null };
      }
      case 'plan':
        throw new CliError('this is a week plan file, not recipes: give it to score or shopping');
      case 'json-ld':
        return read('json-ld', readRecipesFromJsonLd(source.value));
      case 'html':
        return read('html', readRecipesFromHtml(source.text));
      case 'text':
        return stamp('text', [parsePlainTextRecipe(source.text)]);
    }
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
    const result = importBytes(bytes, { now: new Date().toISOString(), newId: randomUUID });
    if (result.notice) process.stderr.write(`thirtyfold: ${file}: ${result.notice}\n`);
    return result.recipes;
  } catch (error) {
    if (error instanceof CliError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
};
