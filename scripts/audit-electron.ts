/**
 * Security audit of the Electron app, run by `npm run lint` and CI:
 *
 * 1. Electronegativity (@doyensec/electronegativity) over the main-process and
 *    preload sources with the renderer's index.html, and with `--built` (or
 *    whenever out/ exists) over the built main, preload and index.html too.
 *    Every finding must be fixed or accepted in code: on its own line with
 *    `// eng-disable CHECK_ID: reason` (electronegativity's own annotation),
 *    or, for findings without a line, in ACCEPTED_GLOBAL below. It runs
 *    offline: its translation download and Electron-release lookup are
 *    switched off here.
 * 2. The checks of our own in auditSources, kept only for what
 *    electronegativity does not test (see each one's note).
 *
 * Run: npx tsx scripts/audit-electron.ts [--built]
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface AuditFinding {
  id: string;
  ok: boolean;
  detail: string;
}

/**
 * Our own checks, for what electronegativity does not look at: it checks
 * window options, navigation and permission handlers exist, CSP in HTML,
 * openExternal, the remote module and more, but not that the app is served
 * from a custom protocol, that the CSP header is sent, that permission
 * requests are denied (not just handled), that every IPC message goes through
 * one wrapper checking sender and argument, that <webview> is blocked, the
 * single-instance lock, or the packaged binary's fuses.
 */
