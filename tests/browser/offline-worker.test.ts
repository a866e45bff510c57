import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/lang';
import { slides } from '../../src/present/slides';
import { CHROMIUM_FLAGS, chromiumPath, launch } from '../../tools/browsers/chromium.js';
import { serveDir } from '../../tools/serve.js';
import { rewriteWorker, type Precache } from '../../vite.sw';
import { siteFiles } from '../../server/siteFiles.mjs';
import { expected } from '../support/story';
import { figureSteps, live, scrollToStep, SHOTS, shownValues } from './story-page';
import { fakeSpeech } from '../support/fakeSpeech';

// Offline is the test server stopped, not the browser's offline emulation: that does not cover the
// worker's own fetches. Each test has its own browser profile, so that the worker outlives a restart.
const FOLDER = '/graphics/2019/union-congress/';
const CSP = "default-src 'self'; img-src 'self' blob: data:; base-uri 'self'; object-src 'none'; form-action 'none'";
const precached = (dir: string): Precache => JSON.parse(/^const PRECACHE = (.*);$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1]);
const words = (lang: Lang) => JSON.parse(readFileSync(`locales/${lang}/ui.json`, 'utf8')).offline as Record<string, string>;

const profiles: string[] = [];
afterAll(() => profiles.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Chromium on a profile kept on disk: `dir` again is the same browser after a restart. */
async function open(dir = mkdtempSync(join(tmpdir(), 'sw-profile-')), options: { reducedMotion?: 'reduce' } = {}) {
  if (!profiles.includes(dir)) profiles.push(dir);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    ...options,
  });
  return { context, dir, page: context.pages()[0] ?? (await context.newPage()) };
}

/** Every console error, uncaught exception and failed request of the page, and any request to another origin. */
function watch(page: Page, origin: string) {
  const trouble: string[] = [];
  page.on('console', (m) => m.type() === 'error' && trouble.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => trouble.push(`error: ${e.message}`));
  // (A reload cancels what the page was still fetching, e.g. the registration's chunk: that is no failure.)
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && trouble.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && trouble.push(`foreign: ${r.url()}`));
  return trouble;
}

/** Opens `url` (or reloads the page) and waits for the story to be live. */
async function ready(page: Page, url?: string) {
  await (url ? page.goto(url) : page.reload());
  await live(page, 'html[data-ready=""]');
}

/** Waits for this page's worker to be installed (its copy complete) and active; returns its scope. */
const workerActive = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') await new Promise((ok) => worker.addEventListener('statechange', () => worker.state === 'activated' && ok(null)));
    return registration.scope;
  });

/** The names of this folder's caches (the worker's, one per build). */
const cacheNames = (page: Page, scope: string) => page.evaluate(async (scope) => (await caches.keys()).filter((k) => k.startsWith(`precache ${scope} `)), scope);

/** Scrolls the whole story, step by step: each graphic is revealed, its figures as the article writes them. */
async function readWholeStory(page: Page, lang: Lang) {
  for (const step of figureSteps) {
    await scrollToStep(page, step.id);
    await page.locator(`[data-graphic="${step.id}"][data-state="done"]`).waitFor({ timeout: 5000 });
    expect(await shownValues(page, step.id), `${lang} ${step.id}`).toEqual(expected(step.id, lang));
  }
}

