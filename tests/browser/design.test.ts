import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { figures } from '../../src/data/figures';
import type { Lang } from '../../src/lib/lang';
import { CLOSING_MARKS } from '../../src/lib/zhText';
import { launch } from '../../tools/browsers/chromium.js';
import { expected, readFigures } from '../support/story';
import { allSteps, figureSteps, framesPass, openStory, scrollToStep, SHOTS, unitsOffBaseline } from './story-page';

// Measured, not only looked at: what a reader meets on a phone, a desktop and in an article.
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Text a reader reads, on screen, that a floating control (fixed or sticky over the content) covers. */
function coveredText(page: Page) {
  return page.evaluate(() => {
    const floats = (el: Element | null): boolean =>
      !!el && el !== document.body && (['fixed', 'sticky'].includes(getComputedStyle(el).position) || floats(el.parentElement));
    const controls = [...document.querySelectorAll<HTMLElement>('.pill, button, [role="button"]')]
      .filter((c) => !c.closest('dialog') && floats(c))
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.bottom > 0 && r.top < innerHeight);
    const covered: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main p, main li, main td, main th, main h2, main h3, footer p')) {
      if (el.closest('.pill, button')) continue;
      for (const line of el.getClientRects()) {
        if (line.bottom <= 0 || line.top >= innerHeight || line.width === 0) continue;
        // Under the sticky bar is behind it (scrolled past), not under a floating control.
        const bar = document.querySelector('.topbar')?.getBoundingClientRect();
        if (bar && line.top < bar.bottom) continue;
        if (controls.some((c) => c.left < line.right && c.right > line.left && c.top < line.bottom && c.bottom > line.top))
          covered.push((el.textContent ?? '').trim().slice(0, 30));
      }
    }
    return covered;
  });
}

/** How far the page overflows sideways, and which elements stick out. */
const sideways = (page: Page) =>
  page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - innerWidth,
    out: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > innerWidth + 1 && getComputedStyle(el).position !== 'fixed')
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));

describe.each([
  [390, 844],
  [360, 640],
])('on a %dx%d phone', (width, height) => {
  it.each(['zh', 'en'])('no control ever covers text the reader reads (%s)', async (lang) => {
    const { page, trouble } = await openStory(browser, `/?lang=${lang}`, { viewport: { width, height } });
    const covered: string[] = [];
    for (const step of allSteps.filter((_, i) => i % 3 === 0)) {
      await scrollToStep(page, step.id);
      await framesPass(page);
      covered.push(...(await coveredText(page)));
    }
    // The glance table, row by row to its last (the 641 row once sat under a floating button).
    const rows = await page.locator('.glance tbody tr').count();
    for (let i = 0; i < rows; i += 4) {
      await page.locator('.glance tbody tr').nth(i).evaluate((tr) => tr.scrollIntoView({ block: 'end' }));
      covered.push(...(await coveredText(page)));
    }
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    covered.push(...(await coveredText(page)));
    expect(covered).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  // Many older readers set large type: with the root text at 200 %, nothing overflows sideways.
  it.each(['zh', 'en'])('at 200 percent text, nothing overflows sideways (%s)', async (lang) => {
    const { page } = await openStory(browser, `/?lang=${lang}`, { viewport: { width, height } });
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    const problems: string[] = [];
    for (const at of [...allSteps.filter((_, i) => i % 4 === 0).map((s) => s.id), 'glance']) {
      if (at === 'glance') await page.locator('#glance').scrollIntoViewIfNeeded();
      else await scrollToStep(page, at);
      await framesPass(page);
      const s = await sideways(page);
      if (s.overflow > 0) problems.push(`${at}: ${s.overflow}px (${s.out.join(', ')})`);
    }
    await page.screenshot({ path: `${SHOTS}/text200-${width}x${height}-${lang}-glance.png` });
    expect(problems.join('\n')).toBe('');
    await page.context().close();
  });
});

describe('phone rhythm', () => {
  // No long white travel: between one piece of text and the next, under the graphic, less than 45 % of a screen.
  it.each(['zh', 'en'])('leaves no gap over 45 percent of the screen between readable content (%s)', async (lang) => {
    const { page } = await openStory(browser, `/?lang=${lang}`, { viewport: { width: 390, height: 844 } });
    // Measured at the top of the page, where each theme's sticky graphic still stands in its place in
    // the flow: the graphic (running head, chart) is content too.
    const gaps = await page.evaluate(() => {
      window.scrollTo(0, 0);
      const blocks = [...document.querySelectorAll<HTMLElement>('main h2, main h3, main p, main li, main table, main details, .scroller > .graphic')]
        .filter((el) => (el.matches('.graphic') || !el.closest('.graphic')) && el.getClientRects().length > 0)
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top + scrollY, bottom: r.bottom + scrollY, what: (el.textContent ?? '').trim().slice(0, 20) };
        })
        .sort((a, b) => a.top - b.top);
      const found: { gap: number; after: string }[] = [];
      let reach = blocks[0].bottom;
      let last = blocks[0].what;
      for (const b of blocks.slice(1)) {
        if (b.top - reach > 0) found.push({ gap: b.top - reach, after: last });
        if (b.bottom > reach) [reach, last] = [b.bottom, b.what];
      }
      return found.sort((a, b) => b.gap - a.gap).slice(0, 3);
    });
    expect(gaps[0].gap, JSON.stringify(gaps)).toBeLessThan(844 * 0.45);
    await page.context().close();
  });

  // A section's name in the running head may wrap to one more line than the last one's: the chart
  // under it must not move (it did, in English: a layout shift at every such section).
  it('keeps the chart in place when the running head names another section (en)', async () => {
    const { page } = await openStory(browser, '/?lang=en', { viewport: { width: 390, height: 844 } });
    const tops: Record<string, Set<number>> = {};
    for (const step of allSteps) {
      await scrollToStep(page, step.id);
      await page.locator(`[data-graphic="${step.id}"]`).waitFor();
      const { theme, top } = await page.evaluate((id) => {
        const graphic = document.querySelector(`[data-graphic="${id}"]`)!;
        const sticky = graphic.closest('.graphic:not([data-graphic])') ?? graphic.parentElement!;
        const box = graphic.closest('.chart-box')!;
        return { theme: graphic.closest('[data-theme]')!.getAttribute('data-theme')!, top: box.getBoundingClientRect().top - sticky.getBoundingClientRect().top };
      }, step.id);
      (tops[theme] ??= new Set()).add(Math.round(top));
    }
    for (const [theme, seen] of Object.entries(tops)) expect([...seen], theme).toHaveLength(1);
    await page.context().close();
  });
});

