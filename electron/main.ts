import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { fetchPage } from './fetch-page';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { IpcChannel, IpcContract, MenuCommand } from '../src/shared/ipc';
import { MENU_CHANNEL } from '../src/shared/ipc';
import { menuTemplate } from './menu';
import { contentSecurityPolicy, mimeType, resolveAppPath } from './protocol';
import { nextSyncOrigin, readSyncOrigin, writeSyncOrigin } from './sync-server';
import { listBackups, localDay, readBackup, writeBackup } from './backups';
import { readPickedFile } from './files';
import { filesFromArgv } from './open-files';
import { testOverrides } from './test-env';
import {
  IpcArgumentError,
  isAppUrl,
  isTrustedSender,
  validateBackupRead,
  validateBackupWrite,
  validateEmpty,
  validateFetchPage,
  validateOpenFile,
  validateSaveFile,
  validateSavePdf,
  validateSyncServer,
} from './validate';
import { MIN_HEIGHT, MIN_WIDTH, readWindowState, writeWindowState } from './window-state';

const APP_URL = 'app://thirtyfold/index.html';
const overrides = testOverrides(process.env, app.isPackaged);
const devServerUrl = overrides.devServerUrl;
const rendererRoot = join(__dirname, '../renderer');

protocol.registerSchemesAsPrivileged([
  // codeCache: V8 keeps the compiled scripts of app:// between starts, as a browser does for cached https scripts.
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
]);

if (overrides.userData) app.setPath('userData', overrides.userData);

let mainWindow: BrowserWindow | null = null;

/** Files the system asked the app to open, waiting for the renderer to take them (app:take-opened-files). */
const openedFiles: string[] = filesFromArgv(process.argv, app.isPackaged, process.cwd());

/** Tells the page that files are waiting, once it is loaded (until then it takes them when it starts). */
function announceOpenedFiles(): void {
  if (openedFiles.length > 0 && mainWindow && !mainWindow.webContents.isLoading()) send({ type: 'opened-files' });
}

// macOS hands files over by this event, also before the app is ready.
app.on('open-file', (event, path) => {
  event.preventDefault();
  openedFiles.push(path);
  announceOpenedFiles();
});

function send(command: MenuCommand): void {
  mainWindow?.webContents.send(MENU_CHANNEL, command);
}

/** The household's sync server, the only one the page's policy lets it reach (null: none); read when the app is ready. */
let syncOrigin: string | null = null;
const syncOriginPath = () => join(app.getPath('userData'), 'sync-server.json');

function serveApp(): void {
  syncOrigin = readSyncOrigin(syncOriginPath());
  protocol.handle('app', async (request) => {
    const path = resolveAppPath(request.url, rendererRoot);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(path);
      return new Response(body, {
        headers: { 'content-type': mimeType(path), 'content-security-policy': contentSecurityPolicy(syncOrigin) },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The recipe editor holds the window open while it has unsaved edits: ask before losing them.
    contents.on('will-prevent-unload', (event) => {
      const window = BrowserWindow.fromWebContents(contents);
      const options = {
        type: 'question' as const,
        buttons: ['Discard changes', 'Keep editing'],
        defaultId: 1,
        cancelId: 1,
        title: 'Unsaved changes',
        message: 'The recipe you are editing has unsaved changes.',
        detail: 'Close anyway and lose them?',
      };
      const choice = window ? dialog.showMessageBoxSync(window, options) : dialog.showMessageBoxSync(options);
      if (choice === 0) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      // Links the user clicks open in their browser, and only http(s) ones.
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: only http(s) links the user clicked, opened in their browser
      return { action: 'deny' };
    });
  });
}

function handle<C extends IpcChannel>(
  channel: C,
  validate: (value: unknown) => IpcContract[C]['request'],
  run: (request: IpcContract[C]['request'], event: IpcMainInvokeEvent) => Promise<IpcContract[C]['response']> | IpcContract[C]['response'],
): void {
  ipcMain.handle(channel, (event, raw: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url, devServerUrl)) throw new IpcArgumentError('message from an untrusted page');
    return run(validate(raw), event);
  });
}

