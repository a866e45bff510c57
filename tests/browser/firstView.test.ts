// The built page is the story: it is enhanced when the browser is idle, or at the reader's first
// gesture with Data Saver on, and the app is hydrated only for a control that needs it (src/main.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launch } from '../../tools/browsers/chromium.js';
import { scrollToStep } from './story-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Opens `path` at this size, recording the scripts it fetches; waits until the network is quiet and
 * the browser has been idle (when the story starts, Data Saver off).
 */
async function open(path: string, width: number, height: number, { saveData = false } = {}): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  if (saveData) await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseURL') + path, { waitUntil: 'networkidle' });
  await page.evaluate(() => new Promise((idle) => requestIdleCallback(idle, { timeout: 3000 })));
  return { page, scripts, errors };
}

const isLive = (page: Page) => page.evaluate(() => document.documentElement.dataset.ready === '');

describe('the built page on a phone', () => {
  it('goes live when the browser is idle, with no framework and no words, and plays the graphics it holds', async () => {
    const { page, scripts, errors } = await open('/?lang=zh', 390, 844);
    await page.locator('html[data-ready=""]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(scripts.slice(0, 2)).toEqual(['/lang.js', expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
    expect(scripts.some((s) => /\/enhance-[\w-]+\.js$/.test(s))).toBe(true);
    expect(scripts.filter((s) => /i18n|Chart-|Story-/.test(s))).toEqual([]); // the app, its charts' code and its words stay on the server
    // Every graphic is in the page as it was built; the one a reader stops at plays.
    expect(await page.locator('[data-graphic]').count()).toBe(28);
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"][data-state="animating"]').waitFor({ timeout: 10_000 });
    await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 10_000 });
    expect(scripts.filter((s) => /i18n|Chart-/.test(s))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('waits for a gesture with Data Saver on, then presses a button pressed before it was live', async () => {
    const { page, errors } = await open('/en/', 390, 844, { saveData: true });
    expect(await isLive(page)).toBe(false);
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    expect(await isLive(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('takes a mouse that moves for a gesture, and not one that stays where it is as the page lays out', async () => {
    const { page } = await open('/en/', 1440, 900, { saveData: true });
    // What Chromium sends when the layout shifts under a resting mouse (seen at load in the headless
    // shell); two frames later, a mouse that moves.
    const moved = await page.evaluate(() => {
      document.body.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' }));
      return new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now()))));
    });
    await page.mouse.move(40, 60);
    await page.locator('html[data-ready=""]').waitFor({ state: 'attached', timeout: 15_000 });
    // The story's code was asked for after the mouse moved, not when it stood still.
    const asked = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => /\/enhance-[\w-]+\.js$/.test(e.name))?.startTime);
    expect(asked).toBeGreaterThan(moved);
    await page.context().close();
  });
  it('prints the article’s sentences under every step, the app started or not', async () => {
    const { page } = await open('/?lang=zh', 390, 844, { saveData: true });
    const sources = page.locator('details.source');
    expect(await sources.count()).toBeGreaterThan(20);
    expect(await page.locator('details.source[open]').count()).toBe(0);
    // Whether the app was live as the page went to paper: after it, the layout's return to the screen
    // may fire a scroll, which starts the story like any gesture.
    await page.evaluate(() => addEventListener('beforeprint', () => ((window as unknown as { liveAtPrint: boolean }).liveAtPrint = document.documentElement.dataset.ready === ''), { once: true }));
    await page.pdf(); // the browser's Print: beforeprint, then the page on paper
    expect(await page.evaluate(() => (window as unknown as { liveAtPrint?: boolean }).liveAtPrint)).toBe(false);
    expect(await page.locator('details.source[open]').count()).toBe(await sources.count());
    await page.context().close();
  });
});

describe('the built page on a projector', () => {
  it('goes live with no gesture once the browser is idle', async () => {
    const { page, errors } = await open('/?lang=zh', 1920, 1080);
    await page.locator('html[data-ready=""]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
