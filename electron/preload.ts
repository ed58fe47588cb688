import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS, MENU_CHANNEL, type DesktopApi, type MenuCommand } from '../src/shared/ipc';

const channels = new Set<string>(IPC_CHANNELS);

const desktop: DesktopApi = {
  invoke(channel, request) {
    if (!channels.has(channel)) return Promise.reject(new Error(`Unknown channel ${String(channel)}`));
    return ipcRenderer.invoke(channel, request);
  },
  onMenu(listener) {
    const handler = (_event: Electron.IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('desktop', desktop);
