import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatFigure } from '../../src/data/format';
import type { FigureId } from '../../src/data/types';
import { figure, themes } from '../../src/data/story';
import { launch } from '../../tools/browsers/chromium.js';
import { placeStep } from '../support/story';
import { allSteps, framesPass, live, REACHED, SHOTS } from './story-page';
import { fakeSpeech } from '../support/fakeSpeech';

// A news site on another origin (another port) embeds the story through pym.js, loaded from our origin.
let browser: Browser;
let host: Server;
let hostURL: string;
let pasted = '';
const story = () => inject('baseURL');

/**
 * How a newsroom's page creates the embed: our snippet (scroll tracking on), a CMS's pym block
 * without `trackscroll`, or a script calling `new pym.Parent(id, url, {})` (pym's defaults).
 */
type HostKind = 'snippet' | 'notrack' | 'parent';

/** The host page: an article column with the embed between paragraphs; `?src=` is the embed's query. */
function hostPage(query: string, column: number, kind: HostKind): string {
  const src = `${story()}/?${query}`;
  const container =
    kind === 'snippet'
      ? `<div id="embed" data-pym-src="${src}" data-pym-trackscroll="true" data-pym-scrollwait="20"></div>`
      : kind === 'notrack'
        ? `<div id="embed" data-pym-src="${src}"></div>`
        : `<div id="embed"></div>`;
  const parent = kind === 'parent' ? `<script src="/parent.js"></script>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0 auto;max-width:${column}px;font-family:sans-serif">
<h1>A host article</h1><p style="height:700px">Text before the embed.</p>
${container}
<p style="height:1500px">Text after the embed.</p>
<script src="${story()}/embed/pym.v1.min.js"></script>${parent}</body></html>`;
}

beforeAll(async () => {
  browser = await launch();
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/blank') {
      // A blank page with whatever the newsroom pasted.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end(`<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${pasted}</body></html>`);
    }
    if (url.pathname === '/parent.js') {
      // The host's own script (a file: the page may run under a CSP), with pym's defaults.
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(`new pym.Parent('embed', ${JSON.stringify(`${story()}/?mode=embed&lang=en`)}, {});`);
    }
    if (url.pathname !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const kind = (url.searchParams.get('kind') ?? 'snippet') as HostKind;
    res.end(hostPage(url.searchParams.get('src') ?? 'mode=embed', Number(url.searchParams.get('column') ?? 680), kind));
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostURL = `http://localhost:${(host.address() as AddressInfo).port}`; // another origin than 127.0.0.1
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => host?.close(ok));
});

