import { tick } from 'svelte';
import { TRIGGER_LINE } from './types';

/**
 * Runs a change that reflows the page (a language switch) and scrolls back so that the element
 * the reader was at stays where it was on screen. Anchors are the `[data-anchor]` elements.
 */
export async function keepPlace(change: () => Promise<void>): Promise<void> {
  const line = window.innerHeight * TRIGGER_LINE;
  const anchors = Array.from(document.querySelectorAll<HTMLElement>('[data-anchor]'));
  const anchor = anchors.filter((a) => a.getBoundingClientRect().top <= line).pop();
  const before = anchor?.getBoundingClientRect().top ?? 0;
  await change();
  await tick();
  if (anchor?.isConnected) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
}
