import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { formatFigure } from '../../src/data/format';
import { stepFigures } from '../../src/data/story';
import type { Lang } from '../../src/lib/lang';
import { launch } from '../../tools/browsers/chromium.js';
import { axe } from '../support/axe';
import { serveDir } from '../../tools/serve.js';
import { allSteps, framesPass, live, openStory, scrollToStep } from './story-page';


/** The policy the README gives hosts: everything from our own origin, nothing inline, no eval. */
export const CSP = "default-src 'self'; img-src 'self' blob: data:; base-uri 'self'; object-src 'none'; form-action 'none'";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});


describe.each<[Lang, number, number]>([
  ['zh', 390, 844],
  ['en', 1440, 900],
])('accessibility in %s at %dx%d', (lang, width, height) => {
  // axe-core on the page as it opens and with each chart form on screen; each chart named by its figures.
  it('has no axe violation, at the top or with any chart form showing, and names every chart by its figures', async () => {
    const { page, trouble } = await openStory(browser, `/?lang=${lang}`, { viewport: { width, height } });
    expect(await axe(page), 'top').toEqual([]);
    for (const step of ['reach', 'honours', 'studios', 'boostFunds', 'fundsShare', 'network', 'hardship', 'places']) {
      await scrollToStep(page, step);
      await page.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 5000 });
      // What the step brought on screen: its words, and the panel that shows its graphic.
      expect(await axe(page, { within: `[data-step="${step}"], .graphic:has([data-graphic="${step}"])` }), step).toEqual([]);
      const name = await page.locator(`[data-graphic="${step}"] [role="img"]`).getAttribute('aria-label');
      for (const f of stepFigures(allSteps.find((s) => s.id === step)!)) expect(name, step).toContain(formatFigure(f, lang));
    }
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

// 长辈模式 / Large type, measured as the MIIT's age-friendly rules ask, on a 390x844 phone.
describe.each<Lang>(['zh', 'en'])('large type in %s', (lang) => {
  const name = lang === 'zh' ? '长辈模式' : 'Large type';
  /** What the rules measure, on the story as it stands. */
  const measure = (page: Page) =>
    page.evaluate(() => {
      const px = (el: Element, prop: 'fontSize' | 'lineHeight') => parseFloat(getComputedStyle(el)[prop]);
      const body = [...document.querySelectorAll('.intro .dek, .step-text')].slice(0, 4);
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      };
      const dek = document.querySelector('.intro .dek')!;
      const next = dek.nextElementSibling!;
      return {
        text: Math.min(...body.map((el) => px(el, 'fontSize'))),
        leading: Math.min(...body.map((el) => px(el, 'lineHeight') / px(el, 'fontSize'))),
        // From one paragraph's last baseline to the next one's first, in lines: 1.3 or more.
        paragraphs: (next.getBoundingClientRect().top - dek.getBoundingClientRect().bottom + px(dek, 'lineHeight')) / px(dek, 'lineHeight'),
        targets: [...document.querySelectorAll('button, .pill, summary, .glance tbody th a, .data a, footer .more a')]
          .filter(shown)
          .filter((el) => el.getBoundingClientRect().height < 48)
          .map((el) => `${el.textContent?.trim()} ${Math.round(el.getBoundingClientRect().height)}px`),
        sideways: document.documentElement.scrollWidth - innerWidth,
        small: [...document.querySelectorAll('[data-graphic] *')]
          .filter((el) => shown(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && px(el, 'fontSize') < 16)
          .map((el) => `${el.textContent} ${px(el, 'fontSize')}px`),
      };
    });

  it('is one tap at the top: larger type, spacing, targets and contrast, in three sizes, remembered; slides unchanged', async () => {
    const { page, trouble } = await openStory(browser, `/?lang=${lang}`, { viewport: { width: 390, height: 844 } });
    const before = await measure(page);
    await page.getByRole('button', { name, exact: true }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.type)).toBe('large');
    expect(await page.getByRole('button', { name, exact: true }).getAttribute('aria-pressed')).toBe('true');
    const large = await measure(page);
    expect(before.text).toBeLessThan(22);
    expect(large.text).toBeGreaterThanOrEqual(22);
    expect(large.leading).toBeGreaterThanOrEqual(1.3);
    expect(large.paragraphs).toBeGreaterThanOrEqual(1.3);
    expect(large.targets).toEqual([]);
    expect(large.sideways).toBe(0);
    expect(await axe(page, { enhanced: true })).toEqual([]); // with 7:1 contrast
    for (const step of ['honours', 'boostFunds', 'places', 'consultation']) {
      await scrollToStep(page, step);
      await page.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 5000 });
      const m = await measure(page);
      expect(m.small, step).toEqual([]);
      expect(m.targets, step).toEqual([]);
      expect(m.sideways, step).toBe(0);
    }
    // Counts, one or three, say what they count at large type's body size (1rem) where their names fit the panel, not at the charts' 16 px floor.
    for (const step of ['rules', 'network']) {
      await scrollToStep(page, step);
      await page.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 5000 });
      const sizes = await page
        .locator(`[data-graphic="${step}"] .label`)
        .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize) / parseFloat(getComputedStyle(document.documentElement).fontSize)));
      expect(Math.min(...sizes), step).toBeGreaterThanOrEqual(1);
    }
    // Three sizes; the one chosen stays on the device.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: lang === 'zh' ? '特大' : 'Largest' }).click();
    const largest = await measure(page);
    expect(largest.text).toBeGreaterThan(large.text * 1.2);
    await page.reload();
    await live(page);
    expect(await page.evaluate(() => document.documentElement.dataset.typeSize)).toBe('3');
    expect(await page.getByRole('button', { name: lang === 'zh' ? '特大' : 'Largest' }).getAttribute('aria-pressed')).toBe('true');
    // Slides keep the hall's type.
    await page.goto(page.url().replace(/\?.*$/, `?mode=present&lang=${lang}`));
    await page.locator('.deck [data-slide]').waitFor();
    expect(await page.evaluate(() => [document.documentElement.dataset.type, getComputedStyle(document.documentElement).fontSize])).toEqual([undefined, '16px']);
    // Off again: the usual type, remembered too.
    await page.goto(page.url().replace(/\?.*$/, `?lang=${lang}`));
    await page.getByRole('button', { name, exact: true }).click();
    expect(await page.evaluate(() => [document.documentElement.dataset.type, localStorage.getItem('bjftu14-type')])).toEqual([undefined, null]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('opens with ?type=large for one visit, and composes with the browser’s own 200 % text', async () => {
    const { page } = await openStory(browser, `/?lang=${lang}&type=large`, { viewport: { width: 390, height: 844 } });
    expect(await page.evaluate(() => [document.documentElement.dataset.type, document.documentElement.dataset.typeSize])).toEqual(['large', '1']);
    expect(await page.evaluate(() => localStorage.getItem('bjftu14-type'))).toBeNull();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } }); // the browser's text at 200 %
    const doubled = await measure(page);
    expect(doubled.text).toBeGreaterThanOrEqual(44);
    for (const step of ['rules', 'honours', 'places']) {
      await scrollToStep(page, step);
      expect((await measure(page)).sideways, step).toBe(0);
    }
    await page.context().close();
  });

  // The largest type on a short phone: the panel reaches past the usual trigger line (60 %), and the
  // words coming up under its edge must be those of the graphic it shows, not the next step's.
  it('shows the graphic of the words at the panel’s edge, in the largest type on a 360x640 phone', async () => {
    const { page, trouble } = await openStory(browser, `/?lang=${lang}`, {
      viewport: { width: 360, height: 640 },
      init: (page) => page.addInitScript(() => localStorage.setItem('bjftu14-type', '3')),
    });
    expect(await page.evaluate(() => document.documentElement.dataset.typeSize)).toBe('3');
    /** Scrolls the step's top to `at` px under the bottom of its theme's panel (stuck under the bar); returns the step before it. */
    const placeUnderPanel = (step: string, at: number) =>
      page.evaluate(
        ([id, at]) => {
          const el = document.querySelector<HTMLElement>(`[data-step="${id}"]`)!;
          const panel = el.closest('[data-theme]')!.querySelector('[data-panel]')!;
          const bottom = parseFloat(getComputedStyle(panel).top) + panel.getBoundingClientRect().height;
          window.scrollTo(0, el.getBoundingClientRect().top + scrollY - bottom - at);
          return (el.previousElementSibling as HTMLElement).dataset.step!;
        },
        [step, at] as const,
      );
    for (const step of ['honours', 'warmthFunds']) {
      const before = await placeUnderPanel(step, 200); // still below: the step before it shows
      await page.locator(`[data-slot="${before}"][data-shown]`).waitFor({ timeout: 5000 });
      await placeUnderPanel(step, 8); // its first line just under the panel
      await page.locator(`[data-slot="${step}"][data-shown]`).waitFor({ timeout: 5000 });
    }
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe.each<Lang>(['zh', 'en'])('present and presenter modes in %s', (lang) => {
  // A projector washes colours out: every slide passes axe, with contrast held to 7:1.
  it('has no axe violation, with 7:1 contrast on the slides', async () => {
    const { page, trouble } = await openStory(browser, `/?mode=present&lang=${lang}`, { viewport: { width: 1920, height: 1080 } });
    for (const n of [1, 2, 5, 11, 17, 21, 26, 30]) {
      await page.keyboard.type(String(n));
      await page.keyboard.press('Enter');
      const graphic = page.locator('.deck [data-graphic]');
      if (await graphic.count()) await page.locator('.deck [data-graphic][data-state="done"]').waitFor({ timeout: 5000 });
      else await page.locator('.deck [data-slide]').waitFor();
      expect(await axe(page, { enhanced: true }), `slide ${n}`).toEqual([]);
    }
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('has no axe violation in the speaker view', async () => {
    const { page } = await openStory(browser, `/?mode=presenter&lang=${lang}&step=5`, { viewport: { width: 1440, height: 900 } });
    await page.locator('[data-notes]').waitFor();
    await page.locator('.current [data-graphic][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });
});

describe.each<Lang>(['zh', 'en'])('embed mode in %s', (lang) => {
  it('has no axe violation, whole or one section', async () => {
    for (const query of [`mode=embed&lang=${lang}`, `mode=embed&lang=${lang}&section=care`]) {
      const { page, trouble } = await openStory(browser, `/?${query}`, { viewport: { width: 390, height: 700 } });
      await page.locator('main [data-step]').first().waitFor();
      expect(await axe(page), query).toEqual([]);
      expect(trouble).toEqual({ errors: [], foreign: [] });
      await page.context().close();
    }
  });
});

describe('without JavaScript', () => {
  it.each<[Lang, string]>([
    ['zh', '/'],
    ['en', '/en/'],
  ])('the built %s page reads top to bottom with every figure', async (lang, path) => {
    const { page } = await openStatic(path);
    expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    const text = (await page.locator('main').textContent()) ?? '';
    for (const f of figures) expect(text, f.id).toContain(formatFigure(f, lang));
    expect(await page.locator('table [data-glance]').count()).toBe(figures.length);
    await page.context().close();
  });
});

async function openStatic(path: string) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const { inject } = await import('vitest');
  await page.goto(inject('baseURL') + path);
  return { page };
}

describe('a strict Content-Security-Policy', () => {
  let server: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    server = await serveDir('dist', { headers: { 'content-security-policy': CSP } });
  });
  afterAll(() => server?.close());

  /** A page that reports every violation (and every error) of the policy. */
  async function underPolicy(path: string, viewport = { width: 390, height: 844 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const trouble: string[] = [];
    page.on('console', (m) => m.type() === 'error' && trouble.push(m.text()));
    page.on('pageerror', (e) => trouble.push(e.message));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
    );
    await page.goto(`${server.url}${path}`);
    return { page, trouble, context };
  }

  it('runs the story with no violation', async () => {
    const { page, trouble, context } = await underPolicy('/?lang=en');
    await live(page);
    for (const step of ['honours', 'network']) {
      await scrollToStep(page, step);
      await page.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 5000 });
    }
    // Each theme's colour comes through a data attribute (an inline style would be blocked).
    expect(await page.locator('#advanced h2').evaluate((el) => getComputedStyle(el.closest('[data-theme]')!).getPropertyValue('--accent').trim())).toBe(
      '#0b4f9c',
    );
    expect(await page.locator('[data-step="studios"] .num').first().evaluate((el) => getComputedStyle(el).color)).toBe('rgb(11, 79, 156)');
    expect(trouble).toEqual([]);
    await context.close();
  });

  it.each([
    ['/?mode=present&lang=zh&step=4', '.deck [data-slide] [data-graphic][data-state="done"]'],
    ['/?mode=presenter&lang=en&step=20', '[data-notes]'],
    ['/?mode=embed&lang=zh&section=care', '[data-step="places"]'],
    ['/embed/', 'iframe'],
  ])('runs %s with no violation', async (path, ready) => {
    const { page, trouble, context } = await underPolicy(path, { width: 1280, height: 800 });
    await page.locator(ready).first().waitFor({ timeout: 8000 });
    if (path === '/embed/') {
      // The example host page is styled by its own file, and its frames grow to their content.
      expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('672px');
      await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 300));
    }
    await framesPass(page, 2); // a violation's event, queued as the page drew, has fired
    expect(trouble).toEqual([]);
    await context.close();
  });
});
