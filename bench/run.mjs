// npm run bench: builds the story and its baseline (a plain scrollama + d3 page with the same figures,
// bench/baseline), serves both gzipped as a host would, and measures them side by side in the system
// Chromium: first-view weight, frame times over a full wheel scroll at 4x CPU on a phone (a fling,
// held to the budgets, and at reading pace, reported), layout shift, and Lighthouse (mobile). Three
// runs (BENCH_RUNS), median and worst beside the budgets; exits 1 on a breach. A benchmark, not a test: it never runs in CI (the CI machine is noisy).
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { devices } from 'playwright-core';
import { CHROMIUM_FLAGS as FLAGS, chromiumPath, launch } from '../tools/browsers/chromium.js';
import { serveDir } from '../tools/serve.js';
import { buildBaseline } from './baseline/build.mjs';

const CHROME = chromiumPath();
const RUNS = Number(process.env.BENCH_RUNS || 3);
const BASELINE_DIR = 'node_modules/.bench/baseline';

/**
 * What is measured. `story` pages are held to the budgets; the baseline sets the LCP bar. `en via /`
 * is an English-preferring browser opening the Chinese address, measured by Lighthouse only, both
 * ways the issue offers: the head script settling the language before the first paint (README,
 * Budgets), and without it (`blocked`: the Chinese page, then the story redrawn in English). Its
 * redirect costs round trips that no page can save within the CSP, so its LCP is held to the other
 * way's (`lcpBar`), not to the baseline's; both are shown beside the baseline.
 */
const PAGES = [
  { name: 'zh', site: 'story', path: '/?lang=zh' },
  { name: 'en', site: 'story', path: '/en/?lang=en' },
  { name: 'en via /', site: 'story', path: '/', browserLang: 'en-US', lighthouseOnly: true, lcpBar: 'en via /, no script' },
  { name: 'en via /, no script', site: 'story', path: '/', browserLang: 'en-US', lighthouseOnly: true, blocked: ['*/lang.js'], judged: false },
  { name: 'baseline', site: 'baseline', path: '/' },
];

/** The budgets (issue "As smooth as the plain page"): `worse` is how a value breaks its budget. */
const BUDGETS = {
  firstViewKiB: { limit: 48, worse: 'above', label: 'first view JS+CSS+font (KiB gz)' },
  frameP95Ms: { limit: 17, worse: 'above', label: 'frame p95 while scrolling (ms, 4x CPU)' },
  framesOver50: { limit: 0, worse: 'above', label: 'frames over 50 ms' },
  scrollCls: { limit: 0.01, worse: 'above', label: 'layout shift while scrolling' },
  loadCls: { limit: 0.01, worse: 'above', label: 'layout shift on load (Lighthouse)' },
  performance: { limit: 98, worse: 'below', label: 'Lighthouse performance' },
  accessibility: { limit: 100, worse: 'below', label: 'Lighthouse accessibility' },
  bestPractices: { limit: 100, worse: 'below', label: 'Lighthouse best practices' },
  seo: { limit: 100, worse: 'below', label: 'Lighthouse SEO' },
  lcpMs: { limit: 'baseline', worse: 'above', label: 'LCP (ms, Lighthouse mobile)' },
  foreign: { limit: 0, worse: 'above', label: 'requests to other origins' },
};
const REPORTED = {
  htmlKiB: 'HTML (KiB gz)',
  tbtMs: 'TBT (ms, Lighthouse mobile)',
  frames: 'frames while scrolling',
  worstFrameMs: 'worst frame (ms)',
  // The page's own long frames (Long Animation Frames: over 50 ms of main-thread work), steadier on a
  // noisy machine than frame intervals, which also count the machine's stalls.
  longAnimationFrames: 'long animation frames (over 50 ms of work)',
  startLongestTaskMs: 'start at the first gesture: longest task (ms, 4x CPU)',
  startLongTasks: 'start at the first gesture: tasks over 50 ms',
  readingFrameP95Ms: 'reading pace: frame p95 (ms, 4x CPU)',
  readingFramesOver50: 'reading pace: frames over 50 ms',
  readingLongAnimationFrames: 'reading pace: long animation frames',
  readingScrollCls: 'reading pace: layout shift',
};

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const kib = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

if (!process.argv.includes('--no-build')) execSync('npm run build', { stdio: 'inherit' });
mkdirSync(BASELINE_DIR, { recursive: true });
await buildBaseline(BASELINE_DIR);
const servers = { story: await serveDir('dist'), baseline: await serveDir(BASELINE_DIR) };
const browser = await launch();
const phone = { ...devices['Pixel 7'], viewport: { width: 390, height: 844 } };
// A service worker's precache is not the first view: workers are kept out of these contexts.
const context = () => browser.newContext({ ...phone, serviceWorkers: 'block' });

