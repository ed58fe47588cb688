import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/** Import patterns a layer may not use (DESIGN.md, "Layers inside src/"), as regular expressions on the specifier. */
const forbid = (regexes, message) => regexes.map((regex) => ({ regex, message, caseSensitive: true }));
const UI = ['^svelte($|/)', '\\.svelte$'];
const COMPONENTS = ['/[A-Z][A-Za-z0-9]*\\.svelte$', '(^|/)(views|components)/'];
const DB = ['^dexie($|/)', '(^|/)db(/|$)'];
const ELECTRON = ['^electron($|/)', '^(\\.\\./)+electron/'];
const NODE = ['^node:', '^(fs|path|os|child_process|http|url|zlib)$'];
const STATE = ['(^|/)state/'];
const PLATFORM = ['(^|/)platform(/|$)'];
const CLI = ['(^|/)cli/'];
const CORE = ['(^|/)core/'];

function layer(files, patterns) {
  return { files, rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default ts.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', 'resources/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Hash links inside one page; there is no SvelteKit router to resolve them.
      'svelte/no-navigation-without-resolve': 'off',
      // Parsers of user files strip control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  layer(['src/core/**/*.ts'], forbid([...UI, ...DB, ...ELECTRON, ...NODE, ...STATE, ...COMPONENTS, ...PLATFORM, ...CLI], 'src/core is pure: it imports only src/core and small pure libraries.')),
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass the time in: core is deterministic.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Pass randomness in: core is deterministic.' },
      ],
    },
  },
  layer(['src/shared/**/*.ts'], forbid(['^\\.\\./', '^[^.]'], 'src/shared holds the IPC contract and imports nothing.')),
  layer(['src/db/**/*.ts'], forbid([...UI, ...ELECTRON, ...NODE, ...STATE, ...COMPONENTS, ...PLATFORM, ...CLI], 'src/db may import core and dexie only.')),
  layer(['src/platform/**/*.ts'], forbid([...UI, ...DB, ...NODE, '^electron($|/)', ...STATE, ...COMPONENTS, ...CLI, ...CORE], 'src/platform may import src/shared only.')),
  layer(['src/state/**/*.ts'], forbid([...ELECTRON, ...NODE, ...COMPONENTS, ...CLI], 'src/state may import core, db and platform.')),
  layer(['src/views/**/*', 'src/components/**/*', 'src/App.svelte'], forbid([...DB, ...ELECTRON, ...NODE, ...CLI], 'Views use state, core types and components; never the db directly.')),
  layer(['src/cli/**/*.ts'], forbid([...UI, ...DB, ...ELECTRON, ...STATE, ...COMPONENTS, ...PLATFORM], 'src/cli is core plus Node.')),
  layer(['electron/**/*.ts'], forbid(['(^|/)src/(core|db|state|views|components|platform|cli)/', ...UI], 'electron/ imports src/shared (types) only.')),
);
