// The hall as the room meets it, with no promise on the clock: the real venue server (server/hall.mjs,
// a child process on the built dist/, PORT=0, a known key) and people in browser contexts of their own.
// The promises held to the wall clock are in hall.test.ts; this file runs after it or the rehearsal.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { showsQr } from '../../src/hall/qrSlides';
import { qrCode } from '../../src/present/qrCode';
import { slides } from '../../src/present/slides';
import { axe } from '../support/axe';
import { Follower, KEY, state } from '../support/hall';
import { inTheHall, jump, LAPTOP, PHONE, press, sees, shown } from './hallPeople';
import { framesPass, SHOTS } from './story-page';

const { room, open, presenter, follower } = inTheHall();

describe('the hall', () => {
  // The operator sees the room: how many phones follow, and, when the code has stood a minute with
  // nobody joining, the likely cause in plain words (by the page's clock, not a minute of the test's).
  it('tells the speaker how many phones follow, and why none may have joined after a minute of the code', async () => {
    const { page } = await open(`${room.hall.base}/?mode=presenter&lang=en&key=${KEY}`, { ...LAPTOP, clock: true });
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
      fetch(`${room.hall.base}/hall/publish`, { method: 'POST', headers: { 'x-hall-key': KEY, 'content-type': type }, body }).then((r) => r.status);
    expect([
      await withKey(`{"index":1,"black":false,"pad":"${'x'.repeat(400)}"}`),
      await withKey('{"index":1}'),
      await withKey(`{"index":${slides.length},"black":false}`),
      await withKey('index=1', 'application/x-www-form-urlencoded'),
    ]).toEqual([413, 400, 400, 415]);
    // A speaker view opened with a wrong key (it joins the room on slide 10) says so, and moves nobody either.
    const wrong = await open(`${room.hall.base}/?mode=presenter&lang=en&key=a-guess-at-the-key-0000`, LAPTOP);
    await wrong.page.locator(`.current [data-slide="${slides[9].id}"]`).waitFor({ timeout: 5000 });
    await press(wrong.page, 'PageDown', 10);
    await expect(wrong.page.locator('[data-hall="refused"]').textContent({ timeout: 5000 })).resolves.toContain('Wrong key');
    // And one opened without its key says why the phones do not follow it.
    const keyless = await open(`${room.hall.base}/?mode=presenter&lang=en`, LAPTOP);
    await press(keyless.page, 'PageDown', 1);
    await expect(keyless.page.locator('[data-hall="refused"]').textContent()).resolves.toContain('no presenter key');

    expect(await state(room.hall.base)).toEqual({ index: 9, black: false });
    expect(await shown(speaker.page)).toBe(slides[9].id);
    expect(await shown(zh.page)).toBe(slides[9].id);
    expect(await shown(en.page)).toBe(slides[7].id); // its own ← and Previous, on its own
  });

  it('never puts the key in a follower’s page, address or stream, nor in the audience window’s', async () => {
    const stream = new Follower(`${room.hall.base}/hall/events`);
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
});

describe('accessibility under the hall', () => {
  // axe-core is injected as a script, which the hall's CSP refuses: these contexts bypass it.
  it('has no axe violation on a phone (live, reading alone, paused), in the speaker view, or on a slide with the code', async () => {
    const speaker = await open(`${room.hall.base}/?mode=presenter&lang=en&key=${KEY}`, { ...LAPTOP, bypassCSP: true });
    await speaker.page.locator('[data-hall="live"]').waitFor({ timeout: 5000 });
    expect(await axe(speaker.page), 'speaker view').toEqual([]);
    const phone = await open(`${room.hall.base}/?mode=follow`, { ...PHONE, locale: 'zh-CN', bypassCSP: true });
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
    const slide = await open(`${room.hall.base}/?mode=present&lang=zh`, { viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    await slide.page.locator('svg[data-qr]').waitFor();
    expect(await axe(slide.page, { enhanced: true }), 'title slide with the code').toEqual([]);
  });
});

describe.each([
  [1920, 1080, 'zh'],
  [1024, 768, 'en'],
])('the QR code at %dx%d in %s', (width, height, lang) => {
  it('stands on the title, each theme’s first slide and the end in present mode under the hall, big enough for the back row', async () => {
    const { page, errors } = await open(`${room.hall.base}/?mode=present&lang=${lang}`, { viewport: { width, height } });
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
    await page.locator('.deck [data-slide]').first().waitFor({ timeout: 5000 });
    await framesPass(page, 2); // the deck is drawn: the page has decided it is not in a hall
    expect(await page.locator('[data-qr], .qr-side').count()).toBe(0);
    expect(requests.filter((u) => u.includes('/hall/'))).toEqual([]);
  });

  it('shows the slides in follow mode, with a quiet note that no presenter is connected', async () => {
    const { page, requests, errors } = await open(`${inject('baseURL')}/?mode=follow&step=3`, { ...PHONE, locale: 'en-US' });
    await sees(page, 2);
    await expect(page.getByRole('status').first().textContent()).resolves.toBe('No presenter is connected: page through the slides yourself.');
    // The slide fills the screen down to the paging: its progress bar stands at the foot, however short the slide.
    const foot = () =>
      page.evaluate(() => {
        const bar = document.querySelector('.follow .progress')!.getBoundingClientRect();
        return { bar: Math.round(bar.bottom), paging: Math.round(document.querySelector('.paging')!.getBoundingClientRect().top) };
      });
    const short = await foot();
    expect(short.paging - short.bar).toBeGreaterThanOrEqual(0);
    expect(short.paging - short.bar).toBeLessThan(24);
    await page.getByRole('button', { name: 'Next' }).click();
    await sees(page, 3, 1000); // the whole deck is the reader's to page
    expect(await foot()).toEqual(short);
    await framesPass(page, 2);
    expect(requests.filter((u) => u.includes('/hall/'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/follow-390x844-en-no-presenter.png` });
  });
});
