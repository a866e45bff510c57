import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { inject } from 'vitest';
import { nextRendering, placeStep, REACHED, readFigures, recordedStates, recordStates, texts } from '../support/story';

export { allSteps, figureSteps, REACHED, SHOTS, unitsOffBaseline } from '../support/story';

/** What went wrong on a page: console errors, uncaught exceptions, requests to another origin. */
export interface Trouble {
  errors: string[];
  foreign: string[];
}

/**
 * Opens the built story in a fresh context. Records, per step graphic, every `data-state` it
 * passes through (so a test can tell an animated reveal from an instant one). Reveals show their
 * final state at once (reduced motion) unless `animated`: only the tests about the animation wait
 * for one. `css` is in force from the first paint, before the page's scripts measure anything;
 * `init` runs before they do.
 */
export async function openStory(
  browser: Browser,
  path: string,
  options: BrowserContextOptions & { animated?: boolean; fakeClock?: boolean; css?: string; init?: (page: Page) => Promise<unknown> } = {},
): Promise<{ page: Page; trouble: Trouble }> {
  const base = inject('baseURL');
  const { animated, fakeClock, css, init, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: animated ? 'no-preference' : 'reduce', ...contextOptions });
  const page = await context.newPage();
  if (fakeClock) await page.clock.install(); // before the page sets any timer
  const trouble: Trouble = { errors: [], foreign: [] };
  page.on('console', (m) => m.type() === 'error' && trouble.errors.push(m.text()));
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('dialog', (d) => {
    trouble.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) trouble.foreign.push(r.url());
  });
  if (css)
    await page.addInitScript((css) => {
      const style = document.createElement('style');
      style.textContent = css;
      new MutationObserver((_, watch) => {
        if (!document.head) return;
        document.head.append(style);
        watch.disconnect();
      }).observe(document, { childList: true, subtree: true });
    }, css);
  await page.addInitScript(recordStates);
  await init?.(page); // before the page's own scripts
  await page.goto(base + path);
  await live(page);
  // The slides and the embed arrive as code of their own: wait for them to be on screen.
  const mode = new URLSearchParams(path.split('?')[1]?.split('#')[0] ?? '').get('mode');
  if (mode === 'present') await page.locator('.deck [data-slide]').waitFor();
  if (mode === 'presenter') await page.locator('[data-notes]').waitFor();
  if (mode === 'embed') await page.locator('main [data-step]').first().waitFor();
  return { page, trouble };
}

/**
 * Waits until the story is live. The built page opened at its top starts its app at the reader's first
 * gesture (src/main.ts): a scroll event stands in for it; a page that starts at once ignores it.
 */
export async function live(page: Page | Frame, ready = 'html[data-ready]'): Promise<void> {
  await page.evaluate(() => dispatchEvent(new Event('scroll')));
  await page.locator(ready).waitFor({ state: 'attached', timeout: 15_000 });
}

/** Scrolls as a reader would reach a step: its top just past the trigger line. */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  if (!(await page.evaluate(placeStep, [id, REACHED] as const))) throw new Error(`no [data-step="${id}"] on the page`);
}

/**
 * Lets `n` of the page's frames pass, then a task: a resize or a scroll has been measured, observed
 * and reported by then (scrollama re-measures in a frame, its observers report in the next, the
 * step is set in the one after), however slow the machine. Counted in frames, not milliseconds.
 */
export const framesPass = (page: Page, n = 5) =>
  page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        const next = (left: number) => (left === 0 ? setTimeout(done) : requestAnimationFrame(() => next(left - 1)));
        next(n);
      }),
    n,
  );

/** Waits for the page's next rendering update, whatever its clock: what the observers saw there is reported. */
export const renderingPasses = (page: Page) => page.evaluate(nextRendering);

/** The states each step's graphic went through since the page opened. */
export const states = (page: Page) => page.evaluate(recordedStates);

/** The text of each of a step graphic's figures, by figure id. */
export const shownValues = async (page: Page, stepId: string): Promise<Record<string, string>> => texts(await page.evaluate(readFigures, stepId));
