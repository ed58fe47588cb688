import { DEFAULT_SERVINGS, ImportError, MAX_NAME_LENGTH, durationToMinutes, servingsFromYield, type RecipeDraft } from './draft';
import { cleanKeepingLines, cleanText } from './text';
import { printable } from '../format';
import { InflateError, gzipClaimedSize, inflateWithLimit } from './inflate';

/** Most recipes read from one export, and the most bytes one recipe may unpack to. */
const MAX_RECIPES = 20_000;
const MAX_RECIPE_BYTES = 16_000_000;
export const MAX_EXPORT_BYTES = 512_000_000;
/** Deflate cannot shrink data more than about 1032:1; a larger claim is a damaged or hostile archive. */
const MAX_DEFLATE_RATIO = 1_100;
const MAX_LINES = 1_000;
const MAX_LINE_LENGTH = 10_000;

/** True when the bytes start like a zip archive ("PK\x03\x04"), as a `.paprikarecipes` export does. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** An archive entry's name for a message: quoted, escaped and short, so the message stays one line. */
function label(name: string): string {
  return printable(JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name));
}

function field(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function lines(text: string): string[] {
  return cleanKeepingLines(text)
    .slice(0, MAX_LINES)
    .map((line) => line.slice(0, MAX_LINE_LENGTH));
}

function httpUrl(text: string): string | null {
  const url = text.trim();
  return /^https?:\/\/\S+$/i.test(url) && url.length <= 2_000 ? url : null;
}

/** Paprika writes ingredient headings as lines ending with a colon, which stay as lines. */
function paprikaRecordToDraft(record: Record<string, unknown>, entry: string): RecipeDraft {
  const name = cleanText(field(record, 'name')).slice(0, MAX_NAME_LENGTH);
  if (!name) throw new ImportError(`Paprika export: recipe ${label(entry)} has no name`);
  const servingsText = cleanText(field(record, 'servings'));
  const categories = Array.isArray(record.categories) ? record.categories : [];
  const tags: string[] = [];
  for (const category of categories) {
    const tag = typeof category === 'string' ? cleanText(category) : '';
    if (tag && tag.length <= 100 && !tags.some((t) => t.toLowerCase() === tag.toLowerCase()) && tags.length < 50) tags.push(tag);
  }
  const prepMinutes = durationToMinutes(field(record, 'prep_time'));
  const cookMinutes = durationToMinutes(field(record, 'cook_time'));
  const description = cleanText(field(record, 'description'));
  return {
    name,
    servings: servingsFromYield(servingsText) ?? DEFAULT_SERVINGS,
    ingredients: lines(field(record, 'ingredients')),
    steps: lines(field(record, 'directions')),
    tags,
    source: httpUrl(field(record, 'source_url')),
    prepMinutes,
    cookMinutes,
    totalMinutes: durationToMinutes(field(record, 'total_time')),
    description: description ? description.slice(0, 5_000) : null,
    yieldText: servingsText ? servingsText.slice(0, 200) : null,
  };
}

function readUint(bytes: Uint8Array, at: number, length: 2 | 4): number {
  let value = 0;
  for (let i = length - 1; i >= 0; i -= 1) value = value * 256 + bytes[at + i];
  return value;
}

/** One file inside a Paprika export, located from the zip's file list; its data is unpacked only when read. */
export interface PaprikaEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  dataStart: number;
  packedSize: number;
  size: number;
}

const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function readName(bytes: Uint8Array, at: number, length: number, utf8: boolean): string {
  const raw = bytes.subarray(at, at + length);
  return utf8 ? new TextDecoder('utf-8').decode(raw) : String.fromCharCode(...raw);
}

/**
 * Lists a zip's files from its end record and central directory, checking
 * every offset and size against the file before anything is unpacked: a file
 * list outside the data, sizes past the caps, more files than the cap or a
 * claimed packing ratio deflate cannot reach are refused here.
 */
