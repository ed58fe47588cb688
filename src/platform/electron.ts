import type { DesktopApi } from '../shared/ipc';
import type { Platform } from './platform';

/** The desktop implementation: every call goes through `window.desktop` to the main process. */
export function electronPlatform(desktop: DesktopApi): Platform {
  return {
    kind: 'desktop',
    info: () => desktop.invoke('app:info', undefined),
    async print() {
      await desktop.invoke('app:print', undefined);
    },
    async savePdf(options) {
      const result = await desktop.invoke('app:save-pdf', {
        title: options.title,
        suggestedName: options.suggestedName,
        pageSize: options.pageSize,
        landscape: options.landscape ?? false,
      });
      return result.path;
    },
    openFile: (options) => desktop.invoke('app:open-file', options),
    async saveFile(options) {
      const result = await desktop.invoke('app:save-file', {
        title: options.title,
        suggestedName: options.suggestedName,
        filters: options.filters,
        text: options.text,
      });
      return result.path;
    },
    fetchPage: (url) => desktop.invoke('app:fetch-page', { url }),
    backups: {
      write: (text, day) => desktop.invoke('app:backup-write', { text, day }),
      list: () => desktop.invoke('app:backup-list', undefined),
      read: (name) => desktop.invoke('app:backup-read', { name }),
    },
    onMenu: (listener) => desktop.onMenu(listener),
    takeOpenedFiles: () => desktop.invoke('app:take-opened-files', undefined),
    allowSyncServer: (server) => desktop.invoke('app:sync-server', { server }),
  };
}