describe(`published under ${FOLDER}, with the README's CSP: one visit, then no network`, () => {
  let site: Awaited<ReturnType<typeof serveDir>>;
  let context: BrowserContext;
  let profile: string;
  let scope: string;
  const list = precached('dist');

  beforeAll(async () => {
    site = await serveDir('dist', { folder: FOLDER, headers: { 'content-security-policy': CSP } });
    ({ context, dir: profile } = await open());
  });
  afterAll(async () => {
    await context?.close();
    await site?.close();
  });

  it('installs, on the first visit, a worker scoped to the site’s folder, with the whole story in its copy', async () => {
    const page = context.pages()[0];
    const trouble = watch(page, site.origin);
    await ready(page, `${site.url}/?lang=zh`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull(); // the first view runs from the network
    scope = await workerActive(page);
    expect(scope).toBe(site.origin + FOLDER);
    expect(await page.evaluate((origin) => navigator.serviceWorker.getRegistration(origin + '/').then((r) => r?.scope ?? null), site.origin)).toBeNull();
    // One cache, holding every listed file: both pages, every chunk, both languages, icons, manifests.
    const [name, ...others] = await cacheNames(page, scope);
    expect(others).toEqual([]);
    const kept = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url), name);
    expect(kept.sort()).toEqual(list.files.map(([path]) => scope + path).sort());
    const assets = readdirSync('dist/assets').map((f) => `assets/${f}`);
    expect(list.files.map(([path]) => path)).toEqual(expect.arrayContaining(['', 'en/', 'manifest.webmanifest', 'en/manifest.webmanifest', ...assets]));
    // Listed as built: the pages after the prerender wrote them.
    for (const [path, revision] of list.files) {
      const file = join('dist', path === '' || path.endsWith('/') ? `${path}index.html` : path);
      expect(createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16), path).toBe(revision);
    }
    expect(trouble).toEqual([]);
    await context.close();
  });

  it('stops the network: the test server is closed', async () => {
    await site.close();
    await expect(fetch(`${site.url}/`)).rejects.toThrow();
  });

  it('opens the story after a browser restart, reads it whole in Chinese, and switches to English', async () => {
    ({ context } = await open(profile, { reducedMotion: 'reduce' })); // reveals at once: the animation is story.test.ts's
    await context.addInitScript(fakeSpeech, [{ name: 'Tingting', lang: 'zh-CN' }]); // a voice, for Listen below
    const page = context.pages()[0];
    const trouble = watch(page, site.origin);
    await ready(page, `${site.url}/?lang=zh`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${scope}sw.js`);
    expect(await page.locator('h1').first().textContent()).toContain('数说首都工会五年');
    await readWholeStory(page, 'zh');
    await page.screenshot({ path: `${SHOTS}/offline-worker-zh.png` });
    // Listen's narrator comes from the copy too, at the first press.
    await page.getByRole('button', { name: '语音阅读' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __speech: { said: unknown[] } }).__speech.said.length)).toBeGreaterThan(0);
    await page.getByRole('button', { name: '停止朗读' }).click();
    // The other language's words come from the copy too.
    await scrollToStep(page, 'network');
    await page.locator('a[hreflang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('[data-graphic="network"][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await shownValues(page, 'network')).toEqual(expected('network', 'en'));
    expect(trouble).toEqual([]);
  });

  it('opens the English page, also typed without its slash, and reads it whole', async () => {
    const page = context.pages()[0];
    const trouble = watch(page, site.origin);
    await ready(page, `${site.url}/en`);
    expect(page.url()).toBe(`${scope}en/`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await readWholeStory(page, 'en');
    expect(trouble).toEqual([]);
  });

  it('plays the slides and the speaker view', async () => {
    const page = context.pages()[0];
    const trouble = watch(page, site.origin);
    await ready(page, `${site.url}/?mode=present&lang=zh`);
    for (let i = 0; i < 8; i++) {
      await page.locator(`.deck [data-slide="${slides[i].id}"]`).waitFor();
      const graphic = page.locator(`.deck [data-slide="${slides[i].id}"] [data-graphic]`);
      if (await graphic.count()) await page.locator(`.deck [data-slide="${slides[i].id}"] [data-graphic][data-state="done"]`).waitFor({ timeout: 5000 });
      await page.keyboard.press('PageDown');
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('9');
    await ready(page, `${site.url}/en/?mode=presenter&lang=en`);
    await page.locator('[data-notes]').waitFor();
    const notes = await page.locator('[data-notes]').textContent();
    await page.keyboard.press('PageDown');
    await page.waitForFunction((before) => document.querySelector('[data-notes]')?.textContent !== before, notes);
    expect(trouble).toEqual([]);
  });

  it('serves the manifests and their icons, and leaves everything outside its folder alone', async () => {
    const page = context.pages()[0];
    await ready(page, `${site.url}/en/`);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
      const json = await (await fetch(href)).json();
      const icons = await Promise.all(json.icons.map(async (i: { src: string }) => (await fetch(new URL(i.src, href))).status));
      return { href, name: json.name, icons };
    });
    expect(manifest).toEqual({ href: `${scope}en/manifest.webmanifest`, name: words('en').appName, icons: [200, 200, 200] });
    // What it does not keep, and anything outside its folder, goes to the network, which is gone.
    const status = (href: string) => page.evaluate((href) => fetch(href).then((r) => r.status, () => 'failed'), href);
    expect(await status('../share-zh.png')).toBe('failed');
    expect(await status('../../')).toBe('failed');
    expect(await status('../manifest.webmanifest')).toBe(200);
    // A page outside the folder is not the worker's.
    await expect(page.goto(`${site.origin}/graphics/2019/`)).rejects.toThrow(/ERR_CONNECTION_REFUSED/);
    await context.close();
  });
});

/**
 * The next build, as a deploy leaves it: the Chinese page's words changed, the built story's script
 * renamed (as a new hash would), and the worker's list made again.
 */
function nextBuild(): { dir: string; chunk: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sw-next-'));
  cpSync('dist', dir, { recursive: true });
  const assets = join(dir, 'assets');
  const old = readdirSync(assets).find((f) => /^enhance-.*\.js$/.test(f))!; // what the built story runs
  const chunk = old.replace(/-([\w-]{8})\.js$/, '-$1N.js');
  renameSync(join(assets, old), join(assets, chunk));
  const texts = [...readdirSync(assets).map((f) => join(assets, f)), join(dir, 'index.html'), join(dir, 'en/index.html')].filter((f) => /\.(js|html)$/.test(f));
  for (const file of texts) {
    let text = readFileSync(file, 'utf8').replaceAll(old, chunk);
    if (file.endsWith(chunk) || file === join(dir, 'index.html')) text = text.replaceAll('数说首都工会五年', '数说首都工会五年（新版）');
    writeFileSync(file, text);
  }
  rewriteWorker(dir);
  return { dir, chunk };
}

describe('a new build while a reader has the story', () => {
  it('is offered by a quiet prompt, and only taken when the reader accepts it: one reload, no mixed page', async () => {
    let dir = 'dist';
    const site = await serveDir(() => dir);
    const next = nextBuild();
    const { context } = await open();
    const page = context.pages()[0];
    const trouble = watch(page, site.origin);
    const title = () => page.locator('h1').first().textContent();
    try {
      await ready(page, `${site.url}/?lang=zh#care`);
      const scope = await workerActive(page);
      await ready(page); // a reload: now run by the worker
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

      dir = next.dir; // deployed
      await ready(page);
      const prompt = page.locator('[data-update]');
      await prompt.waitFor({ timeout: 20_000 }); // the browser found the new worker; it installed and waits
      expect(await title()).not.toContain('新版'); // the page is still the build it was opened with
      expect(await prompt.locator('span').textContent()).toBe(words('zh').newVersion);
      expect(await prompt.getByRole('button').textContent()).toBe(words('zh').reload);
      await page.screenshot({ path: `${SHOTS}/offline-worker-update-prompt.png` });

      // A reload of the only tab does not take it: the old build again, and the offer again.
      await ready(page);
      expect(await title()).not.toContain('新版');
      await prompt.waitFor({ timeout: 10_000 });

      let loads = 0;
      page.on('load', () => loads++);
      await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), prompt.getByRole('button').click()]);
      await live(page, 'html[data-ready=""]');
      expect(loads).toBe(1);
      expect(await title()).toContain('数说首都工会五年（新版）');
      expect(new URL(page.url()).hash).toBe('#care'); // at the reader's place
      // Every script of the page is the new build's, its changed words included; none is the old build's alone.
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((n) => n.includes('/assets/') && n.endsWith('.js')),
      );
      const newFiles = readdirSync(join(next.dir, 'assets'));
      expect(scripts.map((s) => s.replace(/^.*\/assets\//, ''))).toContain(next.chunk);
      for (const s of scripts) expect(newFiles, s).toContain(s.replace(/^.*\/assets\//, ''));
      expect(await prompt.count()).toBe(0);
      // The old build's cache is gone; one remains, the new one's.
      await page.waitForFunction(async (scope) => (await caches.keys()).filter((k) => k.startsWith(`precache ${scope} `)).length === 1, scope);
      expect(await cacheNames(page, scope)).toEqual([`precache ${scope} ${precached(next.dir).version}`]);
      expect(trouble).toEqual([]);
    } finally {
      await context.close();
      await site.close();
      rmSync(next.dir, { recursive: true, force: true });
    }
  });
});