function registerIpc(): void {
  handle('app:info', validateEmpty, () => ({
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    dataFolder: app.getPath('userData'),
  }));
  handle('app:print', validateEmpty, (_request, event) => {
    return new Promise<boolean>((resolve) => {
      event.sender.print({ printBackground: false }, (success) => resolve(success));
    });
  });
  handle('app:save-pdf', validateSavePdf, async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const target = overrides.pdfPath
      ? { canceled: false, filePath: overrides.pdfPath }
      : await dialog.showSaveDialog(window!, {
          title: request.title,
          defaultPath: join(app.getPath('documents'), request.suggestedName),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
    if (target.canceled || !target.filePath) return { path: null };
    const pdf = await event.sender.printToPDF({ pageSize: request.pageSize, landscape: request.landscape, printBackground: false });
    await writeFile(target.filePath, pdf);
    return { path: target.filePath };
  });
  handle('app:open-file', validateOpenFile, async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const result = await dialog.showOpenDialog(window!, { title: request.title, filters: request.filters, properties: ['openFile'] });
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    const bytes = await readPickedFile(path);
    app.addRecentDocument(path);
    return { name: basename(path), path, bytes };
  });
  handle('app:save-file', validateSaveFile, async (request, event) => {
    const window = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const result = await dialog.showSaveDialog(window!, {
      title: request.title,
      defaultPath: join(app.getPath('documents'), request.suggestedName),
      filters: request.filters,
    });
    if (result.canceled || !result.filePath) return { path: null };
    await writeFile(result.filePath, request.text, 'utf8');
    app.addRecentDocument(result.filePath);
    return { path: result.filePath };
  });
}

function backupFolder(): string {
  return join(app.getPath('userData'), 'backups');
}

function registerBackupIpc(): void {
  handle('app:backup-write', (value) => validateBackupWrite(value, localDay(new Date())), (request) => writeBackup(backupFolder(), request.day, request.text));
  handle('app:backup-list', validateEmpty, () => listBackups(backupFolder()));
  handle('app:backup-read', validateBackupRead, (request) => readBackup(backupFolder(), request.name));
  handle('app:fetch-page', validateFetchPage, (request) => fetchPage(request.url));
  handle('app:take-opened-files', validateEmpty, async () => {
    const paths = openedFiles.splice(0);
    return Promise.all(paths.map(async (path) => ({ name: basename(path), path, bytes: await readPickedFile(path) })));
  });
  handle('app:sync-server', validateSyncServer, ({ server }) => {
    const next = nextSyncOrigin(syncOrigin, server);
    if (next.origin !== syncOrigin) writeSyncOrigin(syncOriginPath(), next.origin);
    syncOrigin = next.origin;
    return { reload: next.reload };
  });
}

function createWindow(): void {
  const statePath = join(app.getPath('userData'), 'window-state.json');
  const state = readWindowState(statePath);
  mainWindow = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    backgroundColor: '#f7f5ef',
    title: 'Thirtyfold',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK: sandboxed; exposes one object that invokes only the listed app:* channels
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
      // A middle click would otherwise open links in a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.webContents.on('did-finish-load', announceOpenedFiles);
  const save = () => {
    if (!mainWindow) return;
    writeWindowState(statePath, { ...mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  };
  mainWindow.on('close', save);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(devServerUrl ?? APP_URL);
}

function showAbout(): void {
  void dialog.showMessageBox({
    type: 'info',
    title: 'About Thirtyfold',
    message: `Thirtyfold ${app.getVersion()}`,
    detail: `A meal planner for gut diversity. Everything stays on this computer.\n\nData folder: ${app.getPath('userData')}`,
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openedFiles.push(...filesFromArgv(argv, app.isPackaged, workingDirectory));
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    announceOpenedFiles();
  });
  app.whenReady().then(() => {
    serveApp();
    lockDown();
    registerIpc();
    registerBackupIpc();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          appName: 'Thirtyfold',
          isDev: !app.isPackaged,
          send,
          about: showAbout,
          evidence: () => send({ type: 'navigate', view: 'scores/evidence' }),
        }),
      ),
    );
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  }, (error: unknown) => {
    dialog.showErrorBox('Thirtyfold could not start', String(error));
    app.quit();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
