import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { figureParts, formatFigure } from '../../src/data/format';
import { stepOf } from '../../src/data/story';
import type { Figure } from '../../src/data/types';
import type { Lang } from '../../src/lib/lang';
import { zhText } from '../../src/lib/zhText';
import { launch } from '../../tools/browsers/chromium.js';
import { bundles } from '../support/i18n';
import { article } from '../support/article';
import { openStory, SHOTS } from './story-page';

// Delegates take paper, journalists the numbers, readers one figure as a picture or a link.
let browser: Browser;
const out = mkdtempSync(join(tmpdir(), 'takeaway-'));
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, '');
const label = (f: Figure, lang: Lang) => bundles[lang].figures[f.id as keyof (typeof bundles)['zh']['figures']];

describe.each<Lang>(['zh', 'en'])('the printed handout in %s', (lang) => {
  it('fits every figure, its chart whole, on at most 6 A4 pages, says each thing once, with no controls', async () => {
    const { page, trouble } = await openStory(browser, `/?mode=print&lang=${lang}`, { viewport: { width: 1000, height: 1400 } });
    await page.locator('[data-handout] [data-block="visits"] [data-figure]').first().waitFor();
    const pdf = join(out, `handout-${lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeLessThanOrEqual(6);
    expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts/); // A4
    const text = Array.from({ length: pages }, (_, i) =>
      squash(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' })),
    );
    // Every figure's number printed on the same page as its label: no chart cut by a page break. (The
    // words around a number are set smaller, and a PDF's text may list them apart from its digits.)
    const digits = (f: Figure) => figureParts(f, lang)[1];
    // Side-by-side labels (two waffles) come out of a PDF interleaved line by line: their first words suffice.
    const start = (f: Figure) => squash(label(f, lang)).slice(0, lang === 'zh' ? 5 : 12);
    const apart = figures.filter((f) => !text.some((t) => t.includes(digits(f)) && t.includes(start(f))));
    expect(apart.map((f) => `${f.id}: ${formatFigure(f, lang)} / ${label(f, lang)}`)).toEqual([]);
    // One money ladder; each article sentence once, none left hanging on a "；".
    expect(await page.locator('[data-handout] [data-form="ladder"]').count()).toBe(1);
    // On the page (A4's width, print styles), no name of the ladder squeezed beside its amount.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    const squeezed = await page.$$eval('[data-handout] [data-form="ladder"] li', (rows) =>
      rows.filter((li) => li.querySelector('.label')!.getBoundingClientRect().width < li.getBoundingClientRect().width / 2).map((li) => li.textContent),
    );
    expect(squeezed).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
    const quotes = await page.locator('[data-handout] blockquote').allTextContents();
    expect(quotes.length).toBe(new Set(figures.map((f) => f.quote)).size);
    expect(new Set(quotes).size).toBe(quotes.length);
    expect(quotes.filter((q) => /[；，]$/.test(q))).toEqual([]);
    // No button or slide chrome on paper.
    const all = text.join('');
    for (const chrome of [bundles[lang].takeaway.print, bundles[lang].ui.embed, bundles[lang].ui.otherLang]) expect(all).not.toContain(squash(chrome));
    // Page numbers.
    expect(text[pages - 1]).toContain(`${pages}/${pages}`);
    await page.screenshot({ path: `${SHOTS}/handout-${lang}.png` });
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });
});

describe('the story printed from the browser', () => {
  it('is a text version: every figure with its sentence, the table, no sticky graphics, a pointer to the handout', async () => {
    const { page } = await openStory(browser, '/?lang=en', { viewport: { width: 1000, height: 1400 } });
    const pdf = join(out, 'story-en.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const text = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    for (const f of figures) expect(text, f.id).toContain(squash(formatFigure(f, 'en')));
    expect(text).toContain(squash(figures[0].quote.slice(0, 12))); // the article's sentences
    expect(text).toContain(squash(bundles.en.takeaway.printNote));
    expect(text).not.toContain(squash(bundles.en.ui.embed));
    await page.context().close();
  });
});

/** A CSV parser enough for RFC 4180 files: quoted fields, doubled quotes, CRLF. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = '');
    else field += c;
  }
  return rows;
}

describe('the data files', () => {
  it('hold every figure, as in the model and the article, in a CSV Excel opens as Chinese and in JSON', () => {
    const csv = readFileSync('dist/data/figures.csv', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff); // the byte-order mark
    const [head, ...rows] = parseCsv(csv.slice(1));
    const json = JSON.parse(readFileSync('dist/data/figures.json', 'utf8')) as { figures: Record<string, unknown>[] };
    expect(rows).toHaveLength(figures.length);
    expect(json.figures).toHaveLength(figures.length);
    for (const [i, cells] of rows.entries()) {
      const row = Object.fromEntries(head.map((k, j) => [k, cells[j]]));
      const f = figures.find((x) => x.id === row.id)!;
      expect(f, row.id).toBeDefined();
      expect(Number(row.value)).toBe(f.value);
      expect(row.written_zh).toBe(formatFigure(f, 'zh'));
      expect(row.written_en).toBe(formatFigure(f, 'en'));
      expect(row.label_zh).toBe(label(f, 'zh'));
      expect(row.label_en).toBe(label(f, 'en'));
      expect(zhText(article)).toContain(row.quote_zh); // verbatim, typeset as Chinese
      expect(row.quote_zh).toContain(row.written_zh); // the article writes the figure so
      expect(row.theme).toBe(stepOf(f.id).theme.id);
      expect(row.period).toBe(f.period);
      expect(row.source_zh).toContain('劳动午报');
      expect(json.figures[i]).toMatchObject({ id: row.id, value: f.value, written_zh: row.written_zh, quote_zh: row.quote_zh });
    }
    const hardship = json.figures.find((r) => r.id === 'hardship')!;
    expect(hardship).toMatchObject({ baseline_year: 2014, baseline_value: 7666, baseline_written_zh: '7666户' });
    expect(json.figures.filter((r) => r.period === 'end2018').map((r) => r.id)).toEqual(['unionOrgs', 'legalEntities', 'members']);
  });

  it('are offered in the story and the table, in both languages', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await openStory(browser, `/?lang=${lang}`);
      const hrefs = await page.$$eval('a[href$="data/figures.csv"]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBe(2); // beside the table, and in the end matter
      const response = await page.request.get(hrefs[0]);
      expect(response.status()).toBe(200);
      await page.context().close();
    }
  });
});

/** Opens the share dialog of a step and makes the card of one of its figures. */
async function makeCard(page: Page, step: string, lang: Lang) {
  await page.locator(`[data-step="${step}"] .share`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: bundles[lang].takeaway.saveImage }).first().click();
  const img = dialog.locator('img[data-card-svg]');
  await img.waitFor({ timeout: 15_000 });
  return img;
}

describe('one figure as a picture', () => {
  it.each([
    ['rules', 'rules'],
    ['consultation', 'consultationShare'],
    ['places', 'serviceStations'],
  ])('draws a 1080x1350 card of %s on the device, with value, label and source', async (step, id) => {
    const { page, trouble } = await openStory(browser, '/?lang=en', { viewport: { width: 390, height: 844 } });
    const f = figures.find((x) => x.id === id)!;
    const img = await makeCard(page, step, 'en');
    const picture = await img.evaluate(async (el: HTMLImageElement) => {
      await el.decode();
      const canvas = document.createElement('canvas');
      canvas.width = el.naturalWidth;
      canvas.height = el.naturalHeight;
      const c = canvas.getContext('2d')!;
      c.drawImage(el, 0, 0);
      // Not blank: how many distinct colours a sample of its pixels holds.
      const data = c.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      const svg = await (await fetch(el.dataset.cardSvg!)).text();
      return { width: el.naturalWidth, height: el.naturalHeight, colours: colours.size, src: el.src.slice(0, 5), svg };
    });
    expect(picture).toMatchObject({ width: 1080, height: 1350, src: 'blob:' });
    expect(picture.colours).toBeGreaterThan(8);
    const text = picture.svg.replace(/<[^>]+>/g, ' ');
    expect(squash(text)).toContain(squash(formatFigure(f, 'en')));
    expect(text).toContain(label(f, 'en'));
    expect(text).toContain('Laodong Wubao');
    await page.getByRole('dialog').locator('img[data-card-svg]').screenshot({ path: `${SHOTS}/card-${id}.png` });
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('falls back to the chart itself where the canvas refuses, never a broken image', async () => {
    const { page } = await openStory(browser, '/?lang=zh', { viewport: { width: 390, height: 844 } });
    await page.evaluate(() => {
      HTMLCanvasElement.prototype.toBlob = function () {
        throw new DOMException('tainted', 'SecurityError');
      };
    });
    const img = await makeCard(page, 'rules', 'zh');
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    expect(await img.evaluate((el: HTMLImageElement) => el.decode().then(() => el.naturalWidth))).toBe(1080);
    await expect(page.getByRole('dialog').textContent()).resolves.toContain(bundles.zh.takeaway.imageFailed);
    await page.context().close();
  });
});

describe('one figure as a link', () => {
  it('opens every figure’s address at its step, revealed', async () => {
    // Reduced motion: each reveal shows its final state at once (the story's tests watch the animations).
    const { page, trouble } = await openStory(browser, '/?lang=zh', { viewport: { width: 390, height: 844 } });
    const base = page.url().split('#')[0];
    const missed: string[] = [];
    for (const f of figures) {
      await page.goto(`${base}#${f.id}`);
      const step = stepOf(f.id).step.id;
      try {
        await page.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 4000 });
        const shown = page.locator(`[data-graphic="${step}"] [data-figure="${f.id}"]`);
        if ((await shown.textContent()) !== formatFigure(f, 'zh') || !(await shown.isVisible())) missed.push(f.id);
      } catch {
        missed.push(f.id);
      }
    }
    expect(missed).toEqual([]);
    expect(trouble.errors).toEqual([]);
    await page.context().close();
  });

  it('embeds one figure alone', async () => {
    const { page } = await openStory(browser, '/?mode=embed&lang=en&section=hardship');
    expect(await page.$$eval('[data-step]', (s) => s.map((e) => e.getAttribute('data-step')))).toEqual(['hardship']);
    await page.context().close();
  });
});
