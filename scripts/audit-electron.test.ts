import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptedInSources, auditSources, readElectronSources, runElectronegativity, unaccepted } from './audit-electron';

const root = resolve(import.meta.dirname, '..');
const builderConfig = createRequire(import.meta.url)(join(root, 'electron-builder.config.cjs')) as { electronFuses?: Record<string, boolean> };
const electronVersion = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;

describe('Electron security audit, our own checks', () => {
  it('passes on the app sources and packaging config', () => {
    const findings = auditSources(readElectronSources(root), builderConfig);
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.map((f) => f.id)).toEqual(['custom-protocol', 'csp-header', 'permissions-denied', 'ipc-sender', 'ipc-validation', 'webview', 'single-instance', 'fuses']);
  });

  it('flags file:// pages, unchecked IPC, granted permissions and fuses left on', () => {
    const insecure = `
ipcMain.handle('x', (event, arg) => doIt(arg));
ipcMain.on('y', () => {});
session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(true));
w.loadFile('index.html');
`;
    const fuses = { ...builderConfig.electronFuses, grantFileProtocolExtraPrivileges: true };
    const failed = auditSources({ 'electron/main.ts': insecure }, { electronFuses: fuses })
      .filter((f) => !f.ok)
      .map((f) => f.id);
    expect(failed).toEqual(['custom-protocol', 'csp-header', 'permissions-denied', 'ipc-sender', 'ipc-validation', 'webview', 'single-instance', 'fuses']);
  });
});

describe('electronegativity', () => {
  it('finds an insecure window, offline', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'thirtyfold-audit-test-'));
    writeFileSync(
      join(folder, 'main.js'),
      `const { BrowserWindow } = require('electron');
const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });
w.loadURL('http://example.com/');`,
    );
    const ids = (await runElectronegativity(folder, electronVersion)).map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'HTTP_RESOURCES_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']));
  });

  it('counts an inline acceptance only with a reason', () => {
    const accepted = acceptedInSources({
      'a.ts': 'shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only http(s) links',
      'b.ts': 'preload: x, // eng-disable PRELOAD_JS_CHECK',
    });
    expect([...accepted]).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    const findings = [
      { id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.js', line: 3, sample: '' },
      { id: 'PRELOAD_JS_CHECK', file: 'main/index.js', line: 9, sample: '' },
      { id: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 0, sample: '' },
    ];
    expect(unaccepted(findings, accepted).map((f) => f.id)).toEqual(['PRELOAD_JS_CHECK']);
  });
});
