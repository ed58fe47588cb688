/**
 * Static security audit of the Electron sources against Electron's security
 * checklist (https://www.electronjs.org/docs/latest/tutorial/security).
 * Prints each check and exits 1 when one fails. Accepted exceptions carry a
 * one-line reason in the code, marked `audit-accept: <check id>: <reason>`.
 * Run: npx tsx scripts/audit-electron.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface AuditFinding {
  id: string;
  ok: boolean;
  detail: string;
}

/** Runs every check over the given source files (path → text). */
export function auditSources(files: Record<string, string>): AuditFinding[] {
  const all = Object.entries(files).filter(([path]) => !path.endsWith('.test.ts'));
  const text = all.map(([, source]) => source).join('\n');
  const accepted = new Set([...text.matchAll(/audit-accept: ([a-z-]+):/g)].map((m) => m[1]));
  const check = (id: string, ok: boolean, detail: string): AuditFinding => ({ id, ok: ok || accepted.has(id), detail: ok ? detail : accepted.has(id) ? `${detail} (accepted in code)` : detail });
  const windows = [...text.matchAll(/new BrowserWindow\(\{[\s\S]*?\n {2}\}\);/g)].map((m) => m[0]);
  return [
    check('browser-windows', windows.length > 0, `${windows.length} BrowserWindow(s) found`),
    check('context-isolation', windows.every((w) => /contextIsolation:\s*true/.test(w)), 'contextIsolation: true on every window'),
    check('sandbox', windows.every((w) => /sandbox:\s*true/.test(w)), 'sandbox: true on every window'),
    check('node-integration', windows.every((w) => /nodeIntegration:\s*false/.test(w)) && !/nodeIntegration(InWorker|InSubFrames)?:\s*true/.test(text), 'no Node integration anywhere'),
    check('web-security', !/webSecurity:\s*false/.test(text), 'webSecurity never turned off'),
    check('insecure-content', !/allowRunningInsecureContent:\s*true/.test(text), 'no insecure content'),
    check('experimental-features', !/experimentalFeatures:\s*true|enableBlinkFeatures/.test(text), 'no experimental or Blink features'),
    check('webview', !/webviewTag:\s*true/.test(text) && /will-attach-webview/.test(text), '<webview> off and blocked'),
    check('custom-protocol', /protocol\.handle\(\s*'app'/.test(text) && !/loadFile\(|file:\/\//.test(text), 'renderer served from app://, never file://'),
    check('csp', /content-security-policy/i.test(text) && /script-src 'self'/.test(text) && !/unsafe-eval/.test(text), "CSP header with script-src 'self', no unsafe-eval"),
    check('navigation', /'will-navigate'/.test(text) && /preventDefault\(\)/.test(text), 'navigation away blocked'),
    check('new-windows', /setWindowOpenHandler\([\s\S]*?action: 'deny'/.test(text), 'window.open denied'),
    check('permissions', /setPermissionRequestHandler\([\s\S]*?callback\(false\)/.test(text) && /setPermissionCheckHandler\(\(\) => false\)/.test(text), 'permission requests and checks denied'),
    check('open-external', [...text.matchAll(/shell\.openExternal\(/g)].length <= 1 && /https\?:/.test(text), 'shell.openExternal only for http(s) links'),
    check('ipc-sender', /isTrustedSender\(event\.senderFrame/.test(text), 'every IPC message sender checked'),
    check('ipc-validation', [...text.matchAll(/ipcMain\.(handle|on)\(/g)].length === 1 && /run\(validate\(raw\), event\)/.test(text), 'every IPC handler goes through one wrapper that validates its argument'),
    check('remote-module', !/@electron\/remote|enableRemoteModule/.test(text), 'no remote module'),
    check('single-instance', /requestSingleInstanceLock\(\)/.test(text), 'single-instance lock'),
  ];
}

function readElectronSources(root: string): Record<string, string> {
  const folder = join(root, 'electron');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => [join('electron', name), readFileSync(join(folder, name), 'utf8')]),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const findings = auditSources(readElectronSources(resolve(import.meta.dirname, '..')));
  for (const finding of findings) console.log(`${finding.ok ? 'ok  ' : 'FAIL'} ${finding.id.padEnd(22)} ${finding.detail}`);
  const failed = findings.filter((f) => !f.ok).length;
  console.log(failed === 0 ? `\nAll ${findings.length} checks pass.` : `\n${failed} check(s) failed.`);
  process.exitCode = failed === 0 ? 0 : 1;
}

export { readElectronSources };
