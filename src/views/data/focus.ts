const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab and Shift+Tab inside a modal dialog: from the last control focus
 * wraps to the first and back, instead of leaving for the browser's own UI.
 */
export function trapFocus(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  // A dialog opened inside this one (a food picker) keeps its own Tab order.
  const scope = (event.target instanceof Element ? event.target.closest('dialog') : null) ?? container;
  const items = [...scope.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => (element.closest('dialog') ?? container) === scope && element.getClientRects().length > 0,
  );
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !scope.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !scope.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
