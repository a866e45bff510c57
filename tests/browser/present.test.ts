import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { slides } from '../../src/present/slides';
import { launch } from '../../tools/browsers/chromium.js';
import { openStory, SHOTS, states } from './story-page';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The slide on screen (waiting for the slides' code to arrive on a fresh page). */
const current = (page: Page) => page.locator('.deck [data-slide]').first().getAttribute('data-slide');

/** The slide is drawn: its chart (if any) has arrived and finished revealing. */
async function settled(page: Page, id: string) {
  await page.locator(`[data-slide="${id}"]`).waitFor();
  const graphic = page.locator(`[data-slide="${id}"] [data-graphic]`);
  if (await graphic.count()) await page.locator(`[data-slide="${id}"] [data-graphic][data-state="done"]`).waitFor({ timeout: 5000 });
}

/**
 * What a projector audience would not be able to read or see: text under `minPx` or under 7:1
 * contrast (projectors wash colours out), and anything cut off or overflowing.
 */
function layoutProblems(page: Page, minPx: number) {
  return page.evaluate((minPx) => {
    const problems: string[] = [];
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const c = [r, g, b].map((v) => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const background = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.length < 4 || c[3] > 0) return c;
      }
      return [255, 255, 255];
    };
    const root = document.documentElement;
    if (root.scrollWidth > innerWidth + 1 || root.scrollHeight > innerHeight + 1) problems.push('the page scrolls');
    const deck = document.querySelector('.deck')!;
    for (const el of deck.querySelectorAll<HTMLElement | SVGElement>('*')) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
      if (el.closest('.visually-hidden, .final')) continue;
      const name = `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]} “${(el.textContent ?? '').slice(0, 24)}”`;
      if (box.left < -1 || box.top < -1 || box.right > innerWidth + 1 || box.bottom > innerHeight + 1) problems.push(`off screen: ${name}`);
      if (style.overflow === 'hidden' && el instanceof HTMLElement && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2))
        problems.push(`cut off inside: ${name} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (ownText && parseFloat(style.fontSize) < minPx) problems.push(`${style.fontSize} text: ${name}`);
      if (ownText) {
        const ink = luminance(rgba(el instanceof SVGElement ? style.fill : style.color));
        const paper = luminance(background(el));
        const ratio = (Math.max(ink, paper) + 0.05) / (Math.min(ink, paper) + 0.05);
        if (ratio < 7) problems.push(`contrast ${ratio.toFixed(2)}: ${name}`);
      }
    }
    return problems;
  }, minPx);
}

describe.each<[number, number, string, number]>([
  [1920, 1080, 'zh', 32],
  [1920, 1080, 'en', 32],
  [1024, 768, 'zh', 24],
  [1024, 768, 'en', 24],
])('present mode at %dx%d in %s', (width, height, lang, minPx) => {
  // A clicker sends PageDown / PageUp: it must walk the whole deck, legibly, without overflow.
  it('walks every slide with the clicker and back, each legible and within the screen', async () => {
    const { page, trouble } = await openStory(browser, `/?mode=present&lang=${lang}`, { viewport: { width, height } });
    const problems: string[] = [];
    for (let i = 0; i < slides.length; i++) {
      await settled(page, slides[i].id);
      problems.push(...(await layoutProblems(page, minPx)).map((p) => `${slides[i].id}: ${p}`));
      // The running head on one line; the words are the presenter's (notes), not a caption.
      const head = await page.$$eval('.deck .head', ([el]) => (el ? el.clientHeight - parseFloat(getComputedStyle(el).paddingBottom) > 1.5 * parseFloat(getComputedStyle(el).lineHeight) : false));
      if (head) problems.push(`${slides[i].id}: the running head wraps`);
      if (await page.locator('.deck .caption').count()) problems.push(`${slides[i].id}: a caption under the graphic`);
      // What each number counts is read from the back of a hall: at least 37 px on a 1080p projector.
      if (width === 1920) {
        const labels = await page.$$eval('.deck .label', (els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
        problems.push(...labels.filter((px) => px < 37).map((px) => `${slides[i].id}: a ${px}px chart label`));
        // Counted squares fill the slide as they fill a phone, not a corner of it (48 px was a quarter of its width).
        const squares = await page.$$eval('.deck svg:has([data-units])', (svgs) =>
          svgs.filter((svg) => svg instanceof SVGSVGElement).map((svg) => svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width / 10)),
        );
        problems.push(...squares.filter((px) => px < 64).map((px) => `${slides[i].id}: squares of ${px.toFixed(0)} px`));
      }
      if (['title', 'honours', 'network', 'places', 'end'].includes(slides[i].id))
        await page.screenshot({ path: `${SHOTS}/present-${width}x${height}-${lang}-${slides[i].id}.png` });
      await page.keyboard.press('PageDown');
    }
    expect(await current(page)).toBe('end'); // PageDown on the last slide stays there
    // The address follows (written at most every 400 ms): a reload opens where the deck stands.
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(slides.length));
    for (let i = slides.length - 1; i > 0; i--) await page.keyboard.press('PageUp');
    expect(await current(page)).toBe('title');
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('1');
    expect(problems.join("\n")).toBe("");
    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });
});

describe('present mode controls', () => {
  it('answers every clicker and keyboard key', async () => {
    const { page, trouble } = await openStory(browser, '/?mode=present&lang=en', { viewport: { width: 1280, height: 720 } });
    const expectSlide = async (id: string) => expect(await current(page)).toBe(id);
    for (const [key, id] of [
      ['ArrowRight', slides[1].id],
      ['ArrowDown', slides[2].id],
      ['Space', slides[3].id],
      ['Enter', slides[4].id],
      ['ArrowLeft', slides[3].id],
      ['ArrowUp', slides[2].id],
      ['Backspace', slides[1].id],
      ['End', 'end'],
      ['Home', 'title'],
    ]) {
      await page.keyboard.press(key);
      await expectSlide(id);
    }
    // A number then Enter jumps there.
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expectSlide(slides[11].id);
    // B or . blacks the screen out and back.
    await page.keyboard.press('b');
    await expect(page.locator('.black').isVisible()).resolves.toBe(true);
    await page.keyboard.press('.');
    expect(await page.locator('.black').count()).toBe(0);
    // Clicks on the right half go on, on the left half back; so do swipes.
    await page.mouse.click(1100, 360);
    await expectSlide(slides[12].id);
    await page.mouse.click(200, 360);
    await expectSlide(slides[11].id);
    await page.mouse.move(900, 300);
    await page.mouse.down();
    await page.mouse.move(500, 310, { steps: 5 });
    await page.mouse.up();
    await expectSlide(slides[12].id);
    // The pointer hides after two seconds still.
    await page.mouse.move(640, 360);
    await expect.poll(() => page.locator('.deck').evaluate((el) => getComputedStyle(el).cursor), { timeout: 4000 }).toBe('none');
    await page.mouse.move(650, 370);
    expect(await page.locator('.deck').evaluate((el) => getComputedStyle(el).cursor)).not.toBe('none');
    // F asks for fullscreen, and Escape leaves it.
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, null, { timeout: 3000 });
    await page.keyboard.press('Escape');
    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });

  it('opens at ?step=N and keeps the slide in the URL across a reload', async () => {
    const { page } = await openStory(browser, '/?mode=present&lang=zh&step=7', { viewport: { width: 1280, height: 720 } });
    expect(await current(page)).toBe(slides[6].id);
    await page.keyboard.press('PageDown');
    await page.reload(); // at once: the pending URL write is flushed as the page goes
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    expect(await current(page)).toBe(slides[7].id);
    await page.context().close();
  });

  it('plays the figure’s animation as its slide comes in', async () => {
    const { page } = await openStory(browser, '/?mode=present&lang=zh&step=4', { viewport: { width: 1280, height: 720 }, animated: true });
    await settled(page, slides[3].id);
    await page.keyboard.press('PageDown');
    const graphic = page.locator(`[data-slide="${slides[4].id}"] [data-graphic]`);
    await page.locator(`[data-slide="${slides[4].id}"] [data-graphic][data-state="animating"]`).waitFor({ timeout: 5000 });
    await settled(page, slides[4].id);
    // It was seen moving and ends final: a reveal, not a cut.
    const history = (await states(page))[(await graphic.getAttribute('data-graphic'))!];
    expect(history.indexOf('animating')).toBeGreaterThanOrEqual(0);
    expect(history.at(-1)).toBe('done');
    await page.context().close();
  });

  it('keeps hidden slides out of reach and announces the current one', async () => {
    const { page } = await openStory(browser, '/?mode=present&lang=en&step=5', { viewport: { width: 1280, height: 720 } });
    await page.locator('.deck [data-slide]').waitFor();
    expect(await page.locator('[data-slide]').count()).toBe(1); // only the shown slide is in the page
    const live = page.locator('[aria-live="polite"]');
    await expect(live.textContent()).resolves.toContain('1,247');
    await page.keyboard.press('PageDown');
    await expect(live.textContent()).resolves.toContain('Imperial Ancestral Temple');
    await page.context().close();
  });
});

describe('autoplay', () => {
  it('loops every S seconds, pauses on a key and resumes after a minute idle', async () => {
    const { page, trouble } = await openStory(browser, `/?mode=present&lang=zh&autoplay=3&step=${slides.length - 1}`, {
      viewport: { width: 1280, height: 720 },
      fakeClock: true,
    });
    expect(await current(page)).toBe(slides[slides.length - 2].id);
    expect(await page.locator('.deck .caption').count(), 'the lobby, with no presenter, shows the words').toBe(1);
    await page.clock.runFor(3100);
    expect(await current(page)).toBe('end');
    await page.clock.runFor(3000);
    expect(await current(page)).toBe('title'); // wrapped to the start
    await page.keyboard.press('ArrowRight'); // a key: moves on, and pauses the loop
    expect(await current(page)).toBe(slides[1].id);
    await page.clock.runFor(30_000);
    expect(await current(page)).toBe(slides[1].id);
    await page.clock.runFor(33_500); // a minute idle, then the next tick
    expect(await current(page)).toBe(slides[2].id);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it.each(['2', '601', 'abc'])('ignores autoplay=%s', async (value) => {
    const { page } = await openStory(browser, `/?mode=present&lang=zh&autoplay=${value}`, {
      viewport: { width: 1280, height: 720 },
      fakeClock: true,
    });
    expect(await current(page)).toBe('title');
    await page.clock.runFor(10_000);
    expect(await current(page)).toBe('title');
    await page.context().close();
  });
});

describe('the speaker view', () => {
  it('drives the audience window, and both move together from either', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    const presenter = await context.newPage();
    presenter.on('pageerror', (e) => errors.push(e.message));
    await presenter.goto(`${inject('baseURL')}/?mode=presenter&lang=zh&step=4`);
    await presenter.locator('[data-notes]').waitFor();
    await expect(presenter.locator('[data-notes]').textContent()).resolves.toContain('1100万人次');
    await expect(presenter.locator('[data-elapsed]').textContent()).resolves.toMatch(/^\d\d:\d\d:\d\d$/);
    await expect(presenter.locator('.bar time').nth(1).textContent(), 'a 24-hour clock').resolves.toMatch(/^\d\d:\d\d:\d\d$/);
    // Both slides are drawn as the hall sees them (1920 x 1080), scaled into their boxes.
    const stages = await presenter.$$eval('.stage', (els) => els.map((el) => [el.clientWidth, Math.round(el.getBoundingClientRect().width - el.parentElement!.clientWidth)]));
    expect(stages).toEqual([[1920, 0], [1920, 0]]);

    const [audience] = await Promise.all([context.waitForEvent('page'), presenter.getByRole('button', { name: '打开观众窗口' }).click()]);
    audience.on('pageerror', (e) => errors.push(e.message));
    await audience.locator('.deck [data-slide]').waitFor();
    expect(await current(audience)).toBe(slides[3].id);

    await presenter.keyboard.press('PageDown');
    await audience.locator(`[data-slide="${slides[4].id}"]`).waitFor({ timeout: 3000 });
    await audience.keyboard.press('PageDown');
    await presenter.locator(`.current [data-slide="${slides[5].id}"]`).waitFor({ timeout: 3000 });
    await expect(presenter.locator('.notes .say').textContent()).resolves.toContain('3200余场'); // the step's words, above its notes
    await presenter.screenshot({ path: `${SHOTS}/presenter-1440x900-zh.png` });

    // A reloaded window rejoins and catches up.
    await presenter.keyboard.press('PageDown');
    await audience.reload();
    await audience.locator(`[data-slide="${slides[6].id}"]`).waitFor({ timeout: 3000 });
    // Pressing the button again finds the open window rather than opening another.
    await presenter.getByRole('button', { name: '打开观众窗口' }).click();
    expect(context.pages()).toHaveLength(2);

    // A lobby loop and a rehearsal deck in other tabs of the same browser move only themselves.
    const lobby = await context.newPage();
    await lobby.goto(`${inject('baseURL')}/?mode=present&lang=zh&autoplay=3`);
    const rehearsal = await context.newPage();
    await rehearsal.goto(`${inject('baseURL')}/?mode=present&lang=zh&session=rehearsal1`);
    await rehearsal.locator('.deck [data-slide]').waitFor();
    await rehearsal.keyboard.press('End');
    await lobby.locator('.deck [data-slide]:not([data-slide="title"])').waitFor({ timeout: 6000 }); // the loop has moved on
    expect(await current(audience)).toBe(slides[6].id);
    expect(await presenter.locator('.current [data-slide]').getAttribute('data-slide')).toBe(slides[6].id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so on screen when the browser blocks the audience window', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.open = () => null; // as a popup blocker answers
    });
    await page.goto(`${inject('baseURL')}/?mode=presenter&lang=en`);
    await page.locator('[data-notes]').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: 'Open the audience window' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('blocked the audience window');
    await context.close();
  });
});