function listZip(bytes: Uint8Array): PaprikaEntry[] {
  const END_SIZE = 22;
  if (bytes.length < END_SIZE) throw new ImportError('not a readable Paprika export (the file is too short)');
  const lowest = Math.max(0, bytes.length - END_SIZE - 65_535);
  let end = -1;
  for (let at = bytes.length - END_SIZE; at >= lowest; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ImportError('not a readable Paprika export (its file list is missing)');
  const count = readUint(bytes, end + 10, 2);
  const directorySize = readUint(bytes, end + 12, 4);
  const directoryStart = readUint(bytes, end + 16, 4);
  if (count > MAX_RECIPES) throw new ImportError(`not a readable Paprika export (it lists more than ${MAX_RECIPES} files)`);
  const damaged = new ImportError('not a readable Paprika export (its file list is damaged)');
  if (directoryStart + directorySize > end || directorySize < count * 46) throw damaged;
  const entries: PaprikaEntry[] = [];
  let declared = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > end || readUint(bytes, at, 4) !== CENTRAL_SIGNATURE) throw damaged;
    const flags = readUint(bytes, at + 8, 2);
    const method = readUint(bytes, at + 10, 2);
    const packedSize = readUint(bytes, at + 20, 4);
    const size = readUint(bytes, at + 24, 4);
    const nameLength = readUint(bytes, at + 28, 2);
    const extraLength = readUint(bytes, at + 30, 2);
    const commentLength = readUint(bytes, at + 32, 2);
    const localStart = readUint(bytes, at + 42, 4);
    if (at + 46 + nameLength > end) throw damaged;
    const name = readName(bytes, at + 46, nameLength, (flags & 0x800) !== 0);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    if (localStart + 30 > directoryStart || readUint(bytes, localStart, 4) !== LOCAL_SIGNATURE) throw damaged;
    const dataStart = localStart + 30 + readUint(bytes, localStart + 26, 2) + readUint(bytes, localStart + 28, 2);
    if (dataStart + packedSize > directoryStart) throw damaged;
    declared += size;
    const ratioOk = method === 0 ? size === packedSize : size <= packedSize * MAX_DEFLATE_RATIO + 1_024;
    if ((method !== 0 && method !== 8) || size > MAX_RECIPE_BYTES || !ratioOk || declared > MAX_EXPORT_BYTES) {
      throw new ImportError(`Paprika export: recipe ${label(name)} is too large or damaged`);
    }
    entries.push({ name, method, dataStart, packedSize, size });
  }
  if (at > end) throw damaged;
  return entries;
}

/** The most a packed input of `length` bytes can honestly unpack to. */
function deflateBound(length: number): number {
  return length * MAX_DEFLATE_RATIO + 1_024;
}

function unpackEntry(bytes: Uint8Array, entry: PaprikaEntry): Uint8Array {
  const packed = bytes.subarray(entry.dataStart, entry.dataStart + entry.packedSize);
  if (entry.method === 0) return packed;
  let data: Uint8Array;
  try {
    data = inflateWithLimit(packed, Math.min(entry.size, deflateBound(packed.length)));
  } catch (error) {
    if (error instanceof InflateError) throw new ImportError(`Paprika export: recipe ${label(entry.name)} is too large or damaged`);
    throw error;
  }
  if (data.length !== entry.size) throw new ImportError(`Paprika export: recipe ${label(entry.name)} is too large or damaged`);
  return data;
}

function readEntry(name: string, bytes: Uint8Array): Record<string, unknown> {
  let json: Uint8Array = bytes;
  // Entries are gzipped JSON; accept plain JSON too.
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const unreadable = new ImportError(`Paprika export: recipe ${label(name)} is not readable gzip data`);
    // The trailer's size is only a claim: the inflater is stopped once it passes it (or the caps).
    const claimed = bytes.length >= 18 ? gzipClaimedSize(bytes) : -1;
    if (claimed < 0 || claimed > MAX_RECIPE_BYTES || claimed > deflateBound(bytes.length)) throw unreadable;
    try {
      json = inflateWithLimit(bytes, claimed, 'gzip');
    } catch (error) {
      if (error instanceof InflateError) throw unreadable;
      throw error;
    }
  }
  if (json.length > MAX_RECIPE_BYTES) throw new ImportError(`Paprika export: recipe ${label(name)} is too large`);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8').decode(json));
  } catch {
    throw new ImportError(`Paprika export: recipe ${label(name)} is not valid JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError(`Paprika export: recipe ${label(name)} is not a recipe object`);
  }
  return value as Record<string, unknown>;
}

/** Reads one recipe file of Paprika (`.paprikarecipe`: gzipped JSON, or plain JSON). */
export function parsePaprikaRecipeFile(bytes: Uint8Array, name = 'recipe'): RecipeDraft {
  return paprikaRecordToDraft(readEntry(name, bytes), name);
}

/**
 * Opens a Paprika export (`.paprikarecipes`: a zip holding one gzipped JSON
 * file per recipe): checks the archive and lists its recipes without unpacking
 * them. Throws ImportError for a file that is not such an archive, is damaged,
 * or passes the caps (20,000 recipes, 16 MB a recipe, 512 MB in all).
 */
export function openPaprikaExport(bytes: Uint8Array): PaprikaEntry[] {
  if (!isZip(bytes)) throw new ImportError('not a Paprika export (the file is not a zip archive)');
  const entries = listZip(bytes);
  if (entries.length === 0) throw new ImportError('the Paprika export holds no recipes');
  return entries;
}

/**
 * Reads one recipe of an export opened by openPaprikaExport, unpacking it with
 * a hard output limit. Throws ImportError naming the recipe when it is broken.
 */
export function readPaprikaEntry(bytes: Uint8Array, entry: PaprikaEntry): RecipeDraft {
  return parsePaprikaRecipeFile(unpackEntry(bytes, entry), entry.name);
}

/**
 * Reads a Paprika export into drafts, in the archive's order. Throws
 * ImportError for a file that is not such an archive or holds a broken recipe.
 */
export function parsePaprikaExport(bytes: Uint8Array): RecipeDraft[] {
  return openPaprikaExport(bytes).map((entry) => readPaprikaEntry(bytes, entry));
}