describe('where no worker is registered', () => {
  /** True when a worker registered within `ms` of the page's load (the registration waits for load and idle). */
  const registersWithin = async (context: BrowserContext, ms: number) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline && context.serviceWorkers().length === 0) await new Promise((ok) => setTimeout(ok, 100));
    return context.serviceWorkers().length > 0;
  };
  /** The page decided against a worker (src/offline/start.ts says so on <html>), and none is there. */
  const declined = async (page: Page | Frame, context: BrowserContext) => {
    await page.locator('html[data-offline="off"]').waitFor({ state: 'attached', timeout: 10_000 });
    return context.serviceWorkers().length === 0;
  };

  it('in an embed on a news site’s page, nor in the embed opened by itself; the story itself does', async () => {
    const site = await serveDir('dist');
    const host: Server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><link rel="icon" href="data:,"><p>An article.</p><iframe src="${site.url}/?mode=embed&amp;lang=zh" width="360" height="600"></iframe>`);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      // Another origin of the same site (another port): a frame the browser would let register, had we asked.
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      const frame = page.frames()[1];
      await live(frame, 'html[data-ready=""]');
      await frame.locator('main [data-step]').first().waitFor();
      expect(await declined(frame, context)).toBe(true);
      expect(await frame.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(0);
      await ready(page, `${site.url}/?mode=embed&lang=en`);
      expect(await declined(page, context)).toBe(true);
      await ready(page, `${site.url}/?lang=en`); // the story itself registers
      expect(await registersWithin(context, 4000)).toBe(true);
      expect(await page.locator('html[data-offline]').count()).toBe(0);
    } finally {
      await browser.close();
      await new Promise((ok) => host.close(ok));
      await site.close();
    }
  });

  it('under the venue server, which marks its pages with <meta name="hall-audience">', async () => {
    const handler = siteFiles('dist', () => '<meta name="hall-audience" content="http://127.0.0.1/">');
    const hall = createServer(handler);
    await new Promise<void>((ok) => hall.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(hall.address() as AddressInfo).port}`;
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      for (const path of ['/?lang=zh', '/?mode=present&lang=zh', '/en/?mode=presenter&lang=en']) {
        await ready(page, url + path);
        expect(await page.locator('meta[name="hall-audience"]').count()).toBe(1);
        expect(await declined(page, context), path).toBe(true);
      }
    } finally {
      await browser.close();
      await new Promise((ok) => hall.close(ok));
    }
  });

  it('from the single file (file://): it holds no worker code', () => {
    const file = readFileSync('dist-offline/index.html', 'utf8');
    expect(file).not.toMatch(/serviceWorker|sw\.js|manifest\.webmanifest/);
    expect(readFileSync('dist/index.html', 'utf8')).toMatch(/<link rel="manifest" href="manifest\.webmanifest"/); // and the site does
  });
});