export function auditSources(files: Record<string, string>, builderConfig: { electronFuses?: Record<string, boolean> | null } = {}): AuditFinding[] {
  const all = Object.entries(files).filter(([path]) => !path.endsWith('.test.ts'));
  const text = all.map(([, source]) => source).join('\n');
  const check = (id: string, ok: boolean, detail: string): AuditFinding => ({ id, ok, detail });
  const fuses = builderConfig.electronFuses ?? {};
  const fuseWanted: Record<string, boolean> = {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    grantFileProtocolExtraPrivileges: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true,
  };
  return [
    check('custom-protocol', /protocol\.handle\(\s*'app'/.test(text) && !/loadFile\(|file:\/\//.test(text), 'renderer served from app://, never file://'),
    check(
      'csp-header',
      /'content-security-policy': contentSecurityPolicy\(syncOrigin\)/.test(text) && /script-src 'self'/.test(text) && !/unsafe-eval/.test(text) && !/connect-src[^;"]*\bwss?:[;"' ]/.test(text),
      "CSP header with script-src 'self' on every app:// response, and WebSockets to the household's server only",
    ),
    check('permissions-denied', /setPermissionRequestHandler\([\s\S]*?callback\(false\)/.test(text) && /setPermissionCheckHandler\(\(\) => false\)/.test(text), 'permission requests and checks denied'),
    check('ipc-sender', /isTrustedSender\(event\.senderFrame/.test(text), 'every IPC message sender checked'),
    check('ipc-validation', [...text.matchAll(/ipcMain\.(handle|on)\(/g)].length === 1 && /run\(validate\(raw\), event\)/.test(text), 'every IPC handler goes through one wrapper that validates its argument'),
    check('webview', !/webviewTag:\s*true/.test(text) && /'will-attach-webview', \(event\) => event\.preventDefault\(\)/.test(text), '<webview> off and blocked'),
    check('single-instance', /requestSingleInstanceLock\(\)/.test(text), 'single-instance lock'),
    check(
      'fuses',
      Object.entries(fuseWanted).every(([fuse, value]) => fuses[fuse] === value),
      `packaged binary fuses: ${Object.entries(fuseWanted)
        .map(([fuse, value]) => `${fuse} ${value ? 'on' : 'off'}`)
        .join(', ')}`,
    ),
  ];
}

/**
 * Findings electronegativity reports without a line to annotate, accepted
 * with the reason. Keyed by check id and the file it names (N/A for none).
 */
export const ACCEPTED_GLOBAL: Record<string, string> = {
  'CSP_GLOBAL_CHECK N/A': 'main and preload hold no CSP: the renderer has it, in index.html (audited with them) and in the header every app:// response carries (csp-header check)',
  'CSP_GLOBAL_CHECK index.html':
    "style-src keeps 'unsafe-inline' for the style attributes Svelte writes (widths of score bars, transitions); scripts are 'self' only, with no inline or eval",
};

export interface EngFinding {
  id: string;
  file: string;
  line: number;
  sample: string;
}

/** Check ids accepted in the sources with `eng-disable ID: reason` (and only with a reason). */
export function acceptedInSources(files: Record<string, string>): Set<string> {
  const ids = new Set<string>();
  for (const source of Object.values(files)) {
    for (const match of source.matchAll(/eng-disable ([A-Z_]+): \S.{4,}/g)) ids.add(match[1]);
  }
  return ids;
}

/**
 * Findings left to fix: those neither accepted inline (in the built output,
 * bundling drops comments, so an id accepted in the sources counts) nor in
 * ACCEPTED_GLOBAL.
 */
export function unaccepted(findings: EngFinding[], inline: Set<string>): EngFinding[] {
  return findings.filter((finding) => !ACCEPTED_GLOBAL[`${finding.id} ${finding.file}`] && !(finding.file !== 'N/A' && inline.has(finding.id)));
}

const require = createRequire(import.meta.url);

/** Loads electronegativity's runner with its strings read from disk, not downloaded. */
function loadElectronegativity(): (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: { id: string; file: string; location: { line: number }; sample?: string }[]; errors: { file: string; message: string; tolerable: boolean }[] }> {
  const runnerPath = require.resolve('@doyensec/electronegativity');
  const i18nPath = join(dirname(runnerPath), 'locales', 'i18n.js');
  const i18n = require(require.resolve('i18n', { paths: [dirname(runnerPath)] })) as { configure: (options: object) => void; setLocale: (locale: string) => void };
  const offline = async () => {
    i18n.configure({ locales: ['en-US'], defaultLocale: 'en-US', directory: dirname(i18nPath), updateFiles: false, objectNotation: true, register: globalThis });
    i18n.setLocale('en-US');
  };
  // Its own loader fetches translations from the network first; this one reads the bundled English.
  require.cache[i18nPath] = { id: i18nPath, filename: i18nPath, loaded: true, exports: Object.assign(offline, { default: offline }) } as unknown as NodeJS.Module;
  const runner = require(runnerPath) as { default?: unknown };
  return (runner.default ?? runner) as ReturnType<typeof loadElectronegativity>;
}

/** Runs electronegativity over one folder; returns its findings, or throws when a file cannot be parsed. */
export async function runElectronegativity(input: string, electronVersion: string): Promise<EngFinding[]> {
  const run = loadElectronegativity();
  const result = await run(
    {
      input,
      // This check downloads Electron's release list; `npm audit` and Electron upgrades cover outdated versions.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: [],
    },
    false,
  );
  const broken = result.errors.filter((error) => !error.tolerable);
  if (broken.length > 0) throw new Error(`electronegativity could not read ${broken.map((error) => `${error.file} (${error.message})`).join(', ')}`);
  return result.issues.map((issue) => ({ id: issue.id, file: issue.file, line: issue.location?.line ?? 0, sample: (issue.sample ?? '').trim().slice(0, 100) }));
}

function readElectronSources(root: string): Record<string, string> {
  const folder = join(root, 'electron');
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => [join('electron', name), readFileSync(join(folder, name), 'utf8')]),
  );
}

/** A folder holding what electronegativity should see as one app: main, preload and the renderer's page. */
function stage(parts: { from: string; to: string }[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'thirtyfold-audit-'));
  for (const part of parts) {
    const target = join(folder, part.to);
    mkdirSync(dirname(target), { recursive: true });
    if (statSync(part.from).isFile()) copyFileSync(part.from, target);
    else cpSync(part.from, target, { recursive: true, filter: (path) => !path.endsWith('.test.ts') });
  }
  return folder;
}

async function main(): Promise<number> {
  const root = resolve(import.meta.dirname, '..');
  const built = process.argv.includes('--built');
  const sources = readElectronSources(root);
  const builderConfig = require(join(root, 'electron-builder.config.cjs')) as { electronFuses?: Record<string, boolean> };
  let failed = 0;
  for (const finding of auditSources(sources, builderConfig)) {
    console.log(`${finding.ok ? 'ok  ' : 'FAIL'} ${finding.id.padEnd(22)} ${finding.detail}`);
    if (!finding.ok) failed += 1;
  }
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const inline = acceptedInSources(sources);
  const runs: { name: string; parts: { from: string; to: string }[] }[] = [
    { name: 'sources', parts: [{ from: join(root, 'electron'), to: 'electron' }, { from: join(root, 'src/index.html'), to: 'index.html' }] },
  ];
  const out = join(root, 'out');
  const builtFiles = [join(out, 'main/index.js'), join(out, 'preload/index.cjs'), join(out, 'renderer/index.html')];
  const newestSource = Math.max(...Object.keys(sources).map((path) => statSync(join(root, path)).mtimeMs), statSync(join(root, 'src/index.html')).mtimeMs);
  const fresh = builtFiles.every((file) => existsSync(file)) && Math.min(...builtFiles.map((file) => statSync(file).mtimeMs)) >= newestSource;
  if (built && !fresh) {
    console.log('FAIL the built output is missing or older than the sources: run `npm run build` first');
    return 1;
  }
  if (fresh) {
    runs.push({ name: 'built output', parts: [{ from: join(out, 'main'), to: 'main' }, { from: join(out, 'preload'), to: 'preload' }, { from: join(out, 'renderer/index.html'), to: 'index.html' }] });
  } else {
    console.log('note electronegativity audits the sources only: out/ is missing or older than them (CI audits the build with --built)');
  }
  for (const run of runs) {
    const folder = stage(run.parts);
    try {
      const findings = await runElectronegativity(folder, electronVersion);
      const open = unaccepted(findings, inline);
      console.log(`${open.length === 0 ? 'ok  ' : 'FAIL'} electronegativity (${run.name}): ${findings.length} finding(s), ${findings.length - open.length} accepted in code`);
      for (const finding of open) console.log(`     ${finding.id} ${finding.file}:${finding.line} ${finding.sample}`);
      failed += open.length;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  console.log(failed === 0 ? '\nThe Electron audit passes.' : `\n${failed} problem(s) found.`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`FAIL ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}

export { readElectronSources };
