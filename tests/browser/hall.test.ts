// The hall end to end: the real venue server (server/hall.mjs, a child process on the built dist/,
// PORT=0, a known key), a speaker view and phones in separate browser contexts. Everything talks to
// 127.0.0.1; the LAN address the server prints is only ever read (it is what the QR code carries).
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { showsQr } from '../../src/hall/qrSlides';
import { qrCode } from '../../src/present/qrCode';
import { slides } from '../../src/present/slides';
import { launch } from '../../tools/browsers/chromium.js';
import { axe } from '../support/axe';
import { Follower, KEY, killAll, sleep, startHall, state, type Hall } from '../support/hall';
import { HallRelay } from './hallRelay';
import { live, SHOTS } from './story-page';

const DIST = resolve('dist');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const LAPTOP = { viewport: { width: 1280, height: 800 } };
/** The issue's promise: a phone shows the presenter's move within half a second (by the pages' clocks). */
const FOLLOW_MS = 500;
/** How long the test driver waits for what must come promptly (its own round trips included). */
const SOON = 2000;

let browser: Browser;
let hall: Hall;
const opened: Page[] = [];

beforeAll(async () => {
  [browser, hall] = await Promise.all([launch(), startHall({ HALL_SITE: DIST })]);
});

const closeAll = async () => {
  await Promise.all(opened.splice(0).map((p) => p.context().close()));
};

// Each test's people leave with it, passed or failed.
afterEach(() => closeAll());
afterAll(async () => {
  await browser?.close();
  killAll();
});

interface Opened {
  page: Page;
  /** Console errors and uncaught exceptions (a CSP refusal is one) */
  errors: string[];
  /** Every URL the page asked for */
  requests: string[];
}

/** Opens `url` in a context of its own (a person's own phone or laptop) and waits for its view. */
async function open(url: string, options: BrowserContextOptions = PHONE): Promise<Opened> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  opened.push(page);
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  // Clocks in the page, for lags measured without the test driver's own round trips: when each key
  // went down, and when each slide appeared.
  await page.addInitScript(() => {
    const w = window as unknown as { __keys: number[]; __shown: Record<string, number> };
    w.__keys = [];
    w.__shown = {};
    addEventListener('keydown', () => w.__keys.push(Date.now()), { capture: true });
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.follow [data-slide]')) w.__shown[el.getAttribute('data-slide')!] ??= Date.now();
      if (document.querySelector('.follow [data-paused]')) w.__shown.paused ??= Date.now();
    }).observe(document, { subtree: true, childList: true });
  });
  await page.goto(url);
  await live(page);
  const mode = new URL(url).searchParams.get('mode');
  if (mode === 'follow') await page.locator('.follow [data-slide], .follow [data-paused]').first().waitFor();
  if (mode === 'presenter') await page.locator('[data-notes]').waitFor();
  if (mode === 'present') await page.locator('.deck [data-slide]').waitFor();
  return { page, errors, requests };
}

/** The speaker view, opened with the key as the hall prints it, once the phones follow it. */
async function presenter(): Promise<Opened> {
  const p = await open(`${hall.base}/?mode=presenter&lang=zh&key=${encodeURIComponent(KEY)}`, LAPTOP);
  await p.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
  return p;
}

/** A phone opening the audience address, in the language its browser speaks. */
const follower = (locale: 'zh-CN' | 'en-US', base = hall.base) => open(`${base}/?mode=follow`, { ...PHONE, locale });

/** The slide id a page shows: a follower's, the speaker view's current slide, or the audience window's. */
const shown = (page: Page) => page.locator('.follow [data-slide], .current [data-slide], .deck [data-slide]').first().getAttribute('data-slide');

/** Waits until a follower shows slide `index`; returns how long it took. */
async function sees(page: Page, index: number, timeout = 5000): Promise<number> {
  const t0 = Date.now();
  await page.locator(`.follow [data-slide="${slides[index].id}"]`).waitFor({ timeout });
  return Date.now() - t0;
}

/** Moves the speaker view with a key and waits for it to show slide `index`. */
async function press(p: Page, key: string, index: number) {
  await p.keyboard.press(key);
  await p.locator(`.current [data-slide="${slides[index].id}"]`).waitFor({ timeout: 2000 });
}

