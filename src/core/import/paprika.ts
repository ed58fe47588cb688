import { gunzipSync, unzipSync } from 'fflate';
import { DEFAULT_SERVINGS, ImportError, MAX_NAME_LENGTH, durationToMinutes, servingsFromYield, type RecipeDraft } from './draft';
import { cleanKeepingLines, cleanText } from './text';
import { printable } from '../format';

/** Most recipes read from one export, and the most bytes one recipe may unpack to. */
const MAX_RECIPES = 20_000;
const MAX_RECIPE_BYTES = 16_000_000;
const MAX_EXPORT_BYTES = 512_000_000;
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

/**
 * Checks the zip's end record before fflate reads it: present, with a central
 * directory inside the file and a sane number of entries. Damaged archives
 * otherwise make the reader walk far outside the data.
 */
function zipDirectoryProblem(bytes: Uint8Array): string | null {
  const END_SIZE = 22;
  if (bytes.length < END_SIZE) return 'the file is too short';
  const lowest = Math.max(0, bytes.length - END_SIZE - 65_535);
  for (let at = bytes.length - END_SIZE; at >= lowest; at -= 1) {
    if (bytes[at] !== 0x50 || bytes[at + 1] !== 0x4b || bytes[at + 2] !== 0x05 || bytes[at + 3] !== 0x06) continue;
    const entries = readUint(bytes, at + 10, 2);
    const directorySize = readUint(bytes, at + 12, 4);
    const directoryStart = readUint(bytes, at + 16, 4);
    if (entries > MAX_RECIPES) return `it lists more than ${MAX_RECIPES} files`;
    if (directoryStart + directorySize > at || directorySize < entries * 46) return 'its file list is damaged';
    return null;
  }
  return 'its file list is missing';
}

function readEntry(name: string, bytes: Uint8Array): Record<string, unknown> {
  let json: Uint8Array = bytes;
  // Entries are gzipped JSON; accept plain JSON too.
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // gunzip allocates the size the trailer claims: check it first.
    const claimed = bytes.length >= 18 ? readUint(bytes, bytes.length - 4, 4) : -1;
    if (claimed < 0 || claimed > MAX_RECIPE_BYTES || claimed > bytes.length * MAX_DEFLATE_RATIO + 1_024) {
      throw new ImportError(`Paprika export: recipe ${label(name)} is not readable gzip data`);
    }
    try {
      json = gunzipSync(bytes);
    } catch {
      throw new ImportError(`Paprika export: recipe ${label(name)} is not readable gzip data`);
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
 * Reads a Paprika export (`.paprikarecipes`: a zip holding one gzipped JSON
 * file per recipe) into drafts, in the archive's order. Throws ImportError for
 * a file that is not such an archive or holds a broken recipe.
 */
export function parsePaprikaExport(bytes: Uint8Array): RecipeDraft[] {
  if (!isZip(bytes)) throw new ImportError('not a Paprika export (the file is not a zip archive)');
  const problem = zipDirectoryProblem(bytes);
  if (problem) throw new ImportError(`not a readable Paprika export (${problem})`);
  let files: Record<string, Uint8Array>;
  let refused: string | null = null;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      // Sizes come from the archive itself: refuse before fflate allocates them.
      filter: (file) => {
        if (file.name.endsWith('/') || refused !== null) return false;
        declared += file.originalSize;
        const ratioOk = file.compression === 0 ? file.originalSize === file.size : file.originalSize <= file.size * MAX_DEFLATE_RATIO + 1_024;
        if (file.originalSize > MAX_RECIPE_BYTES || !ratioOk || declared > MAX_EXPORT_BYTES) refused = file.name;
        return refused === null;
      },
    });
  } catch (error) {
    throw new ImportError(`not a readable Paprika export: ${(error as Error).message.split('\n')[0]}`);
  }
  if (refused !== null) throw new ImportError(`Paprika export: recipe ${label(refused)} is too large or damaged`);
  const names = Object.keys(files).filter((name) => !name.startsWith('__MACOSX/'));
  if (names.length === 0) throw new ImportError('the Paprika export holds no recipes');
  if (names.length > MAX_RECIPES) throw new ImportError(`the Paprika export holds more than ${MAX_RECIPES} recipes`);
  return names.map((name) => paprikaRecordToDraft(readEntry(name, files[name]), name));
}
