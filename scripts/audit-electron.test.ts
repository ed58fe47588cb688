import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSources, readElectronSources } from './audit-electron';

describe('Electron security audit', () => {
  it('passes on the app sources', () => {
    const findings = auditSources(readElectronSources(resolve(import.meta.dirname, '..')));
    expect(findings.filter((f) => !f.ok)).toEqual([]);
    expect(findings.length).toBeGreaterThanOrEqual(15);
  });

  it('flags an insecure window and unchecked IPC', () => {
    const insecure = `
const w = new BrowserWindow({
    webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false },
  });
ipcMain.handle('x', (event, arg) => doIt(arg));
ipcMain.on('y', () => {});
w.loadFile('index.html');
`;
    const failed = auditSources({ 'electron/main.ts': insecure })
      .filter((f) => !f.ok)
      .map((f) => f.id);
    expect(failed).toEqual(
      expect.arrayContaining(['context-isolation', 'sandbox', 'node-integration', 'web-security', 'custom-protocol', 'ipc-sender', 'ipc-validation', 'permissions']),
    );
  });
});
