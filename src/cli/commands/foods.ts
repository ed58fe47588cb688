import { catalogStats } from '../../core/foods/catalog';
import { loadCatalog } from '../catalog';
import { CliError, type Command } from '../command';

/** `foods`: the catalog as a JSON array; `foods --stats`: counts by group and totals. */
export const command: Command = (args) => {
  const unknown = args.filter((a) => a !== '--stats');
  if (unknown.length > 0) throw new CliError(`foods: unknown argument "${unknown[0]}" (try --help)`);
  const foods = loadCatalog();
  return args.includes('--stats') ? catalogStats(foods) : foods;
};
