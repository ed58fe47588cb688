import type { MenuCommand } from '../shared/ipc';

type Listener = (command: MenuCommand) => void;

/** Application-menu commands (print, save PDF, new recipe …) for whichever view is showing. */
export class MenuBus {
  // Listeners are bookkeeping, not state any view renders.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #listeners = new Set<Listener>();

  /** Listens while a view is mounted; returns the unsubscribe function for `$effect`. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(command: MenuCommand): void {
    for (const listener of this.#listeners) listener(command);
  }
}

export const menuBus = new MenuBus();
