// The real CLI as a child process on 127.0.0.1 with PORT=0, against a fixture site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Follower, killAll, KEY, makeSite, move, publish, raw, seqOf, sleep, startHall, state, type Hall } from '../../support/hall';

const fixture = makeSite();
let hall: Hall;
beforeAll(async () => {
  hall = await startHall({ HALL_SITE: fixture.site });
});
afterAll(() => {
  killAll();
  fixture.cleanup();
});

const CSP = "default-src 'self'; img-src 'self' blob: data:; base-uri 'self'; object-src 'none'; form-action 'none'";
/** Every page but an embed's: no other site may frame the speaker view (its key) or the slides. */
const UNFRAMED = `${CSP}; frame-ancestors 'none'`;

describe('hall, started', () => {
  it('prints exactly the four URL lines, the LAN pair first, and nothing else on stdout', () => {
    const [a, p, la, lp] = hall.lines;
    expect(hall.lines).toHaveLength(4);
    expect(a).toMatch(/^audience: http:\/\/[\d.]+:\d+\/\?mode=follow$/);
    expect(p).toBe(a.replace('audience:', 'presenter:').replace('mode=follow', `mode=presenter&key=${KEY}`));
    expect(la).toBe(`audience: ${hall.base}/?mode=follow`);
    expect(lp).toBe(`presenter: ${hall.base}/?mode=presenter&key=${KEY}`);
  });
});

