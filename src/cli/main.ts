import { readFileSync } from 'node:fs';
import { CliError, type Command } from './command';

/** Every command, loaded only when asked for so `--help` stays instant. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  parse: { summary: 'parse [LINE…]            parse ingredient lines (arguments or stdin)', load: () => import('./commands/parse') },
  score: { summary: 'score FILE               score a plan file: plants, fiber, fermented', load: () => import('./commands/score') },
  shopping: { summary: 'shopping FILE [--from D --to D]  aisle-sorted shopping list', load: () => import('./commands/shopping') },
  import: { summary: 'import FILE              recipe(s) from an HTML page, Paprika export or backup', load: () => import('./commands/import') },
  foods: { summary: 'foods [--stats]          the food catalog as JSON; --stats: counts by group', load: () => import('./commands/foods') },
};

const HELP = `Usage: npm run --silent cli -- <command> [arguments]

Commands:
${Object.values(COMMANDS)
  .map((c) => `  ${c.summary}`)
  .join('\n')}

Output is JSON on stdout. Bad input exits 2 with one line on stderr.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${HELP}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`thirtyfold: unknown command "${name}" (try --help)\n`);
    return 2;
  }
  const { command } = await entry.load();
  const stdin = () => readFileSync(0, 'utf8');
  const output = await command(rest, { stdin });
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof CliError ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
    process.stderr.write(`thirtyfold: ${message.split('\n')[0]}\n`);
    process.exitCode = error instanceof CliError ? 2 : 1;
  },
);
