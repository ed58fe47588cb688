/** The app's views, in navigation order. */
export const VIEWS = [
  { id: 'plan', label: 'Plan', key: '1' },
  { id: 'recipes', label: 'Recipes', key: '2' },
  { id: 'foods', label: 'Foods', key: '3' },
  { id: 'shopping', label: 'Shopping', key: '4' },
  { id: 'scores', label: 'Scores', key: '5' },
  { id: 'settings', label: 'Settings', key: '6' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];

function isView(value: string): value is ViewId {
  return VIEWS.some((view) => view.id === value);
}

/** Hash routing: `#/recipes/abc` → view "recipes", params ["abc"]. */
export class Router {
  #hash = $state(typeof location === 'undefined' ? '' : location.hash);

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.#hash = location.hash;
      });
    }
  }

  readonly parts = $derived(this.#hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent));
  readonly view: ViewId = $derived(this.parts[0] && isView(this.parts[0]) ? this.parts[0] : 'plan');
  readonly params: string[] = $derived(this.parts.slice(1));

  /** Goes to a view (and optional sub-path), adding a history entry. */
  go(view: ViewId, ...params: string[]): void {
    const hash = `#/${[view, ...params].map(encodeURIComponent).join('/')}`;
    if (location.hash !== hash) location.hash = hash;
    this.#hash = hash;
  }
}

export const router = new Router();
