import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../../src/lib/lang';
import { slides } from '../../../src/present/slides';
import { engines } from '../../../tools/browsers/engines';
import type { EnginePage } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { expected, openStory, readFigures, scrollToStep, shot, texts, waitForDone } from './engine-story';

// At a venue: the one-file build opened from a USB stick, in each engine.
const FILE = resolve('dist-offline/index.html');
const langs: Record<string, Lang> = { firefox: 'en', webkit: 'zh' };

/** In the page: resources it loaded from anywhere but the file itself and data: URLs. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => !/^(file|data|blob):/.test(url));

describe.each(engines)('the offline file in $name', (engine) => {
  let page: EnginePage;
  beforeAll(async () => {
    if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build:offline\` first`);
    page = await engine.launch();
  });
  afterAll(async () => {
    await page?.close();
  });

  const lang = langs[engine.name];
  it(`runs the story from file:// in ${lang}: a step reveals its figures`, async () => {
    await openStory(page, `${pathToFileURL(FILE).href}?lang=${lang}`);
    await scrollToStep(page, 'network');
    await waitForDone(page, 'network');
    expect(texts(await page.evaluate(readFigures, 'network'))).toEqual(expected('network', lang));
    await page.screenshot(shot(engine.name, `offline-${lang}-network`));
    expect(await page.evaluate(fetched)).toEqual([]);
    expect(await page.errors()).toEqual([]);
  });

  it('runs present mode from file://: a key steps to the next slide', async () => {
    await openStory(page, `${pathToFileURL(FILE).href}?mode=present&lang=${lang}`);
    const slide = () => page.evaluate(() => document.querySelector<HTMLElement>('.deck [data-slide]')?.dataset.slide ?? null);
    await waitFor('the first slide', async () => (await slide()) === 'title', { timeout: 10_000 });
    await page.press('PageDown');
    await waitFor(`slide ${slides[1].id}`, async () => (await slide()) === slides[1].id);
    await expect.poll(async () => new URL(await page.url()).searchParams.get('step')).toBe('2');
    expect(await page.errors()).toEqual([]);
  });
});