describe('the site', () => {
  it.each([
    ['/', '中文'],
    ['/?mode=follow', '中文'],
    ['/en/', 'English'],
    ['/en/index.html', 'English'],
  ])('%s is the page with the audience meta before </head>, and the headers', async (path, text) => {
    const res = await fetch(hall.base + path);
    const html = await res.text();
    const audience = hall.lines[0].slice('audience: '.length);
    expect(res.status).toBe(200);
    expect(html).toContain(text);
    expect(html).toContain(`<meta name="hall-audience" content="${audience}"></head>`);
    expect(html.match(/hall-audience/g)).toHaveLength(1);
    expect(html).not.toContain(KEY);
    expect(res.headers.get('content-security-policy')).toBe(UNFRAMED);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a revalidation of a page with 304', async () => {
    const etag = (await fetch(`${hall.base}/en/`)).headers.get('etag')!;
    expect((await fetch(`${hall.base}/en/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('caches hashed assets for a year, other files not', async () => {
    const asset = await fetch(`${hall.base}/assets/x-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(UNFRAMED);
    const again = await fetch(`${hall.base}/assets/x-abc.js`, { headers: { 'if-none-match': asset.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const deck = await fetch(`${hall.base}/data/deck.json`);
    expect(await deck.json()).toEqual({ slides: 5 });
    expect(deck.headers.get('cache-control')).toBe('no-cache');
  });

  it('redirects a folder without its slash, keeping the query', async () => {
    const res = await fetch(`${hall.base}/en?mode=follow&lang=en`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/en/?mode=follow&lang=en');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets%2fx-abc.js',
    '/..\\secret.txt',
    '/assets\\x-abc.js',
    '/%00',
    '/assets/x-abc.js%00',
    '/.env',
    '/%2eenv',
    '/assets/',
    '/assets',
    '/data/',
    '/nope',
    '/en/index',
  ])('GET %s is 404: no traversal, dotfile or listing', async (path) => {
    const res = await raw(hall.port, `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBe(404);
    expect(res.text).not.toMatch(/SECRET|x-abc|deck/);
    expect(res.text).toContain(`Content-Security-Policy: ${UNFRAMED}`);
  });

  it.each([
    ['/?mode=presenter', UNFRAMED],
    ['/en/?mode=present&step=3', UNFRAMED],
    ['/?mode=embed&section=mass', CSP], // a news page may frame an embed
    ['/?mode=embed&mode=presenter', CSP], // the page reads the first `mode`, as this does
  ])('%s may be framed only as an embed', async (path, policy) => {
    expect((await fetch(hall.base + path)).headers.get('content-security-policy')).toBe(policy);
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('%s / is 405', async (method) => {
    const res = await fetch(`${hall.base}/`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('following', () => {
  it('a follower gets the current state on connect, then each publish (an unchanged one is not resent)', async () => {
    expect(await move(hall.base, 2)).toBe(204);
    const f = new Follower(`${hall.base}/hall/events`);
    try {
      const first = await f.waitFor(1);
      expect(first.event).toBe('slide');
      expect(first.id).toBe(String(await seqOf(hall.base)));
      expect(f.retry).toBe(1000);
      expect(f.slides).toEqual([{ index: 2, black: false }]);
      expect(await move(hall.base, 3)).toBe(204);
      expect(await move(hall.base, 3)).toBe(204); // same again
      expect(await move(hall.base, 3, true)).toBe(204);
      await f.waitFor(3);
      await sleep(100);
      expect(f.slides).toEqual([{ index: 2, black: false }, { index: 3, black: false }, { index: 3, black: true }]);
      const seqs = f.events.map((e) => Number(e.id));
      expect(seqs[1]).toBe(seqs[0] + 1);
      expect(seqs[2]).toBe(seqs[1] + 2); // the unchanged publish counted, not sent
      expect(JSON.stringify(f.events)).not.toContain(KEY);
    } finally {
      f.close();
    }
  });

  it('the stream is text/event-stream, not cached, with the security headers; only GET', async () => {
    const res = await fetch(`${hall.base}/hall/events`);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('transfer-encoding')).toBeNull(); // close-delimited: one write per event
    await res.body?.cancel();
    expect((await fetch(`${hall.base}/hall/events`, { method: 'POST' })).status).toBe(405);
  });
});

describe('hostile publishes get 4xx and change nothing', () => {
  const good = '{"index":1,"black":true,"seq":1000000}';
  it.each([
    ['no key', good, { 'x-hall-key': '' }, 401],
    ['a wrong key', good, { 'x-hall-key': 'x'.repeat(KEY.length) }, 401],
    ['the key with a character more', good, { 'x-hall-key': `${KEY}x` }, 401],
    ['text/plain', good, { 'content-type': 'text/plain' }, 415],
    ['a form', 'index=1&black=true', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['a body over 256 bytes', JSON.stringify({ index: 1, black: true, pad: 'x'.repeat(300) }), {}, 413],
    ['a megabyte', 'x'.repeat(1 << 20), {}, 413],
    ['malformed JSON', '{"index":1,', {}, 400],
    ['an index out of range', '{"index":5,"black":false}', {}, 400],
    ['a negative index', '{"index":-1,"black":false}', {}, 400],
    ['another key', '{"index":1,"black":true,"seq":1000000,"x":0}', {}, 400],
    ['no seq (an older speaker view)', '{"index":1,"black":true}', {}, 400],
    ['a seq of 0', '{"index":1,"black":true,"seq":0}', {}, 400],
    ['a fractional seq', '{"index":1,"black":true,"seq":1.5}', {}, 400],
    ['a seq past 2^53', '{"index":1,"black":true,"seq":9007199254740993}', {}, 400],
    ['not UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), {}, 400],
  ])('%s -> %i', async (_, body, headers, status) => {
    const before = await state(hall.base);
    const f = new Follower(`${hall.base}/hall/events`, false);
    try {
      await f.waitFor(1);
      expect(await publish(hall.base, body as string, headers as Record<string, string>)).toBe(status);
      await sleep(50);
      expect(await state(hall.base)).toEqual(before);
      expect(f.events).toHaveLength(1); // nothing broadcast
    } finally {
      f.close();
    }
  });

  it('a chunked body that grows past 256 bytes is cut off with 413', async () => {
    const body = `POST /hall/publish HTTP/1.1\r\nHost: x\r\nx-hall-key: ${KEY}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`;
    const chunk = `200\r\n${'x'.repeat(0x200)}\r\n`;
    const res = await raw(hall.port, body + chunk + chunk + '0\r\n\r\n');
    expect(res.status).toBe(413);
  });

  it('GET, PUT on /hall/publish are 405; /hall/other is 404', async () => {
    expect((await fetch(`${hall.base}/hall/publish`)).status).toBe(405);
    expect((await fetch(`${hall.base}/hall/publish`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${hall.base}/hall/other`)).status).toBe(404);
  });

  it('past the rate cap, 429', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => publish(hall.base, JSON.stringify({ index: i % 5, black: false, seq: 2_000_000 + i }))),
    );
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // Sent at once, they arrive in any order: one behind an accepted higher seq is a 409.
    expect(statuses.every((s) => s === 204 || s === 429 || s === 409)).toBe(true);
  });

  it('a replayed publish, or one behind the hall, is 409 and says the hall\u2019s count', async () => {
    await sleep(1100); // the rate cap above refills
    const seq = await seqOf(hall.base);
    const body = JSON.stringify({ index: 4, black: false, seq: seq + 1 });
    expect(await publish(hall.base, body)).toBe(204);
    const before = await state(hall.base);
    const replay = await fetch(`${hall.base}/hall/publish`, { method: 'POST', headers: { 'x-hall-key': KEY, 'content-type': 'application/json' }, body: body.replace('"index":4', '"index":0') });
    expect(replay.status).toBe(409);
    expect(replay.headers.get('x-hall-seq')).toBe(String(seq + 1));
    expect(await state(hall.base)).toEqual(before);
  });
});
