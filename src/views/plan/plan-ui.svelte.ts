/** What the planner's dialogs act on: one meal, a day, or a recipe to add. */
export type PlanDialog =
  | { kind: 'move' | 'copy' | 'leftover' | 'repeat'; mealId: string; title: string; date: string; slot: string }
  | { kind: 'copy-day'; date: string; title: string }
  | { kind: 'add-recipe'; recipeId: string; title: string; date: string; slot: string };

/** Planner view state that is not data: the open add box, the open dialog, a live message for screen readers. */
export class PlanUi {
  /** "date|slot" of the cell whose add box is open. */
  openCell = $state<string | null>(null);
  /** Text the add box opens with (the key typed on the cell). */
  openText = $state('');
  dialog = $state<PlanDialog | null>(null);
  /** Where the focus goes back to when the dialog closes. */
  returnTo: HTMLElement | null = null;
  announcement = $state('');

  open(date: string, slot: string, text = ''): void {
    this.openText = text;
    this.openCell = `${date}|${slot}`;
  }

  close(): void {
    this.openCell = null;
    this.openText = '';
  }

  announce(text: string): void {
    this.announcement = text;
  }
}

export const planUi = new PlanUi();

/** The shortcut that puts the focus on the week's grid, as `aria-keyshortcuts` spells it. */
export const WEEK_SHORTCUT = 'Alt+G';

/** True for the keystroke of WEEK_SHORTCUT (by key position, so macOS's Option+G, which types "©", counts too). */
export function isWeekShortcut(event: KeyboardEvent): boolean {
  return event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.code === 'KeyG';
}

/** Focuses the week's first slot: today's when the week holds today, else the first day's. */
export function focusWeek(): boolean {
  const cell =
    document.querySelector<HTMLElement>('.cell.today [data-add-cell]') ?? document.querySelector<HTMLElement>('[data-add-cell]');
  cell?.focus();
  return !!cell;
}

/** Drag payload types: a recipe from the sidebar or a meal from a cell. */
export const DRAG_RECIPE = 'application/x-thirtyfold-recipe';
export const DRAG_MEAL = 'application/x-thirtyfold-meal';
