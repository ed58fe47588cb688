import type { Platform, PickedFile } from './platform';

const version = import.meta.env?.VITE_APP_VERSION ?? '0.1.0';

/** The browser implementation: window.print, Blob downloads and a file input. */
export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    info: async () => ({
      name: 'Thirtyfold',
      version,
      platform: 'browser',
      dataFolder: `this browser's storage for ${location.origin}`,
    }),
    async print() {
      window.print();
    },
    async savePdf() {
      // The browser's print dialog offers "Save as PDF".
      window.print();
      return null;
    },
    openFile(options) {
      return new Promise<PickedFile | null>((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = options.filters.flatMap((f) => f.extensions.map((e) => (e === '*' ? '*/*' : `.${e}`))).join(',');
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          file.arrayBuffer().then((buffer) => resolve({ name: file.name, bytes: new Uint8Array(buffer) }), reject);
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      });
    },
    async saveFile(options) {
      const blob = new Blob([options.text], { type: options.mime ?? 'text/plain;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = options.suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return options.suggestedName;
    },
    fetchPage: null,
    backups: null,
    onMenu: () => () => {},
    takeOpenedFiles: async () => [],
    allowSyncServer: async () => ({ reload: false }),
  };
}
