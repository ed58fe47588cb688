import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, mergeConfig, type Plugin } from 'vite';
import base from './vite.web.config';

const stub: Plugin = {
  name: 'stub-missing',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.svelte')) return null;
    const file = resolve(dirname(importer), source);
    return existsSync(file) || existsSync(`${file}.ts`) || existsSync(`${file}.js`) ? null : '/tmp/tf-recipes-tools/Stub.svelte';
  },
};
export default mergeConfig(base, defineConfig({ plugins: [stub] }));