async function openHost(src: string, viewport = { width: 390, height: 844 }, column = 680, kind: HostKind = 'snippet', init?: (page: Page) => Promise<unknown>) {
  const page = await browser.newPage({ viewport });
  await init?.(page); // in every frame, before its scripts
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${hostURL}/?src=${encodeURIComponent(src)}&column=${column}&kind=${kind}`);
  const frame = await embedFrame(page);
  await live(frame);
  await page.waitForFunction(() => Number(document.querySelector('iframe')?.getAttribute('height')?.replace('px', '')) > 300);
  return { page, frame, errors };
}

async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#embed iframe');
  let frame: Frame | null = null;
  await expect.poll(async () => (frame = await handle.contentFrame())?.url().startsWith(story()), { message: 'the embed never loaded', timeout: 5000 }).toBe(true);
  return frame!;
}

/** The iframe's height on the host, and the height of the document inside it. */
async function heights(page: Page, frame: Frame) {
  const measure = async () => ({
    iframe: await page.evaluate(() => document.querySelector('#embed iframe')!.getBoundingClientRect().height),
    content: await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
    innerScroll: await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight),
  });
  // A resize reaches the host within a frame or two: once they agree (or after 3 s), the caller judges.
  let h = await measure();
  for (const start = Date.now(); Math.abs(h.iframe - h.content) > 1 && Date.now() - start < 3000; h = await measure()) await framesPass(page, 1);
  return h;
}

/**
 * Scrolls the host so that a step in the embed has its top just past the trigger line on the host's
 * screen, and returns once the embed has heard from the host where its screen now lies (pym's
 * viewport message, heard after the embed's own listener has read it).
 */
async function hostScrollToStep(page: Page, frame: Frame, id: string) {
  const inFrame = await frame.evaluate((id) => {
    const w = window as unknown as { heardTops?: number[] };
    if (!w.heardTops) {
      addEventListener('message', ({ data }) => {
        const parts = typeof data === 'string' ? data.split('xPYMx') : [];
        if (parts[2] === 'viewport-iframe-position') w.heardTops!.push(Number(parts[3].split(' ')[2]));
      });
    }
    w.heardTops = [];
    return document.querySelector(`[data-step="${id}"]`)!.getBoundingClientRect().top + scrollY;
  }, id);
  const top = await page.evaluate(
    ([y, at]) => {
      const iframe = document.querySelector('#embed iframe')!;
      window.scrollTo(0, iframe.getBoundingClientRect().top + scrollY + y - innerHeight * at);
      return iframe.getBoundingClientRect().top;
    },
    [inFrame, REACHED] as const,
  );
  await frame.waitForFunction((top) => (window as unknown as { heardTops: number[] }).heardTops.some((t) => Math.abs(t - top) < 1), top, { timeout: 5000 });
}

describe('an embed on another origin', () => {
  it('takes its content height, with no inner scroll, in a 300 px column', async () => {
    const { page, frame, errors } = await openHost('mode=embed&lang=zh', { width: 390, height: 844 }, 300);
    const h = await heights(page, frame);
    expect(Math.abs(h.iframe - h.content)).toBeLessThanOrEqual(1);
    expect(h.innerScroll).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.querySelector('#embed iframe')!.getBoundingClientRect().width)).toBe(300);
    expect(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Any pym host drives the reveals: with scroll tracking, and with pym's defaults (no tracking), where
  // the embed asks the host where its screen is each time its steps' visibility changes.
  it.each<HostKind>(['snippet', 'notrack', 'parent'])('reveals the figures card by card as the host page scrolls (%s)', async (kind) => {
    const { page, frame, errors } = await openHost('mode=embed&lang=en', { width: 390, height: 844 }, 680, kind);
    const reveal = (step: string) => frame.locator(`[data-graphic="${step}"]`).getAttribute('data-reveal');
    const order: [string, FigureId][] = [
      ['reach', 'reach'],
      ['honours', 'laborMedals'],
      ['network', 'members'],
      ['hardship', 'hardship'],
    ];
    for (const [i, [step, id]] of order.entries()) {
      // Not before its card reaches the reader's line.
      expect(await reveal(step), step).toBe('wait');
      await hostScrollToStep(page, frame, step);
      await frame.locator(`[data-graphic="${step}"][data-state="done"]`).waitFor({ timeout: 5000 });
      expect(await frame.locator(`[data-figure="${id}"]`).textContent()).toBe(formatFigure(figure(id), 'en'));
      if (order[i + 1]) expect(await reveal(order[i + 1][0])).toBe('wait');
    }
    if (kind === 'snippet') await page.screenshot({ path: `${SHOTS}/embed-390x844-en-hardship.png` });
    // Back up, the cards read keep their figures.
    await hostScrollToStep(page, frame, 'reach');
    for (const [step] of order) expect(await frame.locator(`[data-graphic="${step}"]`).getAttribute('data-state'), step).toBe('done');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('embeds one section alone, with its heading and figures', async () => {
    const { page, frame, errors } = await openHost('mode=embed&lang=zh&section=care');
    const care = themes[2].sections.find((s) => s.id === 'care')!;
    const steps = await frame.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => s.dataset.step));
    expect(steps).toEqual(care.steps.map((s) => s.id));
    await expect(frame.locator('#care').textContent()).resolves.toBe('工会服务更加贴近职工');
    const text = (await frame.locator('main').textContent()) ?? '';
    expect(text).toContain(formatFigure(figure('workersHomes'), 'zh'));
    expect(text).not.toContain(formatFigure(figure('modelWorkers'), 'zh'));
    await page.screenshot({ path: `${SHOTS}/embed-390x844-zh-care.png`, fullPage: false });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shrinks when it switches to a shorter section, and grows back', async () => {
    const { page, frame } = await openHost('mode=embed&lang=en&section=mass');
    const tall = await heights(page, frame);
    // The host points the same pym child at one section (pym keeps the child's id in the query).
    await page.evaluate(() => {
      const iframe = document.querySelector<HTMLIFrameElement>('#embed iframe')!;
      iframe.src = iframe.src.replace('section=mass', 'section=reform');
    });
    const shorter = await embedFrame(page);
    await shorter.locator('[data-step="reformPilots"]').waitFor();
    await page.waitForFunction((tall) => document.querySelector('#embed iframe')!.getBoundingClientRect().height < tall - 100, tall.iframe);
    const short = await heights(page, shorter);
    expect(short.iframe).toBeLessThan(tall.iframe);
    expect(Math.abs(short.iframe - short.content)).toBeLessThanOrEqual(1);
    // A language switch inside changes the height too, and the host follows.
    await shorter.getByRole('link', { name: /Switch language/ }).click();
    await shorter.locator('html[lang="zh-CN"]').waitFor();
    const switched = await heights(page, shorter);
    expect(Math.abs(switched.iframe - switched.content)).toBeLessThanOrEqual(1);
    await page.close();
  });

  // Trust: only well-formed pym messages of the types we use, from the parent window.
  it('ignores malformed and foreign messages, without an error', async () => {
    const { page, frame, errors } = await openHost('mode=embed&lang=zh');
    await hostScrollToStep(page, frame, 'honours');
    await frame.locator('[data-graphic="honours"][data-state="done"]').waitFor({ timeout: 5000 });
    const before = await heights(page, frame);
    await page.evaluate(async () => {
      const child = document.querySelector<HTMLIFrameElement>('#embed iframe')!.contentWindow!;
      const id = new URL(document.querySelector<HTMLIFrameElement>('#embed iframe')!.src).searchParams.get('childId');
      const bad: unknown[] = [
        'hello',
        `pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx`,
        `pymxPYMx${id}xPYMxviewport-iframe-positionxPYMxNaN NaN NaN NaN NaN NaN`,
        `pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx390 844 -99999999999 0 0 390`,
        `pymxPYMxotherxPYMxviewport-iframe-positionxPYMx390 844 -9000 0 9000 390`,
        `pymxPYMx${id}xPYMxnavigateToxPYMxjavascript:alert(1)`,
        `pymxPYMx${id}xPYMxwidthxPYMx<img src=x onerror=alert(1)>`,
        `pymxPYMx${id}xPYMxheightxPYMx10`,
        `pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx${'9'.repeat(400)}`,
        { type: 'state', index: 3 },
        null,
        [1, 2, 3],
      ];
      for (const m of bad) child.postMessage(m, '*');
      // A window that is not our parent: a sibling frame sends a well-formed message.
      const sibling = document.createElement('iframe');
      sibling.srcdoc = `<script>parent.frames[0].postMessage('pymxPYMx${id}xPYMxviewport-iframe-positionxPYMx390 844 -9000 0 9000 390', '*')<\/script>`;
      await new Promise((loaded) => {
        sibling.onload = loaded; // its script has run, its message is sent
        document.body.append(sibling);
      });
    });
    // Then the host scrolls on: its own message comes after all of the above, and moves the embed.
    await hostScrollToStep(page, frame, 'network');
    await frame.locator('[data-graphic="network"][data-state="done"]').waitFor({ timeout: 5000 });
    // Nothing moved it further (a card once reached stays revealed), nor changed its height or the host's address.
    const beyond = await frame.evaluate(() => {
      const graphics = [...document.querySelectorAll<HTMLElement>('[data-graphic]')];
      return graphics.slice(graphics.findIndex((g) => g.dataset.graphic === 'network') + 1).map((g) => g.dataset.reveal);
    });
    expect(beyond.length).toBeGreaterThan(3);
    expect(new Set(beyond)).toEqual(new Set(['wait']));
    expect((await heights(page, frame)).iframe).toBe(before.iframe);
    expect(new URL(page.url()).origin).toBe(hostURL);
    expect(errors).toEqual([]);
    await page.close();
  });
});

// pym uses the container's element id as the child's id: ids a CMS makes (dots, colons) must work.
// 语音阅读 is off in embeds unless the host asks (listen=1); the voice is the test's (support/fakeSpeech.ts).
describe('Listen in an embed', () => {
  const care = () => themes[2].sections.find((s) => s.id === 'care')!;
  it('reads aloud when the host asks for it, scrolling the host page to each part it reads', async () => {
    const voices = [{ name: 'Tingting', lang: 'zh-CN' }];
    const { page, frame, errors } = await openHost('mode=embed&lang=zh&section=care&listen=1', undefined, undefined, undefined, (p) => p.addInitScript(fakeSpeech, voices));
    const said = () => frame.evaluate(() => (window as unknown as { __speech: { said: { text: string }[] } }).__speech.said.map((s) => s.text));
    await frame.getByRole('button', { name: '语音阅读' }).click();
    await expect.poll(async () => (await said()).length).toBeGreaterThan(0);
    expect((await said())[0]).toBe('增强群众性。');
    const steps = care().steps;
    for (const _ of steps.slice(1)) await frame.getByRole('button', { name: '下一段' }).click();
    await expect.poll(() => frame.locator('[data-listen-status]').textContent()).toBe(`正在朗读：第${steps.length}段，共${steps.length}段`);
    // The host brought the last card onto its screen.
    const onHostScreen = async () => {
      const top = await frame.evaluate((id) => document.querySelector(`[data-step="${id}"]`)!.getBoundingClientRect().top, steps.at(-1)!.id);
      const frameTop = await page.evaluate(() => document.querySelector('#embed iframe')!.getBoundingClientRect().top);
      return frameTop + top > 0 && frameTop + top < 844;
    };
    await expect.poll(onHostScreen).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('container ids as newsrooms write them', () => {
  it.each(['story.embed', ':r1:'])('sizes itself in a container with id %j', async (id) => {
    pasted = `<p style="height:500px">An article.</p><div id="${id}" data-pym-src="${story()}/?mode=embed&amp;lang=zh&amp;section=party"></div><script src="${story()}/embed/pym.v1.min.js"></script>`;
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${hostURL}/blank`);
    await page.waitForFunction(() => (document.querySelector('iframe')?.getBoundingClientRect().height ?? 0) > 300, null, { timeout: 10_000 });
    // pym found the container by its id: the frame is as tall as the section it shows.
    const frame = (await (await page.$('iframe'))!.contentFrame())!;
    const iframe = () => page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height);
    const content = () => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await iframe()) - (await content()))).toBeLessThanOrEqual(1);
    const steps = await frame.locator('main [data-step]').count();
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(allSteps.length); // the one theme asked for, not the whole story
    await page.close();
  });
});

