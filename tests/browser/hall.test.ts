// The hall's promises on the clock, end to end: the real venue server (server/hall.mjs, a child
// process on the built dist/, PORT=0, a known key), a speaker view and phones in separate browser
// contexts. Everything talks to 127.0.0.1. These run last, beside the rehearsal, with the machine to
// themselves (vite.config.ts); what the room sees with no promise on the clock is in hallRoom.test.ts.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slides } from '../../src/present/slides';
import { KEY, sleep, startHall, state } from '../support/hall';
import { HallRelay } from './hallRelay';
import { inTheHall, jump, PHONE, press, sees, shown } from './hallPeople';
import { SHOTS } from './story-page';

/** The issue's promise: a phone shows the presenter's move within half a second (by the pages' clocks). */
const FOLLOW_MS = 500;
/** How long the test driver waits for what must come promptly (its own round trips included). */
const SOON = 2000;
const DIST = resolve('dist');

const { room, open, presenter, follower } = inTheHall();

describe('the hall', () => {
  // The core promise: the presenter moves, every phone follows, each in its own language.
  it('moves a presenter and followers in zh and en together, within half a second', async () => {
    const speaker = await presenter();
    expect(speaker.page.url()).not.toContain(KEY); // out of the address bar at once
    const [zh, en] = await Promise.all([follower('zh-CN'), follower('en-US')]);
    expect(await zh.page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await en.page.getAttribute('html', 'lang')).toBe('en');
    await Promise.all([sees(zh.page, 0), sees(en.page, 0)]);
    // A phone shows its first slide before its stream answers: live once it has.
    await expect.poll(() => zh.page.getByRole('status').first().textContent(), { timeout: SOON }).toContain('与演讲同步');
    await expect.poll(() => en.page.getByRole('status').first().textContent(), { timeout: SOON }).toContain('Live with the presenter');

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

    const remote = await open(`${room.hall.base}/?mode=presenter&lang=zh&key=${KEY}`, PHONE);
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
    expect(await state(room.hall.base)).toEqual({ index: 11, black: false });
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

  // Its stream is cut at the network (a relay drops it), not by any hook in the server.
  it('brings a follower cut off for 10 s back to the live slide at once', async () => {
    const relay = new HallRelay(room.hall.port);
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

    room.hall.proc.kill('SIGKILL');
    await room.hall.exited;
    await press(speaker.page, 'PageDown', 8); // the speaker view goes on locally
    await press(speaker.page, 'PageDown', 9);
    await speaker.page.locator('[data-hall="lost"]').waitFor({ timeout: 5000 });
    await zh.page.locator('[data-status="reconnecting"]').waitFor({ timeout: 3000 });
    expect(await shown(zh.page)).toBe(slides[7].id);

    // The same port and state folder: the hall is back at the slide it kept (8), has heard nothing
    // newer, and the speaker view sends where it is (10).
    room.hall = await startHall({ HALL_SITE: DIST, PORT: String(room.hall.port), HALL_STATE: room.hall.state });
    const lags = await Promise.all([sees(zh.page, 9, 8000), sees(en.page, 9, 8000)]);
    await speaker.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    expect(await state(room.hall.base)).toEqual({ index: 9, black: false });
    await press(speaker.page, 'PageDown', 10);
    await Promise.all([sees(zh.page, 10, SOON), sees(en.page, 10, SOON)]);
    console.info(`followers back on the live slide ${lags.join(' / ')} ms after the restart`);

    // Restarted with another key and a state folder of its own: the phones reconnect by themselves
    // and stay on their slide (the hall waits for a presenter), and the speaker view, whose key is
    // now wrong, says so instead of failing quietly.
    room.hall.proc.kill('SIGKILL');
    await room.hall.exited;
    room.hall = await startHall({ HALL_SITE: DIST, PORT: String(room.hall.port), HALL_KEY: 'another-key-0123456789' });
    await expect(speaker.page.locator('[data-hall="refused"]').textContent({ timeout: 5000 })).resolves.toContain('密钥错误');
    await expect.poll(() => zh.page.getByRole('status').first().textContent()).toBe('已连接：等待演讲人');
    expect(await shown(zh.page)).toBe(slides[10].id);
    expect(await shown(en.page)).toBe(slides[10].id);
    expect(await shown(speaker.page)).toBe(slides[10].id);
    // Back to the usual key for the tests after this one.
    room.hall.proc.kill('SIGKILL');
    await room.hall.exited;
    room.hall = await startHall({ HALL_SITE: DIST, PORT: String(room.hall.port) });
  });
});
