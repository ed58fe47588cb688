import { defineConfig } from '@playwright/test';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
if ('reason' in binary) console.log(`Electron end-to-end suite: SKIPPED, ${binary.reason}. It runs wherever the Electron binary is installed.`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.electron.ts',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
});
