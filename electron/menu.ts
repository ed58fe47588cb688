import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../src/shared/ipc';

export const VIEWS = [
  { id: 'plan', label: 'Plan' },
  { id: 'recipes', label: 'Recipes' },
  { id: 'foods', label: 'Foods' },
  { id: 'shopping', label: 'Shopping' },
  { id: 'scores', label: 'Scores' },
  { id: 'settings', label: 'Settings' },
] as const;

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  isDev: boolean;
  send: (command: MenuCommand) => void;
  about: () => void;
  evidence: () => void;
}

/** The application menu, following each platform's conventions. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, send } = options;
  const mac = platform === 'darwin';
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: options.appName,
      submenu: [
        { label: `About ${options.appName}`, click: options.about },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: mac ? 'File' : '&File',
    submenu: [
      item('New Recipe', { type: 'new-recipe' }, 'CmdOrCtrl+N'),
      item('Import Recipe…', { type: 'import-recipe' }, 'CmdOrCtrl+I'),
      { type: 'separator' },
      item('Export Backup…', { type: 'export-backup' }, 'CmdOrCtrl+Shift+E'),
      item('Restore Backup…', { type: 'restore-backup' }),
      { type: 'separator' },
      item('Print…', { type: 'print' }, 'CmdOrCtrl+P'),
      item('Save as PDF…', { type: 'save-pdf' }, 'CmdOrCtrl+Shift+P'),
      ...(mac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  });
  template.push({
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      item('Undo', { type: 'undo' }, 'CmdOrCtrl+Z'),
      item('Redo', { type: 'redo' }, mac ? 'Shift+Cmd+Z' : 'Ctrl+Y'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: mac ? 'View' : '&View',
    submenu: [
      ...VIEWS.map((view, index) => item(view.label, { type: 'navigate', view: view.id }, `CmdOrCtrl+${index + 1}`)),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.isDev ? [{ type: 'separator' } as const, { role: 'toggleDevTools' } as const, { role: 'reload' } as const] : []),
    ],
  });
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      { label: 'The Evidence Behind the Scores', click: options.evidence },
      ...(mac ? [] : [{ type: 'separator' } as const, { label: `About ${options.appName}`, click: options.about }]),
    ],
  });
  return template;
}
