import { createIngredientParser } from '../../core/ingredients';
import { loadCatalog } from '../catalog';
import type { Command } from '../command';

/** `parse [LINE…]`: ingredient lines from the arguments, or one per stdin line. */
export const command: Command = (args, io) => {
  const lines = args.length > 0 ? args : io.stdin().split(/\r?\n/).filter((line) => line.trim() !== '');
  const parse = createIngredientParser(loadCatalog());
  return lines.map((line) => parse(line));
};
