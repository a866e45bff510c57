// What keeps a phone's frames short while scrolling (bench/run.mjs measures them; README, "Budgets").
// Timings are never asserted here (CI machines are noisy): these hold the causes that were removed.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../../tools/browsers/chromium.js';
import { openStory, scrollToStep } from './story-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a phone’s frames', () => {
  it('repaint one block of the page when a chart reveals, not every line of it', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh');
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 5000 });
    // Each block is its own paint group (isolation): without it, a reveal re-recorded the whole page
    // every frame (8-13 ms of paint at 4x CPU, against 1-4).
    const blocks = await page.evaluate(() =>
      [...document.querySelectorAll('main > *, footer')].map((el) => [el.className.split(' ')[0] || el.tagName, getComputedStyle(el).isolation]),
    );
    expect(blocks.length).toBeGreaterThanOrEqual(6); // intro, three themes, recap, glance, footer
    expect(blocks.filter(([, isolation]) => isolation !== 'isolate')).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('meet the chart code compiled whole, not function by function in a step’s first frame', () => {
    const chunks = readdirSync('dist/assets').filter((f) => /^Chart-.*\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    expect(readFileSync(`dist/assets/${chunks[0]}`, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });
});
