/**
 * Regenerates resources/foods/catalog.json from the curation tables and the
 * USDA SR28 extract. Usage: npm run catalog [-- --review]
 * (--review lists each food beside the USDA description it cites).
 */
import { writeFileSync } from 'node:fs';
import { catalogStats, validateCatalog } from '../src/core/foods/catalog';
import { buildCatalog, formatCatalog } from './catalog/build';
import { CATALOG_FILE, loadBuildInput, usdaAvailable, USDA_DIR } from './catalog/load';

function main(): number {
  if (!usdaAvailable()) {
    process.stderr.write(`build-catalog: USDA data not found at ${USDA_DIR}\n`);
    return 2;
  }
  let foods;
  try {
    foods = buildCatalog(loadBuildInput());
  } catch (error) {
    process.stderr.write(`build-catalog: ${(error as Error).message}\n`);
    return 2;
  }
  const problems = validateCatalog(foods);
  if (problems.length > 0) {
    process.stderr.write(`build-catalog: ${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  writeFileSync(CATALOG_FILE, formatCatalog(foods));
  if (process.argv.includes('--review')) {
    for (const f of foods) process.stdout.write(`${f.id.padEnd(32)} ${f.source?.ndb ?? '-----'} ${f.source?.description ?? ''}\n`);
  }
  const stats = catalogStats(foods);
  process.stdout.write(
    `wrote ${CATALOG_FILE}: ${stats.foods} foods, ${stats.plants} plants, ${stats.crops} crops, ${stats.fermented.live} live + ${stats.fermented.notLive} not-live fermented\n`,
  );
  return 0;
}

process.exitCode = main();