/** The speaker view goes to slide `index` (a number, then Enter: the clicker's jump). */
async function jump(p: Page, index: number) {
  await p.keyboard.type(String(index + 1));
  await press(p, 'Enter', index);
}

describe('the hall', () => {
  // The core promise: the presenter moves, every phone follows, each in its own language.
  it('moves a presenter and followers in zh and en together, within half a second', async () => {
    const speaker = await presenter();
    expect(speaker.page.url()).not.toContain(KEY); // out of the address bar at once
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await en.page.getAttribute('html', 'lang')).toBe('en');
    await Promise.all([sees(zh.page, 0), sees(en.page, 0)]);
    await expect(zh.page.getByRole('status').first().textContent()).resolves.toContain('与演讲同步');
    await expect(en.page.getByRole('status').first().textContent()).resolves.toContain('Live with the presenter');

    // From the key going down on the laptop to the slide on both phones, by the pages' own clocks
    // (one machine, one clock), so that the test driver's round trips do not count.
    const lags: number[] = [];
    const honours = slides.findIndex((s) => s.id === 'honours');
    const moves: [string, number][] = [['PageDown', 1], ['PageDown', 2], ['ArrowRight', 3], ['End', slides.length - 1], ['Home', 0], [String(honours + 1), honours]];
    for (const [key, index] of moves) {
      for (const p of [zh.page, en.page]) await p.evaluate(() => ((window as unknown as { __shown: object }).__shown = {}));
      if (/^\d+$/.test(key)) await jump(speaker.page, index);
      else await speaker.page.keyboard.press(key);
      await Promise.all([sees(zh.page, index, 2000), sees(en.page, index, 2000)]);
      const down = await speaker.page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.at(-1)!);
      for (const p of [zh.page, en.page]) lags.push((await p.evaluate((id) => (window as unknown as { __shown: Record<string, number> }).__shown[id], slides[index].id)) - down);
    }
    console.info(`phones on the presenter's slide ${lags.join(', ')} ms after the key press`);
    expect(Math.max(...lags), `lags: ${lags.join(', ')} ms`).toBeLessThan(FOLLOW_MS);

    // A follower's address keeps its slide, as present mode's does.
    await expect.poll(() => new URL(zh.page.url()).searchParams.get('step')).toBe(String(honours + 1));
    // The phone reads the step: running head (theme and section), graphic, words, in its language.
    await expect(zh.page.locator('.follow header.head').textContent()).resolves.toContain('增强政治性');
    await expect(en.page.locator('.follow .caption').textContent()).resolves.toContain('1,247');
    for (const [lang, p] of [['zh', zh.page], ['en', en.page]] as const) {
      await p.locator('.follow [data-graphic][data-state="done"]').waitFor({ timeout: 5000 });
      await p.screenshot({ path: `${SHOTS}/follow-390x844-${lang}-honours.png` });
      // Readable on a 360 px phone too: nothing wider than the screen, no text under 13 px.
      await p.setViewportSize({ width: 360, height: 640 });
      await p.locator('.follow [data-graphic][data-state="done"]').waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth), lang).toBe(true);
      const small = await p.$$eval('.follow *', (els) =>
        els.filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()) && el.getBoundingClientRect().width > 0 && parseFloat(getComputedStyle(el).fontSize) < 13).map((el) => el.textContent),
      );
      expect(small, lang).toEqual([]);
      await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight)); // the words' end, above the paging bar
      await p.screenshot({ path: `${SHOTS}/follow-360x640-${lang}-honours-end.png` });
      await p.setViewportSize(PHONE.viewport);
    }
    await jump(speaker.page, 0);
    await Promise.all([sees(zh.page, 0), sees(en.page, 0)]);
    await zh.page.screenshot({ path: `${SHOTS}/follow-390x844-zh-title.png` });
    await en.page.screenshot({ path: `${SHOTS}/follow-390x844-en-title.png` });
    // The language switch on the page: the same slide in the other language, still with the room.
    await zh.page.getByRole('link', { name: /English/ }).click();
    await expect.poll(() => zh.page.getByRole('status').first().textContent(), { timeout: 5000 }).toBe('Live with the presenter'); // a reconnect: seconds on a busy machine
    expect(new URL(zh.page.url()).searchParams.get('lang')).toBe('en');
    await speaker.page.keyboard.press('PageDown');
    await sees(zh.page, 1, SOON);
    await expect(zh.page.locator('.follow header.head').textContent()).resolves.toContain('A firmer political direction');
    expect([...speaker.errors, ...zh.errors, ...en.errors]).toEqual([]);
  });

  // The operator sees the room: how many phones follow, and, when the code has stood a minute with
  // nobody joining, the likely cause in plain words (by the page's clock, not a minute of the test's).
  it('tells the speaker how many phones follow, and why none may have joined after a minute of the code', async () => {
    const context = await browser.newContext({ ...LAPTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    opened.push(page);
    await page.clock.install();
    await page.goto(`${hall.base}/?mode=presenter&lang=en&key=${KEY}`);
    await live(page);
    await page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    await jump(page, 0); // the title, with the code
    await expect(page.locator('[data-room]').textContent()).resolves.toBe('Phones following: 0');
    await page.clock.runFor(59_000);
    expect(await page.locator('[data-nobody]').count()).toBe(0);
    await page.clock.runFor(2_000);
    await expect(page.locator('[data-nobody]').textContent()).resolves.toMatch(/client isolation.*another network.*phone hotspot/);
    await page.screenshot({ path: `${SHOTS}/presenter-1280x800-en-nobody.png` });
    const phone = await follower('zh-CN');
    await page.clock.runFor(1_500); // the count is sent at most once a second
    await page.locator('[data-room="1"]').waitFor({ timeout: 3000 });
    expect(await page.locator('[data-nobody]').count()).toBe(0);
    await phone.page.context().close();
  });

  it('shows followers a calm pause, not black, while the presenter blacks the screen out', async () => {
    const speaker = await presenter();
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    await jump(speaker.page, 4);
    await Promise.all([sees(zh.page, 4), sees(en.page, 4)]);
    await speaker.page.keyboard.press('b');
    await Promise.all([zh.page.locator('[data-paused]').waitFor({ timeout: SOON }), en.page.locator('[data-paused]').waitFor({ timeout: SOON })]);
    const down = await speaker.page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.at(-1)!);
    for (const p of [zh.page, en.page]) expect((await p.evaluate(() => (window as unknown as { __shown: Record<string, number> }).__shown.paused)) - down).toBeLessThan(FOLLOW_MS);
    await expect(zh.page.locator('[data-paused]').textContent()).resolves.toContain('演讲人暂停了投影');
    await expect(en.page.locator('[data-paused]').textContent()).resolves.toContain('The presenter has paused the slides');
    const colours = await en.page.evaluate(() => [document.body, document.querySelector('[data-paused]')!].map((el) => getComputedStyle(el).backgroundColor));
    expect(colours).not.toContain('rgb(0, 0, 0)');
    await zh.page.screenshot({ path: `${SHOTS}/follow-390x844-zh-paused.png` });
    await speaker.page.keyboard.press('b');
    await Promise.all([sees(zh.page, 4, SOON), sees(en.page, 4, SOON)]);
    expect([...speaker.errors, ...zh.errors, ...en.errors]).toEqual([]);
  });

  // With HALL_REMOTE=1 the presenter may drive from a phone over the Wi-Fi (the server's tests cover
  // who may publish; from 127.0.0.1 this phone counts as the laptop). It joins the room where it is,
  // has buttons for a thumb, and the laptop's speaker view and projector window follow it.
  it('lets a phone drive as the remote, in step with the laptop’s speaker view and projector window', async () => {
    const laptop = await presenter();
    await jump(laptop.page, 12);
    const [projector] = await Promise.all([laptop.page.context().waitForEvent('page'), laptop.page.getByRole('button', { name: '打开观众窗口' }).click()]);
    await projector.locator(`.deck [data-slide="${slides[12].id}"]`).waitFor();
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    await Promise.all([sees(zh.page, 12), sees(en.page, 12)]);

    const remote = await open(`${hall.base}/?mode=presenter&lang=zh&key=${KEY}`, PHONE);
    await remote.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    await remote.page.locator(`.current [data-slide="${slides[12].id}"]`).waitFor(); // joined where the room is
    expect(await shown(zh.page)).toBe(slides[12].id); // not sent back to the title
    await remote.page.getByRole('button', { name: '下一张' }).tap();
    await Promise.all([sees(zh.page, 13, 2000), sees(en.page, 13, 2000)]);
    await laptop.page.locator(`.current [data-slide="${slides[13].id}"]`).waitFor({ timeout: 2000 });
    await projector.locator(`.deck [data-slide="${slides[13].id}"]`).waitFor({ timeout: 2000 });
    await press(laptop.page, 'PageUp', 12); // and the other way round
    await remote.page.locator(`.current [data-slide="${slides[12].id}"]`).waitFor({ timeout: 2000 });
    await remote.page.getByRole('button', { name: '上一张' }).tap();
    await Promise.all([sees(zh.page, 11, 2000), sees(en.page, 11, 2000)]);
    await laptop.page.locator(`.current [data-slide="${slides[11].id}"]`).waitFor({ timeout: 2000 });
    await sleep(1000); // no tug of war between the two: the room stays on 11
    expect(await state(hall.base)).toEqual({ index: 11, black: false });
    expect(await shown(zh.page)).toBe(slides[11].id);
    // A clicker pointed at the projector window moves the phones too (through the laptop's speaker view).
    await projector.keyboard.press('PageDown');
    await Promise.all([sees(zh.page, 12, 2000), sees(en.page, 12, 2000)]);
    await remote.page.locator(`.current [data-slide="${slides[12].id}"]`).waitFor({ timeout: 2000 });
    await expect(remote.page.locator('[data-notes]').isVisible()).resolves.toBe(true);
    expect(await remote.page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
    await remote.page.screenshot({ path: `${SHOTS}/presenter-390x844-zh-remote.png` });
    expect([...laptop.errors, ...remote.errors, ...zh.errors, ...en.errors]).toEqual([]);
  });

  it('lets a reader page back on their own and return to live; a reload goes to the live slide', async () => {
    const speaker = await presenter();
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    await jump(speaker.page, 6);
    await Promise.all([sees(zh.page, 6), sees(en.page, 6)]);

    await zh.page.getByRole('button', { name: '上一张' }).click();
    await zh.page.getByRole('button', { name: '上一张' }).click();
    await sees(zh.page, 4, 1000);
    await expect(zh.page.getByRole('status').first().textContent()).resolves.toContain('演讲人在第7张');
    // No reading ahead of the speaker: forward stops at the live slide, where the reader rejoins.
    await press(speaker.page, 'PageDown', 7);
    await sees(en.page, 7, SOON);
    expect(await shown(zh.page)).toBe(slides[4].id); // the reader stays where they are
    await expect.poll(() => new URL(zh.page.url()).searchParams.get('step')).toBe('5');
    await zh.page.reload(); // the URL says 5, the room is on 8
    await sees(zh.page, 7);
    await zh.page.getByRole('button', { name: '上一张' }).click();
    await sees(zh.page, 6, 1000);
    await zh.page.getByRole('button', { name: '回到当前页' }).click();
    await sees(zh.page, 7, 1000);
    expect(await zh.page.getByRole('button', { name: '回到当前页' }).count()).toBe(0);
    expect(await zh.page.getByRole('button', { name: '下一张' }).isDisabled()).toBe(true);
    expect([...speaker.errors, ...zh.errors, ...en.errors]).toEqual([]);
  });

  // A follower can move no one: not by keys, taps or a request of its own; nor can a wrong key.
  it('moves nobody from a follower, and nobody with a wrong, oversized or malformed publish', async () => {
    const speaker = await presenter();
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    await jump(speaker.page, 9);
    await Promise.all([sees(zh.page, 9), sees(en.page, 9)]);

    for (const key of ['ArrowLeft', 'PageDown', 'End', 'Home', 'b', ' ', 'Enter', '3', 'Enter']) await en.page.keyboard.press(key);
    await en.page.getByRole('button', { name: 'Previous' }).click();
    await en.page.mouse.click(350, 400); // a tap on the right half moves a projector's deck, not this
    const answers = await en.page.evaluate(async () => {
      const send = (headers: Record<string, string>, body: string) =>
        fetch('/hall/publish', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then((r) => r.status);
      return [
        await send({}, '{"index":1,"black":false}'), // no key
        await send({ 'x-hall-key': 'a-guess-at-the-key-0000' }, '{"index":1,"black":false}'),
        await send({ 'x-hall-key': 'a-guess-at-the-key-0000' }, `{"index":1,"black":false,"pad":"${'x'.repeat(400)}"}`),
      ];
    });
    expect(answers).toEqual([401, 401, 401]);
    // With the key but a bad body (what a buggy client would send): refused, nothing moves.
    const withKey = (body: string, type = 'application/json') =>
      fetch(`${hall.base}/hall/publish`, { method: 'POST', headers: { 'x-hall-key': KEY, 'content-type': type }, body }).then((r) => r.status);
    expect([
      await withKey(`{"index":1,"black":false,"pad":"${'x'.repeat(400)}"}`),
      await withKey('{"index":1}'),
      await withKey(`{"index":${slides.length},"black":false}`),
      await withKey('index=1', 'application/x-www-form-urlencoded'),
    ]).toEqual([413, 400, 400, 415]);
    // A speaker view opened with a wrong key (it joins the room on slide 10) says so, and moves nobody either.
    const wrong = await open(`${hall.base}/?mode=presenter&lang=en&key=a-guess-at-the-key-0000`, LAPTOP);
    await wrong.page.locator(`.current [data-slide="${slides[9].id}"]`).waitFor({ timeout: 5000 });
    await press(wrong.page, 'PageDown', 10);
    await expect(wrong.page.locator('[data-hall="refused"]').textContent({ timeout: 5000 })).resolves.toContain('Wrong key');
    // And one opened without its key says why the phones do not follow it.
    const keyless = await open(`${hall.base}/?mode=presenter&lang=en`, LAPTOP);
    await press(keyless.page, 'PageDown', 1);
    await expect(keyless.page.locator('[data-hall="refused"]').textContent()).resolves.toContain('no presenter key');

    await en.page.waitForTimeout(300);
    expect(await state(hall.base)).toEqual({ index: 9, black: false });
    expect(await shown(speaker.page)).toBe(slides[9].id);
    expect(await shown(zh.page)).toBe(slides[9].id);
    expect(await shown(en.page)).toBe(slides[7].id); // its own ← and Previous, on its own
  });

  it('never puts the key in a follower’s page, address or stream, nor in the audience window’s', async () => {
    const stream = new Follower(`${hall.base}/hall/events`);
    try {
      const speaker = await presenter();
      const zh = await follower('zh-CN');
      const bodies: string[] = [];
      zh.page.on('response', async (r) => {
        if (!r.url().includes('/hall/events')) bodies.push(await r.text().catch(() => ''));
      });
      await zh.page.reload();
      await zh.page.locator('.follow [data-slide]').waitFor();
      // A reload of the speaker view keeps its key (in the tab's sessionStorage), not in its address.
      await speaker.page.reload();
      await speaker.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
      await jump(speaker.page, 3);
      await sees(zh.page, 3);
      await stream.waitFor(2);
      const [audience] = await Promise.all([speaker.page.context().waitForEvent('page'), speaker.page.getByRole('button', { name: '打开观众窗口' }).click()]);
      await audience.locator('.deck [data-slide]').waitFor();
      expect(bodies.length).toBeGreaterThan(3); // the page, its code and its words were seen
      for (const [what, text] of [
        ['follower page', await zh.page.content()],
        ['follower address', zh.page.url()],
        ['follower responses', bodies.join('\n')],
        ['follower storage', await zh.page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }))],
        ['stream', JSON.stringify(stream.events)],
        ['speaker address', speaker.page.url()],
        ['speaker page', await speaker.page.content()],
        ['audience window address', audience.url()],
      ]) expect(text, what).not.toContain(KEY);
    } finally {
      stream.close();
    }
  });

  // Its stream is cut at the network (a relay drops it), not by any hook in the server.
  it('brings a follower cut off for 10 s back to the live slide at once', async () => {
    const relay = new HallRelay(hall.port);
    try {
      const speaker = await presenter();
      const [cut, other] = await Promise.all([follower('zh-CN', `http://127.0.0.1:${await relay.port}`), follower('en-US')]);
      await jump(speaker.page, 2);
      await Promise.all([sees(cut.page, 2), sees(other.page, 2)]);
      await cut.page.locator('[data-graphic][data-state="done"]').waitFor({ timeout: 5000 }); // its code is all in
      relay.cut();
      await cut.page.locator('[data-status="reconnecting"]').waitFor({ timeout: 3000 });
      await press(speaker.page, 'PageDown', 3);
      await press(speaker.page, 'PageDown', 4);
      await sees(other.page, 4, SOON);
      await cut.page.waitForTimeout(9_000);
      expect(await shown(cut.page)).toBe(slides[2].id); // really cut off all along
      relay.restore();
      // EventSource retries every second (the server's `retry: 1000`): at the next try it is live.
      expect(await sees(cut.page, 4, 2500)).toBeLessThan(2500);
      await press(speaker.page, 'PageDown', 5);
      await sees(cut.page, 5, SOON);
    } finally {
      await relay.close();
    }
  });

  it('catches followers up after the server is killed and restarted; the presenter works on meanwhile', async () => {
    const speaker = await presenter();
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    await jump(speaker.page, 7);
    await Promise.all([sees(zh.page, 7), sees(en.page, 7)]);

    hall.proc.kill('SIGKILL');
    await hall.exited;
    await press(speaker.page, 'PageDown', 8); // the speaker view goes on locally
    await press(speaker.page, 'PageDown', 9);
    await speaker.page.locator('[data-hall="lost"]').waitFor({ timeout: 5000 });
    await zh.page.locator('[data-status="reconnecting"]').waitFor({ timeout: 3000 });
    expect(await shown(zh.page)).toBe(slides[7].id);

    // The same port and state folder: the hall is back at the slide it kept (8), has heard nothing
    // newer, and the speaker view sends where it is (10).
    hall = await startHall({ HALL_SITE: DIST, PORT: String(hall.port), HALL_STATE: hall.state });
    const lags = await Promise.all([sees(zh.page, 9, 8000), sees(en.page, 9, 8000)]);
    await speaker.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    expect(await state(hall.base)).toEqual({ index: 9, black: false });
    await press(speaker.page, 'PageDown', 10);
    await Promise.all([sees(zh.page, 10, SOON), sees(en.page, 10, SOON)]);
    console.info(`followers back on the live slide ${lags.join(' / ')} ms after the restart`);

    // Restarted with another key and a state folder of its own: the phones reconnect by themselves
    // and stay on their slide (the hall waits for a presenter), and the speaker view, whose key is
    // now wrong, says so instead of failing quietly.
    hall.proc.kill('SIGKILL');
    await hall.exited;
    hall = await startHall({ HALL_SITE: DIST, PORT: String(hall.port), HALL_KEY: 'another-key-0123456789' });
    await expect(speaker.page.locator('[data-hall="refused"]').textContent({ timeout: 5000 })).resolves.toContain('密钥错误');
    await expect.poll(() => zh.page.getByRole('status').first().textContent()).toBe('已连接：等待演讲人');
    expect(await shown(zh.page)).toBe(slides[10].id);
    expect(await shown(en.page)).toBe(slides[10].id);
    expect(await shown(speaker.page)).toBe(slides[10].id);
    // Back to the usual key for the tests after this one.
    hall.proc.kill('SIGKILL');
    await hall.exited;
    hall = await startHall({ HALL_SITE: DIST, PORT: String(hall.port) });
  });
});


