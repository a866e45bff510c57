// How readers really meet the page, for `npm run bench`: a phone (390x844) on slow 4G with its CPU
// slowed 4x from navigation on, the page left alone for two seconds (the reader looks at the first
// screen), then the whole story swiped through at one of three paces, the first touch included (no
// separate "start" run: the app's start is part of what the reader meets). And the projector: present
// mode at 1920x1080, 4x CPU, every slide's reveal.

/** Lighthouse's slow 4G: 150 ms round trips, 1.6 Mbps down, 750 kbps up. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/**
 * The paces, as swipes (CDP's synthesized scroll gestures, no fling after the finger lifts; as a
 * mouse wheel, since headless Chromium scrolls nothing for synthesized touch gestures):
 * `screens` of the viewport's height each, at `speed` px/s, a new one every `everyMs` (at once when
 * the last ends, if longer). A fling: a screen at a time, back to back (about three screens a second);
 * a quick reader: a fifth of the screen every 100 ms; reading pace: a third and a bit, then 0.8 s to read.
 */
export const PACES = {
  fling: { screens: 1, speed: 2500, everyMs: 0 },
  quick: { screens: 0.2, speed: 2200, everyMs: 100 },
  reading: { screens: 0.35, speed: 1200, everyMs: 1050 },
};

/** Installed before the page's own scripts: long tasks, long animation frames and layout shifts from navigation on, and when the story went live. */
function observeFromNavigation() {
  const b = (window.__bench = { tasks: [], loafs: [], shifts: [], ready: null, frames: [], touch: null });
  const watch = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  watch('longtask', (e) => b.tasks.push([e.startTime, e.duration]));
  watch('long-animation-frame', (e) => b.loafs.push([e.startTime, e.duration]));
  watch('layout-shift', (e) => !e.hadRecentInput && b.shifts.push([e.startTime, e.value]));
  const seen = () => {
    if (b.ready === null && document.documentElement.hasAttribute('data-ready')) b.ready = performance.now();
  };
  // The root element does not exist yet when this runs: the document is watched, and its subtree.
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const p95 = (xs) => (xs.length ? sorted(xs)[Math.floor(xs.length * 0.95)] : NaN);

/** A fresh page in `context` with the CPU slowed 4x (and, for a phone, slow 4G) before it navigates. */
async function slowedPage(context, { network = true } = {}) {
  const page = await context.newPage();
  await page.addInitScript(observeFromNavigation);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  return { page, cdp };
}

/** Starts counting frames (rAF intervals) now. */
const countFrames = (page) =>
  page.evaluate(() => {
    const b = window.__bench;
    let last = performance.now();
    const tick = (now) => {
      b.frames.push(now - last);
      last = now;
      if (!b.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

/**
 * One reader through the whole page at `pace` (keys of PACES), the first touch two seconds after the
 * page's load. Returns, prefixed by the pace's name: frames over 50 ms and the p95 from the first touch
 * to the end; the first touch's longest task in the 5 s after it; how long after it the story was
 * live (0: before it); the longest task from navigation to the end; what was fetched before live;
 * layout shift. `liveAtLoad`: a page with no `data-ready` mark (the plain page), live once loaded.
 */
export async function readerRun(context, url, paceName, { liveAtLoad = false } = {}) {
  const pace = PACES[paceName];
  const { page, cdp } = await slowedPage(context);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(2000); // the reader looks at the first screen
  const height = await page.evaluate(() => innerHeight);
  await page.evaluate(() => (window.__bench.touch = performance.now()));
  await countFrames(page);
  const distance = Math.round(pace.screens * height);
  for (let stalled = 0, y = -1; stalled < 2; ) {
    const t0 = Date.now();
    await cdp.send('Input.synthesizeScrollGesture', {
      x: 195,
      y: Math.round(height * 0.7),
      yDistance: -distance,
      speed: pace.speed,
      gestureSourceType: 'mouse',
      preventFling: true,
    });
    const left = pace.everyMs - (Date.now() - t0);
    if (left > 0) await page.waitForTimeout(left);
    const now = await page.evaluate(() => scrollY);
    stalled = now === y ? stalled + 1 : 0;
    y = now;
  }
  await page.waitForTimeout(1500); // the last reveal ends
  const b = await page.evaluate(() => {
    const bench = window.__bench;
    bench.stop = true;
    if (bench.ready === null && document.documentElement.hasAttribute('data-ready')) throw new Error('data-ready was set unseen');
    const ready = bench.ready ?? performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0; // a page with no live mark: its load
    // What the page fetched before it was live: scripts, styles, fonts, words (the page itself apart).
    const live = performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime <= ready && r.initiatorType !== 'img' && !/\.(png|svg|ico|webp|jpg)(\?|$)/.test(r.name))
      .reduce((sum, r) => sum + (r.encodedBodySize || 0), 0);
    return { ...bench, readyAt: bench.ready, liveBytes: live };
  });
  await page.close();
  const frames = b.frames.slice(1);
  const touch = b.touch;
  const taskMax = (from, to) => Math.max(0, ...b.tasks.filter(([start]) => start >= from && start <= to).map(([, d]) => d));
  const ready = liveAtLoad ? 0 : b.readyAt; // the plain page is live at its load, before any touch
  return {
    [`${paceName}FramesOver50`]: frames.filter((f) => f > 50).length,
    [`${paceName}FrameP95Ms`]: round(p95(frames)),
    [`${paceName}WorstFrameMs`]: round(Math.max(...frames)),
    [`${paceName}LongAnimationFrames`]: b.loafs.filter(([start]) => start >= touch).length,
    [`${paceName}TouchLongestTaskMs`]: round(taskMax(touch, touch + 5000)),
    [`${paceName}LiveAfterTouchMs`]: ready === null ? 60_000 : Math.max(0, Math.round(ready - touch)), // never live: a minute
    [`${paceName}NavLongestTaskMs`]: round(taskMax(0, Infinity)),
    [`${paceName}LiveKiB`]: round(b.liveBytes / 1024),
    [`${paceName}ScrollCls`]: round(b.shifts.reduce((sum, [, v]) => sum + v, 0), 4),
  };
}

/** The projector: present mode at 1920x1080, 4x CPU, each slide in turn (PageDown) and its reveal; the frames' p95 and those over 50 ms. */
export async function projectorRun(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const { page } = await slowedPage(context, { network: false });
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForTimeout(1500);
  await countFrames(page);
  let slides = 0;
  for (let last = ''; ; slides++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(1300); // the slide's reveal (1 s) and a breath
    const id = await page.locator('.deck [data-slide]').first().getAttribute('data-slide');
    if (id === last) break;
    last = id ?? '';
  }
  const frames = await page.evaluate(() => ((window.__bench.stop = true), window.__bench.frames.slice(1)));
  await context.close();
  return { projectorSlides: slides + 1, projectorFrameP95Ms: round(p95(frames)), projectorFramesOver50: frames.filter((f) => f > 50).length };
}
