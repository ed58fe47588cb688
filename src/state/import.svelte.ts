import { formatCount } from '../core/format';
import {
  ImportError,
  detectImportFile,
  detectImportText,
  draftToRecipe,
  leftOutNotice,
  openPaprikaExport,
  parsePaprikaRecipeFile,
  parsePlainTextRecipe,
  readPaprikaEntry,
  readRecipesFromHtml,
  readRecipesFromJsonLd,
  type ImportSource,
  type RecipeDraft,
  type RecipesRead,
} from '../core/import';
import type { Recipe } from '../core/types';
import { platform, type PickedFile } from '../platform';
import { addRecipes, putRecipesAndMeals, removeRecipes, type RecipesAndMeals } from '../db/recipe-repository';
import { backup } from './backup.svelte';
import { db } from './database';
import { newId, nowIso } from './ids';
import { attempt } from './notices.svelte';
import { router } from './router.svelte';
import { undoStack } from './undo.svelte';

export type ImportTab = 'url' | 'file' | 'paste';

/** Overrides the review sets: a chosen food id, or null for "not a food". */
export type LineChoices = Record<number, { food: string | null }>;

/** One recipe found, as the review step shows and edits it. */
export interface ReviewRecipe {
  key: number;
  draft: RecipeDraft;
  name: string;
  servings: number;
  include: boolean;
  choices: LineChoices;
}

/** Work in progress: "Reading 120 of 480…". */
export interface ImportProgress {
  done: number;
  total: number;
  label: string;
}

const FILE_FILTERS = [
  { name: 'Recipe pages, Paprika exports and text', extensions: ['html', 'htm', 'paprikarecipes', 'paprikarecipe', 'txt', 'json'] },
  { name: 'All files', extensions: ['*'] },
];
/** Recipes read between two repaints of the progress line. */
const CHUNK = 20;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function all(drafts: RecipeDraft[]): RecipesRead {
  return { drafts, total: drafts.length };
}

/**
 * The recipe import dialog: read recipes from a web address, a file (saved
 * page, Paprika export, text) or pasted text; review each recipe's lines and
 * the foods they matched; save them all in one transaction with Undo.
 */
export class ImportState {
  open = $state(false);
  tab = $state<ImportTab>('file');
  step = $state<'source' | 'review'>('source');
  busy = $state(false);
  progress = $state<ImportProgress | null>(null);
  error = $state<string | null>(null);
  /** Where the recipes came from, for the review heading ("lentil-soup.html"). */
  sourceName = $state('');
  /** Recipes a Paprika export held that could not be read. */
  skipped = $state<string[]>([]);
  /** Said when the source held more recipes than one import reads ("read 100 of 90,000 recipes; …"). */
  leftOut = $state<string | null>(null);
  items = $state<ReviewRecipe[]>([]);
  url = $state('');
  pasted = $state('');
  readonly canFetch = platform.fetchPage !== null;
  readonly chosen = $derived(this.items.filter((item) => item.include));
  #key = 0;
  #hosts = $state<number[]>([]);
  #nextHost = 1;

  /** The one mounted ImportDialog that renders (several may be mounted; only the first shows). */
  readonly activeHost = $derived(this.#hosts[0] ?? null);

  registerHost(): number {
    const id = this.#nextHost++;
    this.#hosts = [...this.#hosts, id];
    return id;
  }

  unregisterHost(id: number): void {
    this.#hosts = this.#hosts.filter((host) => host !== id);
  }

  /** Opens the dialog at its first step. */
  show(tab: ImportTab = this.canFetch ? 'url' : 'file'): void {
    this.reset();
    this.tab = tab;
    this.open = true;
  }

  close(): void {
    if (this.busy) return;
    this.open = false;
    this.reset();
  }

  reset(): void {
    this.step = 'source';
    this.error = null;
    this.progress = null;
    this.items = [];
    this.skipped = [];
    this.leftOut = null;
    this.sourceName = '';
  }

  back(): void {
    this.step = 'source';
    this.error = null;
  }

  async #run(work: () => Promise<RecipesRead>, source: string): Promise<void> {
    this.busy = true;
    this.error = null;
    this.skipped = [];
    this.leftOut = null;
    try {
      const read = await work();
      const drafts = read.drafts;
      this.sourceName = source;
      this.leftOut = leftOutNotice(read);
      this.items = drafts.map((draft) => ({
        key: this.#key++,
        draft,
        name: draft.name,
        servings: draft.servings,
        include: draft.ingredients.length > 0 || drafts.length === 1,
        choices: {},
      }));
      this.step = 'review';
    } catch (error) {
      this.error = error instanceof ImportError ? `${source}: ${error.message}.` : `${source}: ${message(error)}`;
    } finally {
      this.busy = false;
      this.progress = null;
    }
  }