describe('accessibility under the hall', () => {
  // axe-core is injected as a script, which the hall's CSP refuses: these contexts bypass it.
  it('has no axe violation on a phone (live, reading alone, paused), in the speaker view, or on a slide with the code', async () => {
    const speaker = await open(`${hall.base}/?mode=presenter&lang=en&key=${KEY}`, { ...LAPTOP, bypassCSP: true });
    await speaker.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    expect(await axe(speaker.page), 'speaker view').toEqual([]);
    const phone = await open(`${hall.base}/?mode=follow`, { ...PHONE, locale: 'zh-CN', bypassCSP: true });
    await jump(speaker.page, 5);
    await sees(phone.page, 5);
    await phone.page.locator('.follow [data-graphic][data-state="done"]').waitFor({ timeout: 5000 });
    expect(await axe(phone.page), 'live').toEqual([]);
    await phone.page.getByRole('button', { name: '上一张' }).click();
    await sees(phone.page, 4, 1000);
    expect(await axe(phone.page), 'reading alone').toEqual([]);
    await phone.page.getByRole('button', { name: '回到当前页' }).click();
    await speaker.page.keyboard.press('b');
    await phone.page.locator('[data-paused]').waitFor({ timeout: 2000 });
    expect(await axe(phone.page), 'paused').toEqual([]);
    await speaker.page.keyboard.press('b');
    const slide = await open(`${hall.base}/?mode=present&lang=zh`, { viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await slide.page.locator('svg[data-qr]').waitFor();
    expect(await axe(slide.page, { enhanced: true }), 'title slide with the code').toEqual([]);
  });
});

describe.each([
  [1920, 1080, 'zh'],
  [1024, 768, 'en'],
])('the QR code at %dx%d in %s', (width, height, lang) => {
  it('stands on the title, each theme’s first slide and the end in present mode under the hall, big enough for the back row', async () => {
    const { page, errors } = await open(`${hall.base}/?mode=present&lang=${lang}`, { viewport: { width, height } });
    const audience = await page.getAttribute('meta[name="hall-audience"]', 'content');
    expect(audience).toMatch(/^http:\/\/[\d.]+:\d+\/\?mode=follow$/);
    expect(audience).not.toContain(KEY);
    const { path } = await qrCode(audience!);
    for (let i = 0; i < slides.length; i++) {
      if (i > 0) await page.keyboard.press('PageDown');
      await page.locator(`.deck [data-slide="${slides[i].id}"]`).waitFor();
      if (!showsQr(i)) {
        expect(await page.locator('[data-qr]').count(), slides[i].id).toBe(0);
        continue;
      }
      const qr = page.locator('svg[data-qr]');
      await qr.waitFor();
      expect(await qr.locator('path').getAttribute('d')).toBe(path); // the library's matrix, for this address
      expect(await page.locator('.qr-side').textContent()).toContain(audience);
      expect((await qr.boundingBox())!.height, slides[i].id).toBeGreaterThanOrEqual(0.25 * height);
      await page.locator('.deck [data-graphic][data-state="done"], .deck .cover').first().waitFor({ timeout: 5000 });
      if (i === 0 || i === 1 || i === slides.length - 1) await page.screenshot({ path: `${SHOTS}/hall-present-${width}x${height}-${lang}-${slides[i].id}.png` });
      expect(await qrSlideProblems(page), slides[i].id).toEqual([]);
    }
    expect(errors).toEqual([]); // the hall's strict CSP refused nothing (no inline style, no inline script)
  });
});

/** What would spoil a slide with the code: anything off screen, cut off, spilling out of its box, or over the code. */
function qrSlideProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const code = document.querySelector('svg[data-qr]')!;
    const c = code.getBoundingClientRect();
    for (const el of document.querySelectorAll<HTMLElement>('.deck *')) {
      const b = el.getBoundingClientRect();
      if (b.width === 0 || el.closest('.visually-hidden')) continue;
      const name = `${el.tagName} ${el.getAttribute('class') ?? ''} “${(el.textContent ?? '').slice(0, 20)}”`;
      if (b.left < -1 || b.top < -1 || b.right > innerWidth + 1 || b.bottom > innerHeight + 1) out.push(`off screen: ${name}`);
      if (getComputedStyle(el).overflow === 'hidden' && (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)) out.push(`cut off: ${name}`);
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (ownText && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 2) out.push(`spills out: ${name}`);
      const overlaps = b.right > c.left && b.left < c.right && b.bottom > c.top && b.top < c.bottom;
      if (overlaps && !el.closest('.qr-side') && !el.contains(code) && !el.closest('.progress')) out.push(`over the code: ${name}`);
    }
    return out;
  });
}

describe('away from the hall (the public site)', () => {
  it('shows no QR code and opens no live channel in present mode', async () => {
    const { page, requests } = await open(`${inject('baseURL')}/?mode=present&lang=zh`, { viewport: { width: 1920, height: 1080 } });
    await page.waitForTimeout(500);
    expect(await page.locator('[data-qr], .qr-side').count()).toBe(0);
    expect(requests.filter((u) => u.includes('/hall/'))).toEqual([]);
  });

  it('shows the slides in follow mode, with a quiet note that no presenter is connected', async () => {
    const { page, requests, errors } = await open(`${inject('baseURL')}/?mode=follow&step=3`, { ...PHONE, locale: 'en-US' });
    await sees(page, 2);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('No presenter is connected: page through the slides yourself.');
    await page.getByRole('button', { name: 'Next' }).click();
    await sees(page, 3, 1000); // the whole deck is the reader's to page
    await page.waitForTimeout(300);
    expect(requests.filter((u) => u.includes('/hall/'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/follow-390x844-en-no-presenter.png` });
  });
});
