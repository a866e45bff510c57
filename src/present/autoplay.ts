import type { Deck } from './deck.svelte';

export const IDLE_RESUME_MS = 60_000;

/**
 * The lobby loop: advances every `seconds`, wrapping to the start, in this window alone. A key,
 * click or touch pauses it; it resumes after a minute without one. Returns the teardown.
 */
export function autoplay(deck: Deck, seconds: number): () => void {
  let resume = 0;
  let tick = 0;
  const start = () => {
    clearInterval(tick);
    tick = window.setInterval(() => deck.go(deck.index + 1 < deck.count ? deck.index + 1 : 0, true), seconds * 1000);
  };
  const pause = () => {
    clearInterval(tick);
    clearTimeout(resume);
    resume = window.setTimeout(start, IDLE_RESUME_MS);
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const e of events) window.addEventListener(e, pause, true);
  start();
  return () => {
    clearInterval(tick);
    clearTimeout(resume);
    for (const e of events) window.removeEventListener(e, pause, true);
  };
}
