import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * The layers of DESIGN.md ("Layers inside src/") as an allow-list: each
 * folder names the folders and packages its files may import, and anything
 * else is an error. A file imports its own folder freely. Packages ending in
 * `*` match by prefix (`node:*` is every Node built-in, with or without the
 * prefix). Test and benchmark files (`*.test.ts`, `*.bench.ts`) may also import the test tools and
 * `tests/`.
 */
export const LAYERS = {
  'src/core': {
    folders: [],
    packages: ['valibot', 'fflate', 'parse-ingredient'],
    says: 'src/core is pure: it imports only src/core and small pure libraries',
  },
  'src/shared': { folders: [], packages: [], says: 'src/shared holds the IPC contract and the sync server address check, and imports nothing' },
  'src/db': { folders: ['src/core'], packages: ['dexie'], says: 'src/db may import core and dexie only' },
  'src/sync': {
    folders: ['src/core', 'src/db', 'src/shared'],
    packages: ['yjs', 'y-*', 'lib0', '@hocuspocus/*', 'dexie', 'valibot'],
    says: 'src/sync may import core, db and its sync libraries',
  },
  'src/sync/server': {
    folders: ['src/sync'],
    packages: ['node:*', 'yjs', '@hocuspocus/*', 'ioredis', 'ws'],
    says: 'the sync server is Node plus src/sync; it never opens the app database',
  },
  'src/platform': { folders: ['src/shared'], packages: [], says: 'src/platform may import src/shared only' },
  'src/state': {
    folders: ['src/core', 'src/db', 'src/platform', 'src/shared', 'src/sync', 'resources'],
    packages: ['svelte', 'fflate'],
    says: 'src/state may import core, db and platform; the database library only through src/db',
  },
  'src/components': {
    folders: ['src/state', 'src/core'],
    packages: ['svelte', 'layerchart'],
    says: 'components use state, core and other components; never the db or the platform directly',
  },
  'src/views': {
    folders: ['src/components', 'src/state', 'src/core'],
    packages: ['svelte', 'svelte-dnd-action', 'layerchart'],
    says: 'views use state, core and components; never the db or the platform directly',
  },
  'src/App.svelte': {
    folders: ['src/views', 'src/components', 'src/state', 'src/core'],
    packages: ['svelte'],
    says: 'the app shell is a view: state, core, views and components',
  },
  'src/main.ts': { folders: ['src/App.svelte', 'src/state', 'src/styles'], packages: ['svelte'], says: 'the entry starts the boot sequence and mounts the app shell' },
  'src/cli': { folders: ['src/core', 'resources'], packages: ['node:*', 'fflate'], says: 'src/cli is core plus Node' },
  electron: { folders: ['src/shared'], packages: ['electron', 'node:*'], says: 'electron/ imports src/shared (types) only' },
};

const TEST_FOLDERS = ['tests'];
const TEST_PACKAGES = ['vitest', 'fast-check', 'fake-indexeddb', 'node:*', 'dexie'];
const BUILTINS = new Set(builtinModules);
/** Every folder a layer can name, longest first, so that a file belongs to its innermost one. */
const AREAS = [...new Set([...Object.keys(LAYERS), ...Object.values(LAYERS).flatMap((layer) => layer.folders), ...TEST_FOLDERS, 'src/styles'])].sort(
  (a, b) => b.length - a.length,
);

/** The area (a key of LAYERS, or another known folder) a path relative to the repository lies in, or null. */
export function areaOf(relative) {
  const file = relative.split(path.sep).join('/');
  return AREAS.find((area) => file === area || file.startsWith(`${area}/`)) ?? null;
}

/** The package a bare specifier names: `node:*` for Node's built-ins, else its name (with the scope). */
function packageOf(specifier) {
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) return 'node:*';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(name, allowed) {
  return allowed.some((entry) => (entry === 'node:*' ? name === 'node:*' : entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : name === entry));
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the folders and packages DESIGN.md allows it' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename);
    const own = areaOf(file);
    const layer = own === null ? undefined : LAYERS[own];
    if (!layer) return {};
    const isTest = /\.(test|bench)\.ts$/.test(file);
    const folders = isTest ? [...layer.folders, ...TEST_FOLDERS] : layer.folders;
    const packages = isTest ? [...layer.packages, ...TEST_PACKAGES] : layer.packages;

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), specifier.split('?')[0]));
        const area = areaOf(target);
        if (area === own || (area !== null && folders.includes(area))) return;
        context.report({ node: source, message: `${layer.says}: '${specifier}' is in ${area ?? target}, which ${own} may not import.` });
        return;
      }
      const name = packageOf(specifier);
      if (packageAllowed(name, packages)) return;
      context.report({ node: source, message: `${layer.says}: the package '${name}' is not on ${own}'s list.` });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': allowedImports } };
