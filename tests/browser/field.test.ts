import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFigure } from '../../src/data/format';
import { figure } from '../../src/data/story';
import { launch } from '../../tools/browsers/chromium.js';
import { serveDir } from '../../tools/serve.js';
import { placeStep } from '../support/story';
import { live, REACHED, scrollToStep, SHOTS } from './story-page';

// How a newsroom publishes: dist/ copied into a folder of its site, at any depth, redeployed at will.
const FOLDER = '/graphics/2019/union-congress/';
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A page that records every failed request and console error. Service workers are blocked: these
 * tests are about the network (a redeploy's missing files, the recovery reload); the worker and its
 * updates are offline-worker.test.ts's.
 */
async function watched(viewport = { width: 390, height: 844 }, locale = 'en-US') {
  const page = await browser.newPage({ viewport, locale, serviceWorkers: 'block' });
  const trouble: string[] = [];
  page.on('response', (r) => r.status() >= 400 && trouble.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => trouble.push(`failed ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => trouble.push(`error: ${e.message}`));
  return { page, trouble };
}

describe(`dist/ published under ${FOLDER}`, () => {
  let site: Awaited<ReturnType<typeof serveDir>>;
  beforeAll(async () => {
    site = await serveDir('dist', { folder: FOLDER });
  });
  afterAll(() => site?.close());

  it.each([
    ['', 'zh', 'story'],
    ['en/', 'en', 'story'],
    ['en', 'en', 'story'], // typed without its slash: the server's redirect (docs/publishing.md) brings it home
    ['?mode=present&lang=zh', 'zh', 'present'],
    ['?mode=presenter&lang=en', 'en', 'presenter'],
    ['?mode=embed&lang=zh', 'zh', 'embed'],
  ])('opens %j in %s (%s) with every file found', async (path, lang, mode) => {
    const { page, trouble } = await watched(undefined, lang === 'zh' ? 'zh-CN' : 'en-US');
    await page.goto(site.url + '/' + path);
    await live(page, 'html[data-ready=""]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    if (mode === 'story' || mode === 'embed') {
      // Links between the languages stay inside the folder.
      const other = await page.locator('a[hreflang]').first().evaluate((a) => (a as HTMLAnchorElement).href);
      expect(other).toBe(site.origin + FOLDER + (lang === 'zh' ? 'en/' : ''));
      // The charts' chunk arrives from the folder too.
      await page.evaluate(placeStep, ['honours', REACHED] as const);
      await page.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 8000 });
    }
    if (mode === 'present') await page.locator('.deck [data-slide]').waitFor();
    if (mode === 'presenter') await page.locator('[data-notes]').waitFor();
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('serves the example host page, its embeds sized and working', async () => {
    const { page, trouble } = await watched();
    await page.goto(`${site.url}/embed/`);
    await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 300), null, {
      timeout: 10_000,
    });
    expect(await page.locator('iframe').count()).toBe(3);
    expect(trouble).toEqual([]);
    await page.close();
  });

  it('gives an Embed snippet that works pasted into a page on another origin', async () => {
    const { page } = await watched({ width: 1280, height: 900 });
    await page.goto(`${site.url}/en/`);
    await live(page);
    await page.getByRole('button', { name: 'Embed' }).click();
    const snippet = await page.getByRole('dialog').getByRole('textbox').inputValue();
    expect(snippet).toContain(`src="${site.origin}${FOLDER}embed/pym.v1.min.js"`);
    expect(snippet).toContain(`data-pym-src="${site.origin}${FOLDER}?mode=embed&amp;lang=en"`);
    await page.close();

    const host: Server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><link rel="icon" href="data:,"></head><body><p style="height:600px">An article.</p>${snippet}</body></html>`);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    const { page: article, trouble } = await watched();
    await article.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
    await article.waitForFunction(() => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) > 300, null, { timeout: 10_000 });
    // pym was told not to hand our server the article's address and title.
    expect(await article.locator('iframe').getAttribute('src')).not.toMatch(/parentUrl|parentTitle/);
    expect(trouble).toEqual([]);
    await article.close();
    await new Promise((ok) => host.close(ok));
  });
});

/**
 * A copy of dist/ as the next deploy would leave it: every hashed file renamed (new hashes), every
 * reference to it rewritten. The old names are gone, as after a real redeploy.
 */
function redeployed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redeploy-'));
  cpSync('dist', dir, { recursive: true });
  const assets = join(dir, 'assets');
  const renames = readdirSync(assets).map((f) => [f, f.replace(/-([\w-]{8})\./, '-$1Z.')] as const);
  for (const [from, to] of renames) renameSync(join(assets, from), join(assets, to));
  const texts = [...readdirSync(assets).map((f) => join(assets, f)), join(dir, 'index.html'), join(dir, 'en/index.html')];
  for (const file of texts.filter((f) => /\.(js|css|html)$/.test(f))) {
    let text = readFileSync(file, 'utf8');
    for (const [from, to] of renames) text = text.replaceAll(from, to);
    writeFileSync(file, text);
  }
  return dir;
}

