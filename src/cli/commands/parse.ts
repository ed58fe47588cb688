import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIngredientParser } from '../../core/ingredients';
import type { Food } from '../../core/types';
import { CliError, type Command } from '../command';

const CATALOG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resources/foods/catalog.json');

async function readCatalog(): Promise<Food[]> {
  let text: string;
  try {
    text = await readFile(CATALOG, 'utf8');
  } catch {
    throw new CliError('the food catalog is missing (resources/foods/catalog.json; run npm run catalog)');
  }
  try {
    const foods = JSON.parse(text) as unknown;
    if (!Array.isArray(foods)) throw new Error('not an array');
    return foods as Food[];
  } catch (error) {
    throw new CliError(`the food catalog cannot be read: ${(error as Error).message}`);
  }
}

/** `parse [LINE…]`: ingredient lines from the arguments, or one per stdin line. */
export const command: Command = async (args, io) => {
  const lines = args.length > 0 ? args : io.stdin().split(/\r?\n/).filter((line) => line.trim() !== '');
  const parse = createIngredientParser(await readCatalog());
  return lines.map((line) => parse(line));
};