  /** Fetches a recipe page (desktop) and reads its schema.org recipes. */
  async fromUrl(address: string): Promise<void> {
    const url = address.trim();
    if (!/^https?:\/\/\S+$/i.test(url)) {
      this.error = 'Enter a web address starting with http:// or https://.';
      return;
    }
    const fetchPage = platform.fetchPage;
    if (!fetchPage) {
      this.error = "This browser cannot fetch pages: paste the page's HTML or open a saved page.";
      return;
    }
    await this.#run(async () => {
      this.progress = { done: 0, total: 0, label: `Fetching ${url}…` };
      const page = await fetchPage(url);
      const read = readRecipesFromHtml(page.html);
      return { ...read, drafts: read.drafts.map((draft) => ({ ...draft, source: draft.source ?? page.url })) };
    }, url);
  }

  /** Asks for a file and reads it. */
  async chooseFile(): Promise<void> {
    let file: PickedFile | null;
    try {
      file = await platform.openFile({ title: 'Import recipes', filters: FILE_FILTERS });
    } catch (error) {
      // The desktop refuses some files before reading them (too large, not a file); its reason follows the channel name.
      this.error = `The file could not be opened: ${message(error).replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '')}.`;
      return;
    }
    if (file) await this.fromFile(file);
  }

  /**
   * Reads recipes from a file, telling its kind by its content (the same
   * detection as the command line): zip → Paprika export, gzip → one Paprika
   * recipe, HTML → JSON-LD, else text; binary data is refused. A backup goes
   * to the restore flow and a week plan onto the week on screen.
   */
  async fromFile(file: PickedFile): Promise<void> {
    this.tab = 'file';
    let source: ImportSource;
    try {
      source = detectImportFile(file.bytes);
    } catch (error) {
      this.error = `${file.name}: ${message(error)}.`;
      return;
    }
    if (source.kind === 'paprika') {
      await this.#run(() => this.#readPaprika(file.bytes), file.name);
      return;
    }
    if (source.kind === 'paprika-recipe') {
      await this.#run(async () => all([parsePaprikaRecipeFile(file.bytes, file.name)]), file.name);
      return;
    }
    if (source.kind === 'backup') {
      this.open = false;
      this.reset();
      await backup.prepareRestore(source.text, file.name);
      return;
    }
    if (source.kind === 'plan') {
      this.open = false;
      this.reset();
      await attempt('Could not import the week', () => backup.importWeek(source.text, file.name));
      return;
    }
    await this.#run(async () => this.#readSource(source), file.name);
  }

  /** Reads pasted text: HTML or JSON-LD of a recipe page, or a plain-text recipe. */
  async fromText(text: string): Promise<void> {
    if (!text.trim()) {
      this.error = 'Paste a recipe first: its title, ingredients and steps, or the HTML of its page.';
      return;
    }
    await this.#run(async () => this.#readSource(detectImportText(text)), 'Pasted text');
  }

  /** Recipes from a source that is text (a file's or pasted); backups and week plans have their own flows. */
  #readSource(source: ImportSource): RecipesRead {
    switch (source.kind) {
      case 'backup':
        throw new ImportError('this is a Thirtyfold backup: restore it from Settings → Your data');
      case 'plan':
        throw new ImportError('this is a week plan file: import it from Settings → Your data');
      case 'json-ld':
        return readRecipesFromJsonLd(source.value);
      case 'html':
        return readRecipesFromHtml(source.text);
      case 'text':
        return all([parsePlainTextRecipe(source.text)]);
      default:
        throw new ImportError('this is a Paprika file: open it as a file, not as text');
    }
  }

  /** A Paprika export, recipe by recipe so the dialog can show progress; broken recipes are skipped and listed. */
  async #readPaprika(bytes: Uint8Array): Promise<RecipesRead> {
    this.progress = { done: 0, total: 0, label: 'Opening the Paprika export…' };
    await nextFrame();
    const entries = openPaprikaExport(bytes);
    const drafts: RecipeDraft[] = [];
    const skipped: string[] = [];
    for (let i = 0; i < entries.length; i += 1) {
      if (i % CHUNK === 0) {
        this.progress = { done: i, total: entries.length, label: `Reading ${formatCount(i)} of ${formatCount(entries.length)}…` };
        await nextFrame();
      }
      try {
        drafts.push(readPaprikaEntry(bytes, entries[i]));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        skipped.push(error.message);
      }
    }
    this.skipped = skipped;
    if (drafts.length === 0) throw new ImportError(skipped[0] ?? 'the Paprika export holds no readable recipes');
    return all(drafts);
  }

  /** Sets or clears the food chosen for one line of one recipe. */
  choose(key: number, line: number, food: string | null | undefined): void {
    const item = this.items.find((candidate) => candidate.key === key);
    if (!item) return;
    const choices = { ...item.choices };
    if (food === undefined) delete choices[line];
    else choices[line] = { food };
    item.choices = choices;
  }

  setAll(include: boolean): void {
    for (const item of this.items) item.include = include;
  }

  /** Saves the chosen recipes in one transaction, with Undo; returns their ids. */
  async save(): Promise<string[]> {
    const now = nowIso();
    const rows: Recipe[] = this.chosen.map((item) => {
      const draft = $state.snapshot(item.draft) as RecipeDraft;
      const name = item.name.trim() || draft.name;
      const servings = Number.isFinite(item.servings) && item.servings > 0 ? item.servings : draft.servings;
      const recipe = draftToRecipe({ ...draft, name, servings }, { id: newId('recipe'), now });
      const choices = $state.snapshot(item.choices) as LineChoices;
      const ingredients = recipe.ingredients.map((line, index) => (choices[index] ? { ...line, food: choices[index].food } : line));
      return { ...recipe, ingredients };
    });
    if (rows.length === 0) {
      this.error = 'Tick at least one recipe to save.';
      return [];
    }
    this.busy = true;
    try {
      await addRecipes(db, rows);
    } finally {
      this.busy = false;
    }
    const ids = rows.map((row) => row.id);
    // Undo takes the recipes out with any meal planned from them since; Redo puts both back.
    let taken: RecipesAndMeals = { recipes: rows, meals: [] };
    undoStack.push(
      rows.length === 1 ? `Imported "${rows[0].name}"` : `Imported ${rows.length} recipes`,
      async () => {
        taken = await removeRecipes(db, ids);
      },
      () => putRecipesAndMeals(db, taken),
    );
    this.open = false;
    this.reset();
    router.go('recipes', ...(rows.length === 1 ? [ids[0]] : []));
    return ids;
  }

  /**
   * Files the system opened with the app (a double-clicked backup or Paprika
   * export): the first goes where a dropped file goes; more at once are named.
   */
  async openPending(): Promise<void> {
    const files = await platform.takeOpenedFiles();
    if (files.length === 0) return;
    await this.openDropped(files[0]);
    if (files.length > 1 && this.open && !this.error) {
      this.error = `Opened ${files[0].name}; open the other ${files.length - 1 === 1 ? 'file' : `${files.length - 1} files`} one at a time (${files
        .slice(1, 4)
        .map((file) => file.name)
        .join(', ')}${files.length > 4 ? ', …' : ''}).`;
    }
  }

  /** A file dropped on the window: the import dialog opens for recipes; backups and week plans go their own way. */
  async openDropped(file: PickedFile): Promise<void> {
    if (this.busy) return;
    if (!this.open) this.show('file');
    await this.fromFile(file);
  }
}

export const importer = new ImportState();
