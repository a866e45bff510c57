// The story as browser tests read it, whatever drives the browser (playwright for Chromium, the
// engines' drivers for Firefox and WebKit): its steps, the figures each must show, and functions that
// run in the page. Each of those takes at most one JSON argument, so `page.evaluate(fn, arg)` calls
// it alike in every driver.
import { mkdirSync } from 'node:fs';
import { formatFigure } from '../../src/data/format';
import { stepFigures, themes } from '../../src/data/story';
import type { Step } from '../../src/data/types';
import type { Lang } from '../../src/lib/lang';
import { TRIGGER_LINE } from '../../src/scroll/types';

export const SHOTS = 'test-results/screenshots';
mkdirSync(SHOTS, { recursive: true });

export const allSteps: Step[] = themes.flatMap((t) => t.sections.flatMap((s) => s.steps));
export const figureSteps = allSteps.filter((s) => stepFigures(s).length > 0);

/** Where a step's top sits once a reader has reached it, as a fraction of the screen: a little past the trigger line. */
export const REACHED = TRIGGER_LINE - 0.08;

/** Each figure of a step as `formatFigure` writes it, by figure id. */
export const expected = (stepId: string, lang: Lang): Record<string, string> =>
  Object.fromEntries(stepFigures(allSteps.find((s) => s.id === stepId)!).map((f) => [f.id, formatFigure(f, lang)]));

/** In the page: scrolls the step's top to `at` of the screen from its top; false when the page has no such step. */
export function placeStep([id, at]: readonly [string, number]): boolean {
  const el = document.querySelector(`[data-step="${id}"]`);
  if (!el) return false;
  window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * at);
  return true;
}

/**
 * In the page: resolves at the page's next rendering update, after every IntersectionObserver has
 * reported what it saw there (scrollama's, made earlier, report before this one). Observers run on
 * the browser's frames, not on the page's timers, so this waits as well under a paused fake clock.
 */
export function nextRendering(): Promise<void> {
  return new Promise((done) => {
    const io = new IntersectionObserver(() => {
      io.disconnect();
      done();
    });
    io.observe(document.documentElement);
  });
}

/**
 * In the page: records every `data-state` each step graphic passes through (`__states`, so a test
 * can tell an animated reveal from an instant one) and the order in which graphics first reach
 * `done` (`__doneOrder`). Before the page's scripts (an init script) or after its load; once.
 */
export function recordStates(): void {
  const w = window as unknown as { __states?: Record<string, string[]>; __doneOrder?: string[] };
  if (w.__states) return;
  const seen: Record<string, string[]> = (w.__states = {});
  const done: string[] = (w.__doneOrder = []);
  const record = () => {
    for (const g of document.querySelectorAll<HTMLElement>('[data-graphic]')) {
      const id = g.dataset.graphic!;
      const list = (seen[id] ??= []);
      if (list[list.length - 1] !== g.dataset.state) list.push(g.dataset.state!);
      if (g.dataset.state === 'done' && !done.includes(id)) done.push(id);
    }
  };
  record();
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
}

/** In the page: the states each step's graphic went through since `recordStates`. */
export function recordedStates(): Record<string, string[]> {
  return (window as unknown as { __states: Record<string, string[]> }).__states;
}

/** In the page: the state of a step's graphic, or null when it is not in the page. */
export function graphicState(id: string): string | null {
  return document.querySelector<HTMLElement>(`[data-graphic="${id}"]`)?.dataset.state ?? null;
}

/**
 * In the page: each figure of a step's graphic, by figure id: its text, and whether the reader can
 * see it (a box of its own that meets the screen).
 */
export function readFigures(stepId: string): Record<string, { text: string; onScreen: boolean }> {
  const out: Record<string, { text: string; onScreen: boolean }> = {};
  for (const el of document.querySelectorAll<HTMLElement>(`[data-graphic="${stepId}"] [data-figure]`)) {
    const box = el.getBoundingClientRect();
    const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
    out[el.dataset.figure!] = { text: el.textContent ?? '', onScreen };
  }
  return out;
}

/** The texts of what `readFigures` read. */
export const texts = (read: Record<string, { text: string }>) => Object.fromEntries(Object.entries(read).map(([id, f]) => [id, f.text]));

/**
 * In the page: the words around a number (its unit, 约) that are off the number's baseline in a step's
 * graphic. Each baseline is found by an empty inline-block put at the end of the text, which stands on it.
 */
export function unitsOffBaseline(id: string): string[] {
  const baseline = (el: Element) => {
    const marker = document.createElement('span');
    marker.style.cssText = 'display: inline-block; width: 0; height: 0';
    el.append(marker);
    const y = marker.getBoundingClientRect().top;
    marker.remove();
    return y;
  };
  const off: string[] = [];
  for (const value of document.querySelectorAll(`[data-graphic="${id}"] .value`)) {
    const number = baseline(value.querySelector('[data-count]') ?? value); // a value that does not count: its own line
    for (const words of value.querySelectorAll(':scope > small')) {
      const by = Math.round(baseline(words) - number);
      if (Math.abs(by) > 1) off.push(`"${words.textContent}" of ${value.textContent} ${by} px off its number's baseline`);
    }
  }
  return off;
}
