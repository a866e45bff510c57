import type { Deck } from './deck.svelte';

export const IDLE_RESUME_MS = 60_000;

/**
 * The lobby loop: advances every `seconds`, wrapping to the start. A key, click or touch pauses it;
 * it resumes after a minute without one. Returns the teardown.
 */
export function autoplay(deck: Deck, seconds: number, target: Window = window): () => void {
  let resume = 0;
  let tick = 0;
  const start = () => {
    clearInterval(tick);
    tick = window.setInterval(() => deck.go(deck.index + 1 < deck.count ? deck.index + 1 : 0), seconds * 1000);
  };
  const pause = () => {
    clearInterval(tick);
    clearTimeout(resume);
    resume = window.setTimeout(start, IDLE_RESUME_MS);
  };
  const events = ['keydown', 'pointerdown'] as const;
  for (const e of events) target.addEventListener(e, pause, true);
  start();
  return () => {
    clearInterval(tick);
    clearTimeout(resume);
    for (const e of events) target.removeEventListener(e, pause, true);
  };
}
