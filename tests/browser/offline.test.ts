import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/data/format';
import { figure } from '../../src/data/story';
import type { Lang } from '../../src/lib/lang';
import { slides } from '../../src/present/slides';
import { launch } from '../../tools/browsers/chromium.js';
import { placeStep } from '../support/story';
import { REACHED, SHOTS } from './story-page';
import { fakeSpeech } from '../support/fakeSpeech';

// At a venue: one HTML file on a USB stick, opened from file:// with the network off.
const FILE = resolve('dist-offline/index.html');
let browser: Browser;
beforeAll(async () => {
  if (!existsSync(FILE)) throw new Error(`${FILE} is missing: run \`npm run build:offline\` first`);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query: string, viewport = { width: 1280, height: 720 }, init?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport, offline: true });
  const page = await context.newPage();
  await init?.(page);
  const trouble: string[] = [];
  page.on('console', (m) => m.type() === 'error' && trouble.push(m.text()));
  page.on('pageerror', (e) => trouble.push(e.message));
  page.on('requestfailed', (r) => trouble.push(`failed: ${r.url()}`));
  page.on('request', (r) => !/^(file|data):/.test(r.url()) && trouble.push(`network: ${r.url()}`));
  await page.goto(pathToFileURL(FILE).href + query);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  return { page, trouble };
}

const shown = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`).first().textContent();

describe.each<Lang>(['zh', 'en'])('the offline file in %s', (lang) => {
  it('runs the story from file://: scrolling reveals the figures', async () => {
    const { page, trouble } = await open(`?lang=${lang}`, { width: 390, height: 844 });
    await page.evaluate(placeStep, ['network', REACHED] as const);
    await page.locator('[data-graphic="network"][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await shown(page, 'members')).toBe(formatFigure(figure('members'), lang));
    expect(trouble).toEqual([]);
    await page.context().close();
  });

  it('runs present mode from file://: the clicker walks the slides', async () => {
    const { page, trouble } = await open(`?mode=present&lang=${lang}`, { width: 1920, height: 1080 });
    for (let i = 0; i < 6; i++) {
      await page.locator(`.deck [data-slide="${slides[i].id}"]`).waitFor();
      await page.keyboard.press('PageDown');
    }
    await page.locator(`.deck [data-slide="${slides[6].id}"] [data-graphic][data-state="done"]`).waitFor({ timeout: 5000 });
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('7');
    await page.screenshot({ path: `${SHOTS}/offline-present-${lang}.png` });
    expect(trouble).toEqual([]);
    await page.context().close();
  });
});

// No hall behind a USB stick: follow mode is the slides to page alone, saying no presenter is
// connected; the slides carry no QR code; nothing is asked of any network.
describe('the offline file, read aloud', () => {
  // The narrator arrives at the first press: from the file itself, with no network (the voice is the test's).
  it('reads the story aloud from file://', async () => {
    const { page, trouble } = await open('?lang=zh', { width: 390, height: 844 }, (p) => p.addInitScript(fakeSpeech, [{ name: 'Tingting', lang: 'zh-CN' }]));
    await page.getByRole('button', { name: '语音阅读' }).click();
    const said = () => page.evaluate(() => (window as unknown as { __speech: { said: { text: string }[] } }).__speech.said.map((s) => s.text));
    await expect.poll(async () => (await said()).length).toBeGreaterThan(0);
    expect((await said())[0]).toBe('数说首都工会五年。');
    expect(trouble).toEqual([]);
    await page.context().close();
  });
});

describe('the offline file, away from the hall', () => {
  it('shows follow mode as the slides with a note, and no QR code in present mode', async () => {
    const { page, trouble } = await open('?mode=follow&lang=zh', { width: 390, height: 844 });
    await page.locator(`.follow [data-slide="${slides[0].id}"]`).waitFor();
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('没有连接演讲人：可以自行翻看幻灯片。');
    await page.getByRole('button', { name: '下一张' }).click();
    await page.locator(`.follow [data-slide="${slides[1].id}"]`).waitFor({ timeout: 2000 });
    await page.goto(page.url().replace('mode=follow', 'mode=present'));
    await page.locator('.deck [data-slide]').waitFor();
    expect(await page.locator('[data-qr], .qr-side').count()).toBe(0);
    expect(trouble).toEqual([]);
    await page.context().close();
  });
});
