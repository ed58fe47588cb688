/**
 * Asks before leaving unsaved edits: window close and reload, in-app links
 * (stopped before the browser follows them) and the Ctrl+1…9 view shortcuts.
 * `leave` asks the user and answers whether to go; call inside an effect
 * that runs while there are unsaved edits, and return what this returns.
 */
export function guardUnsaved(leave: () => boolean): () => void {
  const here = location.hash;
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    event.preventDefault();
    event.returnValue = '';
  };
  const onClick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.target === '_blank') return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname || url.hash === here || leave()) return;
    event.preventDefault();
    event.stopPropagation();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && /^[1-9]$/.test(event.key) && !leave()) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  window.addEventListener('click', onClick, true);
  window.addEventListener('keydown', onKeydown, true);
  return () => {
    window.removeEventListener('beforeunload', onBeforeUnload);
    window.removeEventListener('click', onClick, true);
    window.removeEventListener('keydown', onKeydown, true);
  };
}
