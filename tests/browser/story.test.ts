import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { launch } from '../../tools/browsers/chromium.js';
import { expected } from '../support/story';
import { allSteps, figureSteps, openStory, renderingPasses, scrollToStep, SHOTS, shownValues, states } from './story-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


// The walk that watches the real animations, on a phone in Chinese (the engines' tests watch one
// each). Every figure on every other screen, at rest, is checked by design.test's walks.
describe('the story on a phone, in Chinese', () => {
  // The core promise: scrolling the whole story reveals every figure of the article, animated.
  it('reveals every figure as its step enters, animated, and follows the reader back up', async () => {
    const lang = 'zh';
    const { page, trouble } = await openStory(browser, `/?lang=${lang}`, { viewport: { width: 390, height: 844 }, animated: true });
    const seen = new Set<string>();
    for (const step of allSteps) {
      await scrollToStep(page, step.id);
      const graphic = page.locator(`[data-graphic="${step.id}"]`);
      await graphic.waitFor({ timeout: 5000 });
      await page.locator(`[data-graphic="${step.id}"][data-state="done"]`).waitFor({ timeout: 5000 });
      const shown = await shownValues(page, step.id);
      expect(shown, step.id).toEqual(expected(step.id, lang));
      for (const id of Object.keys(shown)) {
        expect(await page.locator(`[data-graphic="${step.id}"] [data-figure="${id}"]`).isVisible(), id).toBe(true);
        seen.add(id);
      }
      if (['honours', 'network', 'places', 'hardship', 'boostFunds', 'consultation', 'studios'].includes(step.id)) {
        await page.screenshot({ path: `${SHOTS}/story-390x844-${lang}-${step.id}.png` });
      }
    }
    expect([...seen].sort()).toEqual(figures.map((f) => f.id).sort());

    // Each figure's graphic was drawn empty, then animated, then final: a reveal, not a cut.
    const history = await states(page);
    for (const step of figureSteps) expect(history[step.id] ?? [], step.id).toContain('animating');

    // Scrolling back up, the graphic follows.
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await shownValues(page, 'honours')).toEqual(expected('honours', lang));

    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });
});

describe('a fling', () => {
  // The page's clock is the test's: a step is held at the line for one frame, well under the 150 ms
  // a step must hold before its graphic plays.
  it('plays the step the reader stops at, never the steps it flings past', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=en', { fakeClock: true, animated: true });
    await page.clock.pauseAt(Date.now() + 60_000); // from here the page's time moves only when told
    // A step at the line is seen by scrollama's observers at the browser's next rendering update, and
    // reported at the page's next frame.
    const reach = async (id: string) => {
      await scrollToStep(page, id);
      await renderingPasses(page);
      await page.clock.runFor(17);
      expect(await page.locator(`[data-step="${id}"][data-active]`).count(), id).toBe(1);
      expect(await page.locator(`[data-slot="${id}"][data-shown]`).count(), id).toBe(1); // its graphic is the one shown
    };
    const state = (id: string) => page.locator(`[data-graphic="${id}"]`).getAttribute('data-state');
    // The page's time runs on until the graphic has revealed.
    const revealed = (id: string) =>
      expect
        .poll(
          async () => {
            await page.clock.runFor(250);
            return state(id);
          },
          { timeout: 20_000 },
        )
        .toBe('done');
    await reach('rules');
    await revealed('rules');
    expect((await states(page)).rules).toContain('animating');
    for (const id of ['reach', 'honours', 'culture']) await reach(id);
    expect(await state('rules')).toBe('waiting'); // left, it waits to play again
    await revealed('culture');
    expect(await shownValues(page, 'culture')).toEqual(expected('culture', 'en'));
    const history = await states(page);
    expect(history.reach).not.toContain('animating');
    expect(history.honours).not.toContain('animating');

    // Flung on within one step, the reader is not reading yet: its graphic waits until the page slows.
    await reach('competitions');
    await revealed('competitions');
    await reach('studios');
    await page.evaluate(() => window.scrollBy(0, window.innerHeight / 4)); // within 150 ms: 1.7 screens a second
    await renderingPasses(page); // scrollama's observers see that no step crossed the line
    await page.clock.runFor(150);
    expect(await page.locator('[data-step="studios"][data-active]').count()).toBe(1);
    expect(await state('studios')).toBe('waiting');
    await revealed('studios'); // at rest, it plays
    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });
});

describe('reduced motion', () => {
  it('shows each final value at once, with no animation', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh');
    for (const id of ['reach', 'honours', 'network', 'consultation', 'hardship', 'warmthFunds', 'places']) {
      await scrollToStep(page, id);
      await page.locator(`[data-graphic="${id}"][data-state="done"]`).waitFor({ timeout: 5000 });
      expect(await shownValues(page, id)).toEqual(expected(id, 'zh'));
    }
    // The recorder saw every state each graphic passed through: none was ever mid-animation.
    const history = await states(page);
    expect(Object.keys(history).length).toBeGreaterThan(6);
    for (const [id, list] of Object.entries(history)) expect(list, id).not.toContain('animating');
    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });

  it('animates when motion is allowed: a value is seen below its final figure', async () => {
    const { page } = await openStory(browser, '/?lang=zh', { animated: true });
    await scrollToStep(page, 'reach');
    await page.locator('[data-graphic="reach"][data-state="animating"]').waitFor({ timeout: 5000 });
    const during = await shownValues(page, 'reach');
    expect(during.reach).not.toBe('1100万人次');
    await page.context().close();
  });
});