/** A host whose files change under an open page (`deploy`), and that can lose files (`block`). */
async function deployHost() {
  let dir = 'dist';
  let blocked: RegExp | null = null;
  const server = await serveDir(() => dir, { filter: (path) => (blocked?.test(path) ? 404 : undefined) });
  return {
    url: server.url,
    deploy: (next: string) => void (dir = next),
    block: (files: RegExp | null) => void (blocked = files),
    close: server.close,
  };
}


describe('a redeploy while a reader has the page open', () => {
  it('recovers the app: one reload, at the reader’s place, never a blank view', async () => {
    const host = await deployHost();
    const next = redeployed();
    const { page } = await watched();
    let loads = 0;
    page.on('load', () => loads++);
    // With Data Saver the built page starts its app only at the reader's first gesture, never when the
    // browser goes idle: else an idle machine could fetch the old code before the redeploy (a race).
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    await page.goto(`${host.url}/en/`); // the English page as built: its app waits for the reader
    host.deploy(next); // the app's code this page knows is gone from now on (it starts at the reader's first gesture)
    const reloaded = page.waitForEvent('load', { timeout: 15_000 });
    await scrollToStep(page, 'network');
    await reloaded;
    await live(page);
    // The new page opens at the reader's place, and the app and its charts come from the new build.
    expect(await page.evaluate(() => Math.abs(document.getElementById('grassroots')!.getBoundingClientRect().top) < innerHeight)).toBe(true);
    await scrollToStep(page, 'network');
    await page.locator('[data-graphic="network"][data-state="done"]').waitFor({ timeout: 10_000 });
    expect(loads).toBe(2); // the first visit and one recovery
    expect(await page.locator('[data-graphic="network"] [data-figure="members"]').textContent()).toBe(formatFigure(figure('members'), 'en'));
    expect(await page.locator('main').textContent()).toContain('6.21 million'); // the story stayed on screen throughout
    await page.screenshot({ path: `${SHOTS}/redeploy-recovered.png` });
    await page.close();
    await host.close();
    rmSync(next, { recursive: true, force: true });
  });

  // The deck's charts arrive with its view: a redeploy after the deck opened costs it nothing.
  it('keeps playing the slides’ charts after a redeploy, with no reload', async () => {
    const host = await deployHost();
    const next = redeployed();
    const { page } = await watched({ width: 1280, height: 720 });
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${host.url}/?mode=present&lang=zh`); // the title slide: no chart yet
    await page.locator('.deck [data-slide="title"]').waitFor();
    host.deploy(next);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown'); // the first counter
    await page.locator('.deck [data-slide="rules"] [data-graphic][data-state="done"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('.deck [data-slide="rules"] [data-figure="rules"]').textContent()).toBe(formatFigure(figure('rules'), 'zh'));
    expect(loads).toBe(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('3');
    await page.close();
    await host.close();
    rmSync(next, { recursive: true, force: true });
  });

  // The built story plays the graphics it holds: the app's chart code is not among what it needs.
  it('plays the built page’s graphics with the app’s chart code gone, and reloads nothing', async () => {
    const host = await deployHost();
    host.block(/Chart-[\w-]+\.js$/);
    const { page } = await watched();
    let loads = 0;
    page.on('load', () => loads++);
    await page.goto(`${host.url}/?lang=zh`);
    await live(page);
    for (const id of ['honours', 'culture']) {
      await scrollToStep(page, id);
      await page.locator(`[data-graphic="${id}"][data-state="done"]`).waitFor({ timeout: 10_000 });
    }
    expect(loads).toBe(1);
    expect(await page.locator('[data-graphic="culture"] [data-figure="cultureEvents"]').textContent()).toBe(formatFigure(figure('cultureEvents'), 'zh'));
    await page.close();
    await host.close();
  });

  it('keeps an embed sized, with a message, when its mode’s code is gone', async () => {
    const host = await deployHost();
    host.block(/Embed-[\w-]+\.js$/); // gone for good: the reload cannot help either
    const { page } = await watched();
    await page.setContent(
      `<p style="height:300px">An article.</p><div id="e" data-pym-src="${host.url}/?mode=embed&amp;lang=en"></div>` +
        `<script src="${host.url}/embed/pym.v1.min.js"></script>`,
    );
    const frame = (await (await page.waitForSelector('#e iframe')).contentFrame())!;
    await frame.getByRole('alert').waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('alert').textContent()).toContain('could not load');
    // pym was told our height: the message shows whole, not in a 150 px default box.
    const body = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await page.locator('#e iframe').evaluate((f) => f.getBoundingClientRect().height)) - body), { timeout: 3000 }).toBeLessThanOrEqual(1);
    await page.close();
    await host.close();
  });
});
