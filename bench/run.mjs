// npm run bench: builds, serves dist/ (gzipped, as a host would), drives the system Chromium and
// reports what the quality bars measure. A benchmark, not a test: it prints a table and writes
// bench/latest.json. These machines are noisy, so each timing is the median of several runs.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { devices } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS, chromiumPath, launch } from '../tools/browsers/chromium.js';
import { serveDir } from '../tools/serve.js';

const CHROME = chromiumPath();
const RUNS = Number(process.env.BENCH_RUNS || 3);
const PAGES = [
  { name: 'zh', path: '/?lang=zh' },
  { name: 'en', path: '/en/?lang=en' },
];
const BUDGET = { transferKiB: 60, performance: 98, accessibility: 100, bestPractices: 100, seo: 100, p95: 20, over50: 3, cls: 0.01 };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;

if (!process.argv.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' });
const server = await serveDir('dist');
const browser = await launch();
const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } };

/** First view on a phone: what the page fetches before the reader scrolls, by kind, gzipped. */
async function firstView(path) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  const sizes = { script: 0, stylesheet: 0, font: 0, document: 0, other: 0 };
  const foreign = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().startsWith(server.url)) foreign.push(request.url());
    const { responseBodySize } = await request.sizes();
    const type = request.resourceType();
    sizes[type in sizes ? type : 'other'] += responseBodySize;
  });
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  await context.close();
  return { jsCssFontKiB: kib(sizes.script + sizes.stylesheet + sizes.font), htmlKiB: kib(sizes.document), foreign };
}

/** Frame times while scrolling the whole story with the wheel, 4x CPU slowdown, phone size; and layout shift. */
async function scrollFrames(path) {
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(server.url + path, { waitUntil: 'networkidle' });
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    let last = performance.now();
    const tick = (now) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.move(200, 600);
  // Wheel down to the end; stop once several wheels in a row move nothing (the bottom).
  // (The position is read once every ten wheels: the harness should load the page as little as it can.)
  for (let stalled = 0, y = -1; stalled < 2; ) {
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    const now = await page.evaluate(() => scrollY);
    stalled = now === y ? stalled + 1 : 0;
    y = now;
  }
  const { frames, cls } = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames.slice(1), cls: window.__cls };
  });
  await context.close();
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    frames: frames.length,
    p95: Math.round(sorted[Math.floor(sorted.length * 0.95)] * 10) / 10,
    over50: frames.filter((f) => f > 50).length,
    cls: Math.round(cls * 10000) / 10000,
  };
}

/** A promise that gives up after `ms` (Lighthouse has been seen to hang here, rarely). */
const within = (ms, promise) =>
  Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms))]);

/** Lighthouse, tried twice before giving up on a run. */
async function audit(path) {
  try {
    return await within(120_000, auditOnce(path));
  } catch (e) {
    console.error(`Lighthouse: ${e.message}; trying once more`);
    return within(120_000, auditOnce(path));
  }
}

/** Lighthouse 12.2.3, its default mobile profile (simulated slow 4G, 4x CPU). */
async function auditOnce(path) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: ['--headless=new', ...FLAGS] });
  try {
    const { lhr } = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error' });
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
      cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 10000) / 10000,
    };
  } finally {
    await chrome.kill();
  }
}

const report = { date: new Date().toISOString(), runs: RUNS, budget: BUDGET, pages: {} };
for (const { name, path } of PAGES) {
  const views = [];
  const scrolls = [];
  const audits = [];
  for (let i = 0; i < RUNS; i++) {
    views.push(await firstView(path));
    scrolls.push(await scrollFrames(path));
    audits.push(await audit(path));
  }
  const pick = (list, key) => median(list.map((x) => x[key]));
  report.pages[name] = {
    path,
    jsCssFontKiB: pick(views, 'jsCssFontKiB'),
    htmlKiB: pick(views, 'htmlKiB'),
    foreignRequests: [...new Set(views.flatMap((v) => v.foreign))],
    performance: pick(audits, 'performance'),
    accessibility: pick(audits, 'accessibility'),
    bestPractices: pick(audits, 'bestPractices'),
    seo: pick(audits, 'seo'),
    lcpMs: pick(audits, 'lcpMs'),
    tbtMs: pick(audits, 'tbtMs'),
    loadCls: pick(audits, 'cls'),
    scrollFrames: pick(scrolls, 'frames'),
    frameP95Ms: pick(scrolls, 'p95'),
    framesOver50: pick(scrolls, 'over50'),
    scrollCls: pick(scrolls, 'cls'),
  };
}
await browser.close();
await server.close();

const rows = [
  ['first view JS+CSS+font (KiB gz)', 'jsCssFontKiB', `<= ${BUDGET.transferKiB}`],
  ['HTML (KiB gz)', 'htmlKiB', ''],
  ['Lighthouse performance', 'performance', `>= ${BUDGET.performance}`],
  ['Lighthouse accessibility', 'accessibility', '= 100'],
  ['Lighthouse best practices', 'bestPractices', '= 100'],
  ['Lighthouse SEO', 'seo', '= 100'],
  ['LCP (ms, simulated)', 'lcpMs', ''],
  ['TBT (ms, simulated)', 'tbtMs', ''],
  ['CLS on load', 'loadCls', `<= ${BUDGET.cls}`],
  ['frames while scrolling', 'scrollFrames', ''],
  ['frame p95 (ms, 4x CPU)', 'frameP95Ms', `<= ${BUDGET.p95}`],
  ['frames over 50 ms', 'framesOver50', `<= ${BUDGET.over50}`],
  ['CLS while scrolling', 'scrollCls', `<= ${BUDGET.cls}`],
  ['requests to other origins', 'foreignRequests', '0'],
];
const names = Object.keys(report.pages);
console.log(`\n| measure (median of ${RUNS}) | ${names.join(' | ')} | budget |`);
console.log(`|---|${names.map(() => '---').join('|')}|---|`);
for (const [label, key, budget] of rows) {
  const cells = names.map((n) => {
    const v = report.pages[n][key];
    return Array.isArray(v) ? v.length : v;
  });
  console.log(`| ${label} | ${cells.join(' | ')} | ${budget} |`);
}
writeFileSync(new URL('./latest.json', import.meta.url), JSON.stringify(report, null, 2) + '\n');
console.log('\nwrote bench/latest.json');