/** Each figure step at the line, its graphic final, checked by `check`: what it finds, named by step. */
async function eachFigureStep(page: Page, check: (id: string) => Promise<string[]>): Promise<string[]> {
  const found: string[] = [];
  for (const step of figureSteps) {
    await scrollToStep(page, step.id);
    await page.locator(`[data-graphic="${step.id}"][data-state="done"]`).waitFor({ timeout: 5000 });
    found.push(...(await check(step.id)).map((f) => `${step.id}: ${f}`));
  }
  return found;
}

/**
 * A chart, final, outside its box: nothing of the plot runs into the reading note under it, and nothing
 * is cut off at the graphic's edge (a long English name once pushed the ladder over its note).
 */
const outOfBox = (page: Page, id: string) =>
  page.evaluate((id) => {
    const graphic = document.querySelector<HTMLElement>(`[data-graphic="${id}"]`)!;
    const found: string[] = [];
    const bottom = (el: Element) => el.getBoundingClientRect().bottom;
    const limit = graphic.getBoundingClientRect().bottom;
    for (const el of graphic.querySelectorAll('.plot *, .heads *, .note')) {
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.bottom > limit + 1) found.push(`${el.tagName}.${el.getAttribute('class')} cut off`);
    }
    const note = graphic.querySelector('.note');
    const plot = graphic.querySelector('.plot');
    if (note && plot)
      for (const el of plot.querySelectorAll('li, svg, span'))
        if (el.getBoundingClientRect().height > 0 && bottom(el) > note.getBoundingClientRect().top + 1) found.push(`${el.tagName}.${el.getAttribute('class')} over the note`);
    return found;
  }, id);

