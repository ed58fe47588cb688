/** What the test suites may set through the environment; a packaged app ignores it all. */
export interface TestOverrides {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL). */
  devServerUrl: string | undefined;
  /** A fresh data folder per test run (THIRTYFOLD_USER_DATA). */
  userData: string | undefined;
  /** Where "Save as PDF" writes without a dialog (THIRTYFOLD_PDF_PATH). */
  pdfPath: string | undefined;
}

/** Reads the test-only variables, only when the app is not packaged. */
export function testOverrides(env: Record<string, string | undefined>, isPackaged: boolean): TestOverrides {
  if (isPackaged) return { devServerUrl: undefined, userData: undefined, pdfPath: undefined };
  const value = (name: string) => (env[name] ? env[name] : undefined);
  return { devServerUrl: value('ELECTRON_RENDERER_URL'), userData: value('THIRTYFOLD_USER_DATA'), pdfPath: value('THIRTYFOLD_PDF_PATH') };
}
