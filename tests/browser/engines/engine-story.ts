// What the cross-engine tests add to tests/support/story.ts: opening and scrolling the story through
// the engines' drivers (EnginePage), reading it through the data attributes only.
import type { EnginePage } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { graphicState, placeStep, REACHED, recordedStates, recordStates, SHOTS } from '../../support/story';

export { expected, graphicState, readFigures, recordStates, texts, unitsOffBaseline } from '../../support/story';

export const shot = (engine: string, what: string) => `${SHOTS}/engines-${engine}-${what}.png`;

export const states = (page: EnginePage) => page.evaluate(recordedStates);

/** Opens a page of the story and waits until it is live (`html[data-ready]`), after a first gesture (`live`). */
export async function openStory(page: EnginePage, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(() => dispatchEvent(new Event('scroll')));
  await waitFor(`html[data-ready] at ${url}`, () => page.evaluate(() => document.documentElement.hasAttribute('data-ready')), { timeout: 15_000 });
  await page.evaluate(recordStates);
}

/** Scrolls as a reader reaches a step: its top just past the trigger line. */
export async function scrollToStep(page: EnginePage, id: string): Promise<void> {
  if (!(await page.evaluate(placeStep, [id, REACHED] as const))) throw new Error(`no [data-step="${id}"] on the page`);
}

export const waitForDone = (page: EnginePage, id: string, timeout = 5000) =>
  waitFor(`[data-graphic="${id}"][data-state="done"]`, async () => (await page.evaluate(graphicState, id)) === 'done', { timeout });