/** Marks of the graphic on screen that a clipping box around them cuts (a dot's round cap included). */
const cutMarks = (page: Page, id: string) =>
  page.evaluate((id) => {
    const graphic = document.querySelector(`[data-graphic="${id}"]`)!;
    const cut: string[] = [];
    for (const mark of graphic.querySelectorAll<SVGGraphicsElement>('svg line, svg rect, svg circle, svg path')) {
      const r = mark.getBoundingClientRect();
      const style = getComputedStyle(mark);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const half = style.stroke === 'none' ? 0 : parseFloat(style.strokeWidth) / 2;
      for (let el = mark.parentElement; el && el !== document.body; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (s.overflowX === 'visible' && s.overflowY === 'visible' && !/paint|strict|content/.test(s.contain)) continue;
        const b = el.getBoundingClientRect();
        if (r.left - half < b.left - 1 || r.right + half > b.right + 1 || r.top - half < b.top - 1 || r.bottom + half > b.bottom + 1)
          cut.push(`${mark.getAttribute('class') ?? mark.tagName} cut by ${el.className}`);
      }
    }
    return cut;
  }, id);

describe('the top bar', () => {
  // A tablet held by an older reader, in large type: the themes' links once pushed the type and
  // language switches off the screen (English from 768 px wide up to 1280 px, in the largest type).
  it.each<Lang>(['zh', 'en'])('keeps its switches on screen at every width from 768 px and every type size, its theme links where they fit (%s)', async (lang) => {
    const problems: string[] = [];
    for (const size of [null, '1', '3']) {
      const { page } = await openStory(browser, `/?lang=${lang}`, {
        viewport: { width: 1440, height: 900 },
        init: (page) => page.addInitScript((size) => size && localStorage.setItem('bjftu14-type', size), size),
      });
      for (const width of [768, 900, 1024, 1280, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        const off = await page.evaluate(() =>
          [...document.querySelectorAll('.topbar a, .topbar button')]
            .filter((el) => el.getClientRects().length > 0)
            .filter((el) => el.getBoundingClientRect().right > innerWidth + 1)
            .map((el) => el.textContent?.trim()),
        );
        if (off.length) problems.push(`type ${size ?? 'usual'} at ${width} px: ${off.join(', ')} off screen`);
      }
      // With room (a desktop, the usual type), the themes' links are in the bar.
      if (!size) expect(await page.locator('.topbar nav a').first().isVisible()).toBe(true);
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});

describe('the desktop', () => {
  it.each(['zh', 'en'])('is led by the graphic: wider than the text column, near the top (%s)', async (lang) => {
    const { page } = await openStory(browser, `/?lang=${lang}`, { viewport: { width: 1440, height: 900 } });
    await scrollToStep(page, 'honours');
    await page.locator('[data-graphic="honours"]').waitFor();
    const box = await page.evaluate(() => {
      const graphic = document.querySelector('[data-graphic="honours"]')!.closest('.graphic')!.getBoundingClientRect();
      const text = document.querySelector('[data-step="honours"]')!.getBoundingClientRect();
      return { graphic: graphic.width, text: text.width, top: graphic.top };
    });
    expect(box.graphic).toBeGreaterThan(box.text * 1.3);
    expect(box.top).toBeLessThan(900 * 0.15);
    // Running heads wrap rather than end in "…".
    const cut = await page.$$eval('.running-head', (els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(cut).toBe(0);
    await page.screenshot({ path: `${SHOTS}/desktop-1440x900-${lang}-honours.png` });
    await page.context().close();
  });
});

describe('the glance table', () => {
  it('links every row to the step that reveals its figure', async () => {
    const { page } = await openStory(browser, '/?lang=en', { viewport: { width: 390, height: 844 } });
    const links = await page.$$eval('.glance tbody th a', (as) =>
      as.map((a) => {
        const id = decodeURIComponent(new URL((a as HTMLAnchorElement).href).hash.slice(1));
        return { id, step: document.getElementById(id)?.closest('[data-step]')?.getAttribute('data-step') ?? null };
      }),
    );
    expect(links.length).toBe(43);
    expect(links.filter((l) => !l.step)).toEqual([]);
    // Following one reveals its figure.
    await page.locator('.glance a[href="#warmthFunds"]').click();
    await page.locator('[data-graphic="warmthFunds"][data-state="done"]').waitFor({ timeout: 5000 });
    // On a phone its labels do not wrap every two words: two thirds of the row.
    const share = await page.evaluate(() => {
      const row = document.querySelector('.glance tbody th[scope="row"]')!.getBoundingClientRect().width;
      return row / document.querySelector('.glance table')!.getBoundingClientRect().width;
    });
    expect(share).toBeGreaterThan(0.6);
    await page.context().close();
  });
});

describe('an embed in an article column', () => {
  it('shows no blank travel: no gap over 45 % of the host’s screen inside the iframe', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const story = inject('baseURL');
    await page.setContent(
      `<p style="height:400px">An article.</p><div id="e" data-pym-src="${story}/?mode=embed&amp;lang=zh"></div>` +
        `<script src="${story}/embed/pym.v1.min.js"></script>`,
    );
    await page.waitForFunction(() => (document.querySelector('#e iframe')?.getBoundingClientRect().height ?? 0) > 2000, null, { timeout: 10_000 });
    const frame = (await (await page.$('#e iframe'))!.contentFrame())!;
    const widest = await frame.evaluate(() => {
      const blocks = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, table, .chart-box')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.getBoundingClientRect())
        .sort((a, b) => a.top - b.top);
      let reach = blocks[0].bottom;
      let gap = 0;
      for (const b of blocks) {
        gap = Math.max(gap, b.top - reach);
        reach = Math.max(reach, b.bottom);
      }
      return gap;
    });
    expect(widest).toBeLessThan(844 * 0.45);
    await page.screenshot({ path: `${SHOTS}/embed-article-390x844-zh.png` });
    await page.close();
  });
});

/**
 * What breaks badly in the page's lines now on screen: a figure (number, unit, qualifier) over two
 * lines when one would hold it (at large type's largest, some English figures are wider than a phone's line), a heading or label whose last line is one Chinese character ("道路更自 / 信"), and a line of
 * a step's words that starts with the stop or comma closing the one before ("12.6万件 / 。").
 */
function badBreaks(page: Page, labels: string) {
  return page.evaluate(([labels, closing]) => {
    const out: string[] = [];
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.bottom > 0 && r.top < innerHeight && getComputedStyle(el).visibility !== 'hidden';
    };
    const lineWidth = (el: Element) => {
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
      if (!block) return Infinity;
      const s = getComputedStyle(block);
      return block.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    };
    // How wide a piece is on one line: the figure with the stop kept to it (FigureText's `.keep`).
    const oneLine = (el: HTMLElement) => {
      const piece = el.closest<HTMLElement>('.keep') ?? el;
      const { whiteSpace, maxWidth } = piece.style;
      Object.assign(piece.style, { whiteSpace: 'nowrap', maxWidth: 'none' });
      const width = piece.getBoundingClientRect().width;
      Object.assign(piece.style, { whiteSpace, maxWidth });
      return width <= lineWidth(piece);
    };
    for (const el of document.querySelectorAll<HTMLElement>('.step-text .num, .glance .value, [data-figure]'))
      if (seen(el) && new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size > 1 && oneLine(el)) out.push(`split: ${el.textContent}`);
    // Characters on one line overlap it vertically (a small unit beside big digits is on their line).
    const linesOf = (el: Element) => {
      const lines: { top: number; bottom: number; text: string }[] = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walk.nextNode(); node; node = walk.nextNode())
        for (let i = 0; i < node.textContent!.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.height === 0) continue;
          const line = lines.find((l) => rect.top < l.bottom - 1 && rect.bottom > l.top + 1);
          if (line) {
            line.text += node.textContent![i];
            line.top = Math.min(line.top, rect.top);
            line.bottom = Math.max(line.bottom, rect.bottom);
          } else lines.push({ top: rect.top, bottom: rect.bottom, text: node.textContent![i] });
        }
      return lines.sort((a, b) => a.top - b.top).map((l) => l.text);
    };
    for (const el of document.querySelectorAll(labels)) {
      if (!seen(el) || !/[\u4e00-\u9fff]/.test(el.textContent ?? '')) continue;
      const lines = linesOf(el);
      const last = lines.at(-1) ?? '';
      if (lines.length > 1 && (last.match(/[\u4e00-\u9fff]/g) ?? []).length === 1) out.push(`lone: ${el.textContent}`);
    }
    for (const el of document.querySelectorAll('.step-text'))
      if (seen(el)) for (const line of linesOf(el).slice(1)) if (new RegExp(closing).test(line)) out.push(`stop first: ${line}`);
    return out;
  }, [labels, CLOSING_MARKS.source]);
}

const LABELS = 'h1, h2, h3, .kicker, .summary, .meaning, span.theme, .label, .running-head [data-current], .head';

// One walk through every figure step for each screen: each check on each chart at rest, every figure
// of the article among them, as formatFigure writes it (story.test watches the animated walk).
describe('charts and the lines around them', () => {
  it.each<[number, number, Lang, string]>([
    [390, 844, 'zh', ''],
    [390, 844, 'en', ''],
    [360, 640, 'en', ''], // a short phone: its panel is taller (app.css --sticky-panel)
    [1440, 900, 'zh', ''],
    [1440, 900, 'en', ''],
    // Large type for older readers: its first size, and its largest on a short phone, in English's long names.
    [390, 844, 'zh', 'large type'],
    [360, 640, 'en', 'largest type'],
  ])('show every figure as the article gives it, on screen and whole, units on their baseline; charts in their box, marks whole, no lone character, keys under their marks, nothing under the bar at %dx%d (%s) %s', async (width, height, lang, type) => {
    const { page, trouble } = await openStory(browser, `/?lang=${lang}${type === 'large type' ? '&type=large' : ''}`, {
      viewport: { width, height },
      init: (page) => page.addInitScript((largest) => largest && localStorage.setItem('bjftu14-type', '3'), type === 'largest type'),
    });
    if (type) expect(await page.evaluate(() => document.documentElement.dataset.typeSize)).toBe(type === 'largest type' ? '3' : '1');
    const problems: string[] = [];
    const seen = new Set<string>();
    problems.push(...(await badBreaks(page, LABELS)).map((p) => `intro: ${p}`));
    const placed = async (step: string) => [
      ...Object.entries(await page.evaluate(readFigures, step)).flatMap(([id, f]) => {
        seen.add(id);
        const want = expected(step, lang)[id];
        return [...(f.text === want ? [] : [`${id} reads "${f.text}", not "${want}"`]), ...(f.onScreen ? [] : [`${id} off screen`])];
      }),
      ...(await outOfBox(page, step)),
      ...(await cutMarks(page, step)),
      ...(await page.evaluate(unitsOffBaseline, step)),
      ...(await badBreaks(page, LABELS)),
      ...(await page.evaluate((id) => {
        const out: string[] = [];
        const graphic = document.querySelector(`[data-graphic="${id}"]`)!;
        // A key of squares sits right under them (within 24 px).
        const note = graphic.querySelector('.hug .note');
        const marks = [...graphic.querySelectorAll('.hug .plot svg')].map((s) => s.getBoundingClientRect().bottom);
        if (note && marks.length && note.getBoundingClientRect().top - Math.max(...marks) > 24) out.push('key far from its marks');
        // A waffle's squares read as a share, not a texture: at least 30 % of the chart's height (long English names once left them 36 px of 207).
        const height = graphic.getBoundingClientRect().height;
        for (const waffle of graphic.querySelectorAll('.waffles svg'))
          if (waffle.getBoundingClientRect().height < 0.3 * height) out.push(`waffle ${Math.round(waffle.getBoundingClientRect().height)} px tall in a chart of ${Math.round(height)}`);
        // Nothing of the panel under the sticky bar.
        const bar = document.querySelector('.topbar')!.getBoundingClientRect();
        const head = graphic.closest('.graphic')?.querySelector('.running-head')?.getBoundingClientRect();
        if (head?.height && head.top < bar.bottom - 1) out.push(`running head under the bar by ${Math.round(bar.bottom - head.top)} px`);
        return out;
      }, step)),
    ];
    problems.push(...(await eachFigureStep(page, placed)));
    await page.locator('#glance').scrollIntoViewIfNeeded();
    for (let y = 0; y < 6; y++) {
      problems.push(...(await badBreaks(page, LABELS)).map((p) => `glance: ${p}`));
      await page.mouse.wheel(0, height * 0.8);
    }
    expect([...new Set(problems)].join('\n')).toBe('');
    expect([...seen].sort()).toEqual(figures.map((f) => f.id).sort());
    expect(trouble).toEqual({ errors: [], foreign: [] });
    await page.context().close();
  });

  it.each([
    [1920, 1080, 'zh'],
    [1024, 768, 'zh'],
    [1920, 1080, 'en'],
  ])('on the title and closing slides at %dx%d (%s)', async (width, height, lang) => {
    const problems: string[] = [];
    for (const step of [1, 30]) {
      const { page } = await openStory(browser, `/?mode=present&lang=${lang}&step=${step}`, { viewport: { width, height } });
      await page.locator('.deck .cover').waitFor();
      problems.push(...(await badBreaks(page, `.deck :is(${LABELS}), .deck .hero`)).map((p) => `slide ${step}: ${p}`));
      await page.context().close();
    }
    expect(problems).toEqual([]);
  });
});
