/**
 * Packaging for Linux (AppImage, deb), Windows (nsis) and macOS (dmg).
 * `npm run package` builds with the Electron binary that `npm install`
 * downloaded (electronDist points at it when present).
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const localDist = join(__dirname, 'node_modules/electron/dist');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'app.thirtyfold.desktop',
  productName: 'Thirtyfold',
  copyright: 'Copyright © Thirtyfold',
  directories: { output: 'dist', buildResources: 'resources' },
  ...(existsSync(localDist) ? { electronDist: localDist } : {}),
  asar: true,
  files: ['out/**/*', 'package.json'],
  extraResources: [
    { from: 'resources/foods', to: 'foods' },
    { from: 'resources/starter', to: 'starter' },
  ],
  fileAssociations: [
    { ext: 'thirtyfold', name: 'Thirtyfold backup', description: 'Thirtyfold backup', mimeType: 'application/x-thirtyfold-backup', role: 'Editor' },
    { ext: 'paprikarecipes', name: 'Paprika recipes', description: 'Paprika recipe export', role: 'Viewer' },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Utility',
    icon: 'resources/icons',
    synopsis: 'Plan a week of meals around gut diversity',
  },
  deb: { depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'] },
  win: { target: ['nsis'], icon: 'resources/icons/256x256.png' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true, perMachine: false },
  mac: { target: ['dmg'], icon: 'resources/icon.png', category: 'public.app-category.lifestyle', hardenedRuntime: true },
  dmg: { title: 'Thirtyfold' },
  /**
   * Electron fuses, flipped in the packaged binary just before signing: off
   * what an attacker could use to run Node or code of their own through the
   * app (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect, code outside the
   * checked asar, the extra powers of file:// pages, which the app never loads).
   */
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: true,
  },
};
