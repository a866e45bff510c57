// What keeps a phone's frames short while scrolling (bench/run.mjs measures them: docs/performance.md;
// the causes these tests hold away: docs/decisions.md, "What the traces found").
// Timings are never asserted here (CI machines are noisy): these hold the causes that were removed.
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
  it('lay out a few boxes when a step’s graphic is shown and counts, not the whole document', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=zh', { animated: true });
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 5000 });
    const cdp = await page.context().newCDPSession(page);
    const events: { name: string; args?: { beginData?: { dirtyObjects: number; totalObjects: number; partialLayout: boolean } } }[] = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline' });
    await scrollToStep(page, 'culture');
    await page.locator('[data-graphic="culture"][data-state="done"]').waitFor({ timeout: 5000 });
    await new Promise((done) => {
      cdp.once('Tracing.tracingComplete', done);
      void cdp.send('Tracing.end');
    });
    // The graphic is already in the page: showing it lays out its own box (a mounted chart laid out
    // all ~1500 objects of the page, 15-40 ms at 4x CPU on a phone), and each frame of a count lays
    // out the number's box alone (a relayout boundary).
    const layouts = events.flatMap((e) => (e.name === 'Layout' && e.args?.beginData ? [e.args.beginData] : []));
    expect(layouts.length).toBeGreaterThan(0);
    expect(layouts.filter((l) => l.dirtyObjects > 60)).toEqual([]);
    expect(layouts.filter((l) => l.partialLayout).length).toBeGreaterThan(layouts.length / 2);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('keep the words around a running number in place while it counts (no layout shift)', async () => {
    const { page } = await openStory(browser, '/?lang=zh', { animated: true });
    await page.evaluate(() => {
      const w = window as unknown as { __shifts: string[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { sources: { node?: Node }[] })[])
          for (const s of e.sources) w.__shifts.push(s.node?.textContent ?? '?');
      }).observe({ type: 'layout-shift' });
    });
    for (const id of ['reach', 'culture']) {
      await scrollToStep(page, id);
      await page.locator(`[data-graphic="${id}"][data-state="done"]`).waitFor({ timeout: 5000 });
    }
    // Before, each count's unit (万人次, 余场, 个) slid right as digits were added.
    expect(await page.evaluate(() => (window as unknown as { __shifts: string[] }).__shifts)).toEqual([]);
    await page.context().close();
  });

  it('restyle nothing under a pointer that does not hover (a phone), and still on a desktop', async () => {
    const rowBackground = async (options: Parameters<typeof openStory>[2]) => {
      const { page } = await openStory(browser, '/?lang=en', options);
      const row = page.locator('#glance tbody tr').first();
      await row.scrollIntoViewIfNeeded();
      const before = await row.evaluate((el) => getComputedStyle(el).backgroundColor);
      await row.hover();
      const after = await row.evaluate((el) => getComputedStyle(el).backgroundColor);
      await page.context().close();
      return { before, after };
    };
    const phone = await rowBackground({ hasTouch: true, isMobile: true });
    expect(phone.after).toBe(phone.before);
    const desktop = await rowBackground({ viewport: { width: 1440, height: 900 } });
    expect(desktop.after).not.toBe(desktop.before);
  });

  // Chrome fetches a page's icon again whenever the page writes its address, one write a section
  // here. An SVG icon is a document parsed and painted on the main thread each time (20-25 ms at 4x
  // CPU, ten times over the English fling), a 32 px PNG a 0.1 ms decode. (The headless shell the
  // tests drive fetches no icon at all, so what the page offers is what is checked.)
  it('offer the tab one 32 px PNG for its icon, never an SVG document', async () => {
    const { page, trouble } = await openStory(browser, '/?lang=en');
    const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href));
    expect(icons).toHaveLength(1);
    const icon = await page.request.get(icons[0]);
    expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/png']);
    const png = await icon.body();
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]); // IHDR: width, height
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});