/** First view on a phone: what the page fetches before the reader scrolls, gzipped. */
async function firstView(url) {
  const ctx = await context();
  const page = await ctx.newPage();
  const sizes = { script: 0, stylesheet: 0, font: 0, document: 0, other: 0 };
  const foreign = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().startsWith(new URL(url).origin)) foreign.push(request.url());
    const { responseBodySize } = await request.sizes();
    const type = request.resourceType();
    sizes[type in sizes ? type : 'other'] += responseBodySize;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(500);
  await ctx.close();
  return { firstViewKiB: kib(sizes.script + sizes.stylesheet + sizes.font), htmlKiB: kib(sizes.document), foreign: foreign.length };
}

/**
 * How the bench scrolls the whole page: `fling`, wheels back to back (about three screens a second),
 * held to the budgets; `reading`, three wheels then a second's pause, so that each chart is drawn and
 * revealed where a reader stops (the story draws nothing mid-fling: README, Budgets). Reported only.
 */
const PACES = {
  fling: { wheels: 10, pauseMs: 0, prefix: '' },
  reading: { wheels: 3, pauseMs: 1000, prefix: 'reading' },
};

/** Frame times (rAF intervals) and layout shift while wheel-scrolling the whole page at 4x CPU. */
async function scrollFrames(url, pace) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  // The story's app starts at the reader's first gesture (`startTasks` measures that); the scroll is
  // measured on the live story, as when it started at load. The baseline has no such mark.
  await page.mouse.move(200, 600);
  await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 3000 }).catch(() => {});
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    const w = window;
    w.__frames = [];
    w.__cls = 0;
    w.__loaf = 0;
    new PerformanceObserver((list) => {
      w.__loaf += list.getEntries().length;
    }).observe({ type: 'long-animation-frame', buffered: false });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: false });
    let last = performance.now();
    const tick = (now) => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Wheel down to the end; stop once wheels move nothing (the position is read once a batch of
  // wheels: the harness should load the page as little as it can).
  for (let stalled = 0, y = -1; stalled < 2; ) {
    for (let i = 0; i < pace.wheels; i++) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(16);
    }
    if (pace.pauseMs) await page.waitForTimeout(pace.pauseMs);
    const now = await page.evaluate(() => scrollY);
    stalled = now === y ? stalled + 1 : 0;
    y = now;
  }
  await page.waitForTimeout(1000); // the last reveal ends
  const { frames, cls, loaf } = await page.evaluate(() => {
    window.__stop = true;
    return { frames: window.__frames.slice(1), cls: window.__cls, loaf: window.__loaf };
  });
  await ctx.close();
  const s = sorted(frames);
  const key = (name) => (pace.prefix ? pace.prefix + name[0].toUpperCase() + name.slice(1) : name);
  return {
    [key('frames')]: frames.length,
    [key('frameP95Ms')]: round(s[Math.floor(s.length * 0.95)]),
    [key('worstFrameMs')]: round(s[s.length - 1]),
    [key('framesOver50')]: frames.filter((f) => f > 50).length,
    [key('scrollCls')]: round(cls, 4),
    [key('longAnimationFrames')]: loaf,
  };
}

/**
 * The story's start, at 4x CPU: the built page waits for its reader, and its app (fetch, evaluation,
 * hydration, scrollama) starts at the first gesture. Its long tasks, as a reader who acts at once meets them.
 */
async function startTasks(url) {
  const ctx = await context();
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'networkidle' });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await page.mouse.move(200, 600);
  await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.__tasks);
  await ctx.close();
  return { startLongestTaskMs: round(Math.max(0, ...tasks)), startLongTasks: tasks.length };
}

/** A promise that gives up after `ms` (Lighthouse has been seen to hang, rarely). */
const within = (ms, promise) =>
  Promise.race([promise, new Promise((_, fail) => setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms))]);

/** Lighthouse 12, its default mobile profile (simulated slow 4G, 4x CPU), tried twice. */
async function audit(url, browserLang, blocked) {
  try {
    return await within(120_000, auditOnce(url, browserLang, blocked));
  } catch (e) {
    console.error(`Lighthouse: ${e.message}; trying once more`);
    return within(120_000, auditOnce(url, browserLang, blocked));
  }
}

