import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { slides } from '../../../src/present/slides';
import { engines } from '../../../tools/browsers/engines';
import type { EngineKey, EnginePage } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { openStory, shot } from './engine-story';

/** In the page: the slide on screen and, when it has one, the state of its graphic. */
function shownSlide(): { id: string | null; graphic: string | null } {
  const slide = document.querySelector<HTMLElement>('.deck [data-slide]');
  return { id: slide?.dataset.slide ?? null, graphic: slide?.querySelector<HTMLElement>('[data-graphic]')?.dataset.state ?? null };
}

describe.each(engines)('present mode in $name', (engine) => {
  let page: EnginePage;
  beforeAll(async () => {
    page = await engine.launch();
  });
  afterAll(async () => {
    await page?.close();
  });

  /** Presses `key` and waits for slide `index` (0-based); the URL must then say step=index+1. */
  async function pressTo(key: EngineKey, index: number) {
    await page.press(key);
    await waitFor(`${key} to show slide ${slides[index].id}`, async () => (await page.evaluate(shownSlide)).id === slides[index].id);
    expect(new URL(await page.url()).searchParams.get('step'), `after ${key}`).toBe(String(index + 1));
  }

  it('steps through the slides with the keyboard, and back', async () => {
    await openStory(page, `${inject('baseURL')}/?mode=present&lang=zh`);
    await waitFor('the first slide', async () => (await page.evaluate(shownSlide)).id === 'title', { timeout: 10_000 });
    await pressTo('ArrowRight', 1);
    await pressTo('PageDown', 2);
    await pressTo('ArrowRight', 3);
    await pressTo('PageDown', 4);
    // slides[4] carries figures: its chart plays in this engine too.
    await waitFor(`slide ${slides[4].id} revealed`, async () => (await page.evaluate(shownSlide)).graphic === 'done');
    await page.screenshot(shot(engine.name, `present-zh-${slides[4].id}`));
    await pressTo('ArrowLeft', 3);
    await pressTo('ArrowLeft', 2);
    expect(await page.errors()).toEqual([]);
  });
});
