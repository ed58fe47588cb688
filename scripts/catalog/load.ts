/** Reads the catalog inputs from disk for the build script and its test. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildInput } from './build';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The shared USDA SR28 extract, beside the repository. */
export const USDA_DIR = path.resolve(REPO_ROOT, '../shared/data/usda');
/** The committed catalog. */
export const CATALOG_FILE = path.join(REPO_ROOT, 'resources/foods/catalog.json');
const TABLE_DIR = path.join(REPO_ROOT, 'scripts/catalog/tables');
const EXTRA_ALIASES = path.join(REPO_ROOT, 'scripts/catalog/extra-aliases.csv');
const MEDAS_CLASSES = path.join(REPO_ROOT, 'scripts/catalog/medas-classes.txt');

/** True when the USDA extract is present. */
export function usdaAvailable(): boolean {
  return existsSync(path.join(USDA_DIR, 'foods.csv')) && existsSync(path.join(USDA_DIR, 'portions.csv'));
}

/** Reads the curation tables, extra aliases and USDA files. */
export function loadBuildInput(): BuildInput {
  const tables: Record<string, string> = {};
  for (const name of readdirSync(TABLE_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    tables[name] = readFileSync(path.join(TABLE_DIR, name), 'utf8');
  }
  return {
    tables,
    extraAliases: existsSync(EXTRA_ALIASES) ? readFileSync(EXTRA_ALIASES, 'utf8') : 'food_id,alias\n',
    foodsCsv: readFileSync(path.join(USDA_DIR, 'foods.csv'), 'utf8'),
    portionsCsv: readFileSync(path.join(USDA_DIR, 'portions.csv'), 'utf8'),
    medasClasses: readFileSync(MEDAS_CLASSES, 'utf8'),
  };
}
