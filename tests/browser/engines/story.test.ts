import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { WIDE_PX } from '../../../src/breakpoints';
import { figures } from '../../../src/data/figures';
import type { Lang } from '../../../src/lib/lang';
import { engines } from '../../../tools/browsers/engines';
import type { EnginePage, Size } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { allSteps, figureSteps } from '../story-page';
import { expected, openStory, readFigures, scrollToStep, shot, states, texts, unitsOffBaseline, waitForDone } from './engine-story';

// One full scroll per engine, each in a different language, and a spot check in the other.
const plan: Record<string, { full: [Lang, string]; spot: [Lang, string] }> = {
  firefox: { full: ['zh', '/?lang=zh'], spot: ['en', '/en/?lang=en'] },
  webkit: { full: ['en', '/en/?lang=en'], spot: ['zh', '/?lang=zh'] },
};
const SHOT_STEPS = ['honours', 'network', 'hardship'];

describe.each(engines)('the story in $name', (engine) => {
  let page: EnginePage;
  let viewport: Size;
  beforeAll(async () => {
    page = await engine.launch();
    viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  });
  afterAll(async () => {
    await page?.close();
  });

  it('has a phone-sized viewport', () => {
    // 390x844 where the engine allows it; MiniBrowser's window is at least 447 wide. Either way below
    // the wide layout's breakpoint, so the phone layout (graphic on top, steps beneath) is what runs.
    expect(viewport.width).toBeGreaterThanOrEqual(390);
    expect(viewport.width).toBeLessThan(500);
    expect(viewport.width).toBeLessThan(WIDE_PX);
    expect(viewport.height).toBe(844);
  });

  const [lang, path] = plan[engine.name].full;
  it(`reveals every figure as its step enters, animated, in ${lang}`, async () => {
    await openStory(page, inject('baseURL') + path);
    const seen = new Set<string>();
    for (const step of allSteps) {
      await scrollToStep(page, step.id);
      await waitForDone(page, step.id);
      const shown = await page.evaluate(readFigures, step.id);
      expect(texts(shown), step.id).toEqual(expected(step.id, lang));
      expect(await page.evaluate(unitsOffBaseline, step.id)).toEqual([]);
      for (const [id, f] of Object.entries(shown)) {
        expect(f.onScreen, `${step.id}: ${id} on screen`).toBe(true);
        seen.add(id);
      }
      if (SHOT_STEPS.includes(step.id)) await page.screenshot(shot(engine.name, `story-${lang}-${step.id}`));
    }
    expect([...seen].sort()).toEqual(figures.map((f) => f.id).sort());

    // Each figure's graphic was animated, then final: a reveal, not a cut. (On a phone the graphic
    // of the step in view is mounted already playing, so `waiting` is seen only for some.)
    const history = await states(page);
    for (const step of figureSteps) {
      const list = history[step.id] ?? [];
      expect(list, step.id).toContain('animating');
      expect(list.lastIndexOf('done'), `${step.id}: ${list}`).toBeGreaterThan(list.indexOf('animating'));
      expect(list.indexOf('waiting'), `${step.id}: ${list}`).toBeLessThan(list.indexOf('animating'));
    }

    // Back up: the graphic follows the reader.
    await scrollToStep(page, 'honours');
    await waitForDone(page, 'honours');
    expect(texts(await page.evaluate(readFigures, 'honours'))).toEqual(expected('honours', lang));
    expect(await page.errors()).toEqual([]);
  });

  const [spotLang, spotPath] = plan[engine.name].spot;
  it(`shows the figures in ${spotLang} too (spot check)`, async () => {
    await openStory(page, inject('baseURL') + spotPath);
    for (const id of ['reach', 'network', 'consultation']) {
      await scrollToStep(page, id);
      await waitForDone(page, id);
      expect(texts(await page.evaluate(readFigures, id)), id).toEqual(expected(id, spotLang));
    }
    await page.screenshot(shot(engine.name, `story-${spotLang}-consultation`));
    expect(await page.errors()).toEqual([]);
  });

  // The harness's own check: the `errors()` every test ends on does see what goes wrong in the page.
  // Last: Firefox's driver reports the probe's rejection again when the page goes, into the next test's errors.
  it('reports an uncaught error, an unhandled rejection and a console error', async () => {
    await openStory(page, inject('baseURL') + '/?lang=zh');
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('probe-throw');
      });
      void Promise.reject(new Error('probe-reject'));
      console.error('probe-console');
    });
    const errors = await waitFor('the probe errors', async () => {
      const all = (await page.errors()).join('\n');
      return ['probe-throw', 'probe-reject', 'probe-console'].every((p) => all.includes(p)) && all;
    });
    expect(errors).toContain('probe-throw');
  });
});
