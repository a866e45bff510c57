// What the cross-engine tests share: reading the story through the data attributes only.
import { formatFigure } from '../../../src/data/format';
import { stepFigures } from '../../../src/data/story';
import type { Lang } from '../../../src/lib/lang';
import type { EnginePage } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { allSteps, REACHED, SHOTS } from '../story-page';

export const shot = (engine: string, what: string) => `${SHOTS}/engines-${engine}-${what}.png`;

/** Each figure of a step as `formatFigure` writes it, by figure id. */
export const expected = (stepId: string, lang: Lang): Record<string, string> =>
  Object.fromEntries(stepFigures(allSteps.find((s) => s.id === stepId)!).map((f) => [f.id, formatFigure(f, lang)]));

/**
 * In the page: records every `data-state` each step graphic passes through, and the order in which
 * graphics first reach `done`. Installed once the document has loaded (one way for both drivers).
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

export const states = (page: EnginePage) =>
  page.evaluate(() => (window as unknown as { __states: Record<string, string[]> }).__states);

/** Opens a page of the story and waits until it is live (`html[data-ready]`), after a first gesture (`live`). */
export async function openStory(page: EnginePage, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => dispatchEvent(new Event('scroll')));
  await waitFor(`html[data-ready] at ${url}`, () => page.evaluate(() => document.documentElement.hasAttribute('data-ready')), { timeout: 15_000 });
  await page.evaluate(recordStates);
}

/** Scrolls as a reader reaches a step: its top just past the trigger line. */
export async function scrollToStep(page: EnginePage, id: string): Promise<void> {
  const found = await page.evaluate(
    (id: string, at: number) => {
      const el = document.querySelector(`[data-step="${id}"]`);
      if (!el) return false;
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * at);
      return true;
    },
    id,
    REACHED,
  );
  if (!found) throw new Error(`no [data-step="${id}"] on the page`);
}

/** In the page: the state of a step's graphic, or null when it is not in the page. */
export function graphicState(id: string): string | null {
  return document.querySelector<HTMLElement>(`[data-graphic="${id}"]`)?.dataset.state ?? null;
}

export const waitForDone = (page: EnginePage, id: string, timeout = 5000) =>
  waitFor(`[data-graphic="${id}"][data-state="done"]`, async () => (await page.evaluate(graphicState, id)) === 'done', { timeout });

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

export const texts = (read: Record<string, { text: string }>) => Object.fromEntries(Object.entries(read).map(([id, f]) => [id, f.text]));
