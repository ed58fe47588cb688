import { open, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** The largest file main reads for the renderer (as much as an import or restore can use). */
export const MAX_OPEN_FILE_BYTES = 512_000_000;

/** Thrown for a file main will not hand to the renderer; the message is one line for the user. */
export class OpenFileError extends Error {
  override name = 'OpenFileError';
}

/**
 * Reads a file the user picked, refusing it before reading when it is not a
 * plain file or is larger than `maxBytes`, so oversized data never crosses IPC.
 */
export async function readPickedFile(path: string, maxBytes = MAX_OPEN_FILE_BYTES): Promise<Uint8Array> {
  const info = await stat(path);
  if (!info.isFile()) throw new OpenFileError('this is not a file');
  if (info.size > maxBytes) throw new OpenFileError(`the file is larger than ${Math.floor(maxBytes / 1_000_000)} MB`);
  const handle = await open(path, 'r');
  try {
    // Read at most one byte past the limit: a file that grew after stat is caught too.
    const buffer = new Uint8Array(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new OpenFileError(`the file is larger than ${Math.floor(maxBytes / 1_000_000)} MB`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that it is on disk before it replaces the old one: to a
 * temporary file, flushed with fsync, renamed over the target, and the folder
 * flushed too (where the system allows it), so a crash or power cut leaves the
 * old file or the new one, never a torn one.
 */
export async function writeFileDurably(target: string, text: string): Promise<void> {
  const temporary = `${target}.partial`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, target);
  await syncFolder(dirname(target));
}

async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