async function auditOnce(url, browserLang, blocked = []) {
  const chromeFlags = ['--headless=new', ...FLAGS, ...(browserLang ? [`--lang=${browserLang}`, `--accept-lang=${browserLang}`] : [])];
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', blockedUrlPatterns: blocked });
    const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
      loadCls: round(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN, 4),
      finalUrl: lhr.finalDisplayedUrl,
    };
  } finally {
    await chrome.kill();
  }
}

// Runs interleave the pages, so a slow spell of the machine falls on all of them alike.
const runs = Object.fromEntries(PAGES.map((p) => [p.name, []]));
for (let i = 0; i < RUNS; i++) {
  for (const page of PAGES) {
    const url = servers[page.site].url + page.path;
    console.error(`run ${i + 1}/${RUNS}: ${page.name}`);
    const run = { ...(await audit(url, page.browserLang, page.blocked)) };
    if (!page.lighthouseOnly) Object.assign(run, await firstView(url), await scrollFrames(url, PACES.fling), await scrollFrames(url, PACES.reading));
    if (page.site === 'story' && !page.lighthouseOnly) Object.assign(run, await startTasks(url));
    runs[page.name].push(run);
  }
}
await browser.close();
await Promise.all(Object.values(servers).map((s) => s.close()));

/** Median and worst of a measure over the runs; worst is in the direction that breaks its budget. */
function summary(list, key) {
  const xs = list.map((r) => r[key]).filter((x) => typeof x === 'number' && !Number.isNaN(x));
  if (xs.length === 0) return null;
  const lowerIsWorse = BUDGETS[key]?.worse === 'below';
  return { median: median(xs), worst: lowerIsWorse ? Math.min(...xs) : Math.max(...xs) };
}
const report = { date: new Date().toISOString(), runs: RUNS, pages: {} };
for (const page of PAGES) {
  const keys = [...Object.keys(BUDGETS), ...Object.keys(REPORTED)];
  report.pages[page.name] = { path: page.path, ...Object.fromEntries(keys.map((k) => [k, summary(runs[page.name], k)])) };
  report.pages[page.name].finalUrl = runs[page.name][0]?.finalUrl;
}

// A story page breaks a budget when its median does (the machine is noisy: the worst is shown, not judged).
const breaches = [];
const limitOf = (key, page) =>
  BUDGETS[key].limit !== 'baseline' ? BUDGETS[key].limit : report.pages[(key === 'lcpMs' && page?.lcpBar) || 'baseline'][key]?.median;
for (const page of PAGES.filter((p) => p.site === 'story' && p.judged !== false)) {
  for (const [key, budget] of Object.entries(BUDGETS)) {
    const value = report.pages[page.name][key]?.median;
    const limit = limitOf(key, page);
    if (value == null || limit == null) continue;
    if (budget.worse === 'above' ? value > limit : value < limit) breaches.push(`${page.name}: ${budget.label} ${value}, budget ${budget.worse === 'above' ? '≤' : '≥'} ${limit}`);
  }
}
report.breaches = breaches;

const cell = (s) => (s == null ? '–' : s.median === s.worst ? `${s.median}` : `${s.median} (${s.worst})`);
console.log(`\n| measure: median (worst) of ${RUNS} | ${PAGES.map((p) => p.name).join(' | ')} | budget |`);
console.log(`|---|${PAGES.map(() => '---').join('|')}|---|`);
for (const [key, budget] of Object.entries(BUDGETS)) {
  const limit = budget.limit === 'baseline' ? `≤ baseline (${limitOf(key) ?? '–'})` : `${budget.worse === 'above' ? '≤' : '≥'} ${budget.limit}`;
  console.log(`| ${budget.label} | ${PAGES.map((p) => cell(report.pages[p.name][key])).join(' | ')} | ${limit} |`);
}
for (const [key, label] of Object.entries(REPORTED)) console.log(`| ${label} | ${PAGES.map((p) => cell(report.pages[p.name][key])).join(' | ')} | |`);
console.log(`\n"en via /" opened ${report.pages['en via /'].finalUrl} (an English-preferring browser at the Chinese address); its LCP is held to "en via /, no script" (${report.pages['en via /, no script'].lcpMs?.median ?? '–'} ms), which opened ${report.pages['en via /, no script'].finalUrl}.`);
writeFileSync(new URL('./latest.json', import.meta.url), JSON.stringify(report, null, 2) + '\n');
console.log('wrote bench/latest.json');
if (breaches.length) {
  console.log(`\n${breaches.length} budget(s) broken:\n- ${breaches.join('\n- ')}`);
  process.exit(1);
}
console.log('\nevery budget holds');
