import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../src/shared/ipc';
import { menuTemplate } from './menu';

function build(platform: NodeJS.Platform, isDev = false) {
  const sent: MenuCommand[] = [];
  const template = menuTemplate({ platform, appName: 'Thirtyfold', isDev, send: (c) => sent.push(c), about: vi.fn(), evidence: vi.fn() });
  return { template, sent };
}

function items(menu: MenuItemConstructorOptions): MenuItemConstructorOptions[] {
  return Array.isArray(menu.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  return template.flatMap(items).find((item) => item.label === label);
}

describe('application menu', () => {
  it('has File, Edit, View, Window and Help everywhere, and the app menu on macOS', () => {
    const linux = build('linux').template.map((m) => m.label ?? m.role);
    expect(linux).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help']);
    const mac = build('darwin').template.map((m) => m.label ?? m.role);
    expect(mac).toEqual(['Thirtyfold', 'File', 'Edit', 'View', 'windowMenu', 'help']);
  });

  it('puts Quit in File except on macOS, where it lives in the app menu', () => {
    expect(items(build('win32').template[0]).some((i) => i.role === 'quit')).toBe(true);
    expect(items(build('darwin').template[1]).some((i) => i.role === 'quit')).toBe(false);
    expect(items(build('darwin').template[0]).some((i) => i.role === 'quit')).toBe(true);
  });

  it('sends the app its commands with the usual accelerators', () => {
    const { template, sent } = build('linux');
    const print = find(template, 'Print…');
    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    (print?.click as () => void)();
    (find(template, 'Undo')?.click as () => void)();
    (find(template, 'Shopping')?.click as () => void)();
    expect(sent).toEqual([{ type: 'print' }, { type: 'undo' }, { type: 'navigate', view: 'shopping' }]);
    for (const label of ['New Recipe', 'Import Recipe…', 'Export Backup…', 'Restore Backup…', 'Save as PDF…', 'Redo']) {
      expect(find(template, label), label).toBeDefined();
    }
  });

  it('shows developer tools only in development', () => {
    const hasDevTools = (t: MenuItemConstructorOptions[]) => t.flatMap(items).some((i) => i.role === 'toggleDevTools');
    expect(hasDevTools(build('linux', false).template)).toBe(false);
    expect(hasDevTools(build('linux', true).template)).toBe(true);
  });
});