describe('without pym: a plain fixed-height iframe', () => {
  it('scrolls inside itself and behaves as the story does', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.setContent(`<iframe src="${story()}/?mode=embed&lang=zh" style="width:390px;height:700px;border:0"></iframe>`);
    const frame = await embedFrame2(page);
    await live(frame);
    await frame.evaluate(placeStep, ['network', REACHED] as const);
    await frame.locator('[data-graphic="network"][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await frame.locator('[data-figure="members"]').textContent()).toBe('621万人');
    await page.close();
  });
});

async function embedFrame2(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe');
  await page.waitForFunction(() => document.querySelector('iframe')!.contentWindow !== null);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState();
  return frame;
}

describe('the Embed button', () => {
  it('gives a snippet for the section in view, in the current language, that works pasted into a blank page elsewhere', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${story()}/?lang=en`);
    await live(page);
    await page.evaluate(placeStep, ['consultation', REACHED] as const);
    await page.locator('[data-graphic="consultation"]').waitFor();
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/This section: Markedly better protection/).check();
    pasted = await dialog.getByRole('textbox').inputValue();
    expect(pasted).toContain('mode=embed');
    expect(pasted).toContain('lang=en');
    expect(pasted).toContain('section=rights');
    expect(pasted).toContain(`${story()}/embed/pym.v1.min.js`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await context.close();

    const host = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    host.on('pageerror', (e) => errors.push(e.message));
    host.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Every height the host gives the frame, from the first: never the whole story's, while it loads.
    await host.addInitScript(() => {
      const w = window as unknown as { heights: number[] };
      w.heights = [];
      new MutationObserver((records) => {
        for (const r of records) if (r.target instanceof HTMLIFrameElement) w.heights.push(r.target.getBoundingClientRect().height);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['height', 'style'] });
    });
    await host.goto(`${hostURL}/blank`);
    const handle = await host.waitForSelector('iframe');
    await host.waitForFunction(() => Number(document.querySelector('iframe')!.getAttribute('height')?.replace('px', '')) > 300);
    const frame = (await handle.contentFrame())!;
    await frame.locator('[data-step="consultation"]').waitFor();
    expect(await frame.locator('[data-step]').count()).toBe(4); // the rights section's four steps
    await frame.locator('html[data-ready]').waitFor({ state: 'attached' });
    const section = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const heights = await host.evaluate(() => (window as unknown as { heights: number[] }).heights);
    expect(Math.max(...heights)).toBeLessThan(section * 1.5);
    expect(errors).toEqual([]);
    await host.close();
  });
});
