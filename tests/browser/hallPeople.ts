// The people of the hall's browser tests: a speaker view on a laptop, phones following, each in a
// browser context of its own (a person's own device), and what a test asks of their pages.
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { slides } from '../../src/present/slides';
import { launch } from '../../tools/browsers/chromium.js';
import { KEY, killAll, startHall, type Hall } from '../support/hall';
import { live } from './story-page';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1280, height: 800 } };

export interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions (a CSP refusal is one) */
  errors: string[];
  /** Every URL the page asked for */
  requests: string[];
}

/**
 * A test file's hall: Chromium and the real venue server (server/hall.mjs on the built dist/, PORT=0,
 * the known key) started before its tests, the people each test opens leaving with it (passed or
 * failed), both stopped after them. A test that restarts the server sets `room.hall` to the new one.
 */
export function inTheHall() {
  let browser: Browser;
  const room = { hall: undefined as unknown as Hall };
  const opened: Page[] = [];
  beforeAll(async () => {
    [browser, room.hall] = await Promise.all([launch(), startHall({ HALL_SITE: resolve('dist') })]);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.context().close()));
  });
  afterAll(async () => {
    await browser?.close();
    killAll();
  });

  /** Opens `url` in a context of its own and waits for its view; `clock` installs the page's fake clock first. */
  async function open(url: string, options: BrowserContextOptions & { clock?: boolean } = PHONE): Promise<Opened> {
    const { clock, ...contextOptions } = options;
    const context = await browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
    const page = await context.newPage();
    opened.push(page);
    if (clock) await page.clock.install();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    // Clocks in the page, for lags measured without the test driver's own round trips: when each key
    // went down, and when each slide appeared.
    await page.addInitScript(() => {
      const w = window as unknown as { __keys: number[]; __shown: Record<string, number> };
      w.__keys = [];
      w.__shown = {};
      addEventListener('keydown', () => w.__keys.push(Date.now()), { capture: true });
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('.follow [data-slide]')) w.__shown[el.getAttribute('data-slide')!] ??= Date.now();
        if (document.querySelector('.follow [data-paused]')) w.__shown.paused ??= Date.now();
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(url);
    await live(page);
    const mode = new URL(url).searchParams.get('mode');
    if (mode === 'follow') await page.locator('.follow [data-slide], .follow [data-paused]').first().waitFor();
    if (mode === 'presenter') await page.locator('[data-notes]').waitFor();
    if (mode === 'present') await page.locator('.deck [data-slide]').waitFor();
    return { page, errors, requests };
  }

  return {
    room,
    open,
    /** The speaker view, opened with the key as the hall prints it, once the phones follow it. */
    async presenter(): Promise<Opened> {
      const p = await open(`${room.hall.base}/?mode=presenter&lang=zh&key=${encodeURIComponent(KEY)}`, LAPTOP);
      await p.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
      return p;
    },
    /** A phone opening the audience address, in the language its browser speaks. */
    follower: (locale: 'zh-CN' | 'en-US', base = room.hall.base) => open(`${base}/?mode=follow`, { ...PHONE, locale }),
  };
}

/** The slide id a page shows: a follower's, the speaker view's current slide, or the audience window's. */
export const shown = (page: Page) => page.locator('.follow [data-slide], .current [data-slide], .deck [data-slide]').first().getAttribute('data-slide');

/** Waits until a follower shows slide `index`; returns how long it took. */
export async function sees(page: Page, index: number, timeout = 5000): Promise<number> {
  const t0 = Date.now();
  await page.locator(`.follow [data-slide="${slides[index].id}"]`).waitFor({ timeout });
  return Date.now() - t0;
}

/** Moves the speaker view with a key and waits for it to show slide `index`. */
export async function press(p: Page, key: string, index: number) {
  await p.keyboard.press(key);
  await p.locator(`.current [data-slide="${slides[index].id}"]`).waitFor({ timeout: 2000 });
}

/** The speaker view goes to slide `index` (a number, then Enter: the clicker's jump). */
export async function jump(p: Page, index: number) {
  await p.keyboard.type(String(index + 1));
  await press(p, 'Enter', index);
}
