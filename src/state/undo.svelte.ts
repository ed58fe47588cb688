import { attempt, notices } from './notices.svelte';

interface UndoEntry {
  label: string;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
}

/** Undo and redo for the app's own actions (delete meal, clear week, delete recipe …). */
export class UndoStack {
  #done = $state<UndoEntry[]>([]);
  #undone = $state<UndoEntry[]>([]);

  readonly canUndo = $derived(this.#done.length > 0);
  readonly canRedo = $derived(this.#undone.length > 0);
  readonly undoLabel = $derived(this.#done.at(-1)?.label ?? null);

  /** Records an action that has just been done, and offers Undo in a notice. */
  push(label: string, undo: () => Promise<void>, redo: () => Promise<void>): void {
    this.#done = [...this.#done.slice(-49), { label, undo, redo }];
    this.#undone = [];
    notices.info(label, { label: 'Undo', run: () => this.undo() });
  }

  async undo(): Promise<void> {
    const entry = this.#done.at(-1);
    if (!entry) return;
    this.#done = this.#done.slice(0, -1);
    await attempt(`Could not undo "${entry.label}"`, entry.undo);
    this.#undone = [...this.#undone, entry];
  }

  async redo(): Promise<void> {
    const entry = this.#undone.at(-1);
    if (!entry) return;
    this.#undone = this.#undone.slice(0, -1);
    await attempt(`Could not redo "${entry.label}"`, entry.redo);
    this.#done = [...this.#done, entry];
  }
}

export const undoStack = new UndoStack();
