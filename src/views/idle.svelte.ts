import { onMount } from 'svelte';

/**
 * Runs `work` once, when `ready()` first holds and the browser is next idle
 * (at the latest `timeout` ms later), unless the component is gone by then.
 * For what a view does not need to be drawn: call it from a component's script.
 */
export function onceIdleAfter(ready: () => boolean, work: () => void, timeout: number): void {
  let id: number | undefined;
  $effect(() => {
    if (id === undefined && ready()) id = requestIdleCallback(work, { timeout });
  });
  onMount(() => () => {
    if (id !== undefined) cancelIdleCallback(id);
  });
}
