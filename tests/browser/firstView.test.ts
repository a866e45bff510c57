// The built page is the first view: its app waits for the reader (src/main.ts; README, "Budgets").
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

/** Opens `path` at this size, recording the scripts it fetches; waits until the network is quiet. */
async function open(path: string, width: number, height: number): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseURL') + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  return { page, scripts, errors };
}

const isLive = (page: Page) => page.evaluate(() => document.documentElement.dataset.ready === '');

describe('the built page on a phone', () => {
  it('fetches none of the app until the reader acts, then goes live and draws', async () => {
    const { page, scripts, errors } = await open('/?lang=zh', 390, 844);
    // The first view: the language script and the boot, no framework, no i18next, no words.
    expect(scripts).toEqual(['/lang.js', expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
    expect(await isLive(page)).toBe(false);
    // Meanwhile a theme's graphic shows its figures as plain text, as the page was built.
    expect(await page.locator('[data-graphic="competitions"] .static').isVisible()).toBe(true);

    await page.mouse.move(200, 600);
    await page.mouse.wheel(0, 600); // the reader's first gesture
    await page.locator('html[data-ready=""]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(scripts.length).toBeGreaterThan(2);
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('presses a button pressed before it was live, once it is', async () => {
    const { page, errors } = await open('/en/', 390, 844);
    expect(await isLive(page)).toBe(false);
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    expect(await isLive(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });
  it('prints the article’s sentences under every step, the app started or not', async () => {
    const { page } = await open('/?lang=zh', 390, 844);
    const sources = page.locator('details.source');
    expect(await sources.count()).toBeGreaterThan(20);
    expect(await page.locator('details.source[open]').count()).toBe(0);
    await page.pdf(); // the browser's Print: beforeprint, then the page on paper
    expect(await isLive(page)).toBe(false);
    expect(await page.locator('details.source[open]').count()).toBe(await sources.count());
    await page.context().close();
  });
});

describe('the built page on a projector', () => {
  it('starts with no gesture when the first theme is within a screen', async () => {
    const { page, errors } = await open('/?lang=zh', 1920, 1080);
    await page.locator('html[data-ready=""]').waitFor({ state: 'attached', timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
