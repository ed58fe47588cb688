import { extname, isAbsolute, resolve } from 'node:path';

/** The extensions the app is registered to open (electron-builder's fileAssociations). */
export const ASSOCIATED_EXTENSIONS = ['.thirtyfold', '.paprikarecipes', '.paprikarecipe'];

/**
 * The files a command line asks the app to open: the arguments after the
 * executable (and, unpackaged, after the app folder) that are not switches
 * and end in an associated extension, made absolute against `workingDirectory`.
 * Used for the first start (process.argv) and for a second instance's argv.
 */
export function filesFromArgv(argv: readonly string[], isPackaged: boolean, workingDirectory: string): string[] {
  const args = argv.slice(isPackaged ? 1 : 2);
  const files: string[] = [];
  let afterDashes = false;
  for (const arg of args) {
    if (arg === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && arg.startsWith('-')) continue;
    if (!ASSOCIATED_EXTENSIONS.includes(extname(arg).toLowerCase())) continue;
    files.push(isAbsolute(arg) ? arg : resolve(workingDirectory, arg));
  }
  return files;
}
