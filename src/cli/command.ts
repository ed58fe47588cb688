/** A command-line command: arguments in, JSON-serialisable result out. */
export type Command = (args: string[], io: { stdin: () => string }) => Promise<unknown> | unknown;

/** Bad input from the user: exits 2 with this one-line message. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Reads a file for a command, turning a missing or unreadable file into a CliError. */
export async function readInputFile(path: string | undefined, what: string): Promise<string> {
  if (!path) throw new CliError(`missing ${what} (try --help)`);
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}`);
  }
}
