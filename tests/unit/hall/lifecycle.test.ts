// Starting, stopping, restarting and filling up the real CLI (a child process, 127.0.0.1 only).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bundleServer } from '../../../server/pack.mjs';
import { Follower, killAll, ROOT, makeSite, move, sleep, startHall, state, stateDir } from '../../support/hall';

const fixture = makeSite();
afterEach(killAll);
afterAll(() => fixture.cleanup());

describe('the server restarting', () => {
  it('comes back at the live slide with the same key: a follower reconnects there and never sees the title', async () => {
    const dir = stateDir();
    const first = await startHall({ HALL_SITE: fixture.site, HALL_STATE: dir, HALL_KEY: '' });
    const key = new URL(first.lines[3].slice('presenter: '.length)).searchParams.get('key')!;
    await expect.poll(() => first.stderr()).toMatch(/no live slide yet; a new key/);
    const f = new Follower(`${first.base}/hall/events`);
    try {
      expect((await f.waitFor(1)).event).toBe('waiting'); // a new hall: nothing live, the phone stays where it is
      expect(await move(first.base, 0, false, { 'x-hall-key': key })).toBe(204); // the talk begins at the title
      expect(JSON.parse((await f.waitFor(2)).data)).toEqual({ index: 0, black: false });
      expect(await move(first.base, 3, false, { 'x-hall-key': key })).toBe(204);
      await f.waitFor(3);
      first.proc.kill('SIGKILL'); // a crash: no goodbye on the stream
      await first.exited;
      expect(statSync(join(dir, 'key')).mode & 0o777).toBe(0o600);
      const second = await startHall({ HALL_SITE: fixture.site, HALL_STATE: dir, HALL_KEY: '', PORT: String(first.port) });
      expect(second.lines[3]).toBe(first.lines[3]); // the presenter address printed before still works
      await expect.poll(() => second.stderr()).toMatch(/resuming at slide 4; the kept key/);
      const onConnect = await f.waitFor(4, 5000);
      expect(f.statuses).toEqual([200, 200]);
      expect(JSON.parse(onConnect.data)).toEqual({ index: 3, black: false });
      expect(f.slides.map((s) => s.index)).toEqual([0, 3, 3]);
      expect(await move(second.base, 4, true, { 'x-hall-key': key })).toBe(204);
      expect(JSON.parse((await f.waitFor(5)).data)).toEqual({ index: 4, black: true });
      second.proc.kill('SIGKILL');
      await second.exited;
      // HALL_NEW_KEY=1: a new key, the slide kept.
      const third = await startHall({ HALL_SITE: fixture.site, HALL_STATE: dir, HALL_KEY: '', HALL_NEW_KEY: '1', PORT: String(first.port) });
      expect(third.lines[3]).not.toBe(first.lines[3]);
      expect(await state(third.base)).toEqual({ index: 4, black: true });
      expect(await move(third.base, 1, false, { 'x-hall-key': key })).toBe(401);
      third.proc.kill('SIGKILL');
    } finally {
      f.close();
    }
  });

  it('a new state folder: followers keep their slide (the hall waits for its presenter), and another key is taken', async () => {
    const first = await startHall({ HALL_SITE: fixture.site });
    const f = new Follower(`${first.base}/hall/events`);
    try {
      expect(await move(first.base, 3)).toBe(204);
      await f.waitFor(2);
      first.proc.kill('SIGKILL');
      await first.exited;
      const second = await startHall({ HALL_SITE: fixture.site, PORT: String(first.port), HALL_KEY: 'another-key-0123456789' });
      const onConnect = await f.waitFor(3, 5000);
      expect(onConnect.event).toBe('waiting');
      expect(f.shown).toEqual({ index: 3, black: false }); // not sent to the title
      expect(await move(second.base, 4, true, { 'x-hall-key': 'another-key-0123456789' })).toBe(204);
      expect(JSON.parse((await f.waitFor(4)).data)).toEqual({ index: 4, black: true });
      second.proc.kill('SIGKILL');
    } finally {
      f.close();
    }
  });

  it('SIGINT with followers connected ends their streams and exits 0 at once', async () => {
    const hall = await startHall({ HALL_SITE: fixture.site });
    const followers = Array.from({ length: 5 }, () => new Follower(`${hall.base}/hall/events`, false));
    await Promise.all(followers.map((f) => f.waitFor(1)));
    expect(followers.map((f) => f.closes)).toEqual([0, 0, 0, 0, 0]);
    const t0 = Date.now();
    hall.proc.kill('SIGINT');
    const { code, signal } = await hall.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(1500);
    await sleep(100);
    expect(followers.map((f) => f.closes)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe('the follower cap', () => {
  it('HALL_MAX_FOLLOWERS=3: the fourth gets 503 with Retry-After and a reason, and gets in once one leaves', async () => {
    const hall = await startHall({ HALL_SITE: fixture.site, HALL_MAX_FOLLOWERS: '3' });
    const three = Array.from({ length: 3 }, () => new Follower(`${hall.base}/hall/events`, false));
    try {
      await Promise.all(three.map((f) => f.waitFor(1)));
      const fourth = await fetch(`${hall.base}/hall/events`);
      expect(fourth.status).toBe(503);
      expect(fourth.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await fourth.text()).toMatch(/too many followers/i);
      three[0].close();
      await sleep(100);
      const again = new Follower(`${hall.base}/hall/events`, false);
      expect((await again.waitFor(1)).event).toBe('waiting'); // nothing published yet
      again.close();
      expect((await fetch(`${hall.base}/`)).status).toBe(200); // the site still serves when the room is full
    } finally {
      three.forEach((f) => f.close());
      hall.proc.kill('SIGKILL');
    }
  });
});

describe('one device cannot take the room', () => {
  it('80 unread streams from one address past a cap of 50: it keeps its newest 8, and a phone from another address gets in', async () => {
    const hall = await startHall({ HALL_SITE: fixture.site, HALL_MAX_FOLLOWERS: '50' });
    const hog: http.ClientRequest[] = [];
    try {
      const opened = await Promise.all(
        Array.from({ length: 80 }, () =>
          new Promise<number>((ok) => {
            const req = http.get({ host: '127.0.0.1', port: hall.port, path: '/hall/events', agent: false, localAddress: '127.0.0.5' }, (res) => {
              res.pause(); // never read
              ok(res.statusCode ?? 0);
            });
            req.on('error', () => ok(0));
            hog.push(req);
          }),
        ),
      );
      expect(opened.every((status) => status === 200)).toBe(true); // each got in, pushing out its own oldest
      const phone = new Follower(`${hall.base}/hall/events`, false, '127.0.0.6');
      const speaker = new Follower(`${hall.base}/hall/events?room=1`, false, '127.0.0.7');
      try {
        expect((await phone.waitFor(1)).event).toBe('waiting');
        expect(phone.statuses).toEqual([200]);
        await expect.poll(() => speaker.events.filter((e) => e.event === 'room').map((e) => JSON.parse(e.data).followers).at(-1)).toBe(9);
      } finally {
        phone.close();
        speaker.close();
      }
    } finally {
      hog.forEach((r) => r.destroy());
    }
  });
});

describe('failing at start', () => {
  it('with a state folder inside the served site: a clear message, exit 1', async () => {
    await expect(startHall({ HALL_SITE: fixture.site, HALL_STATE: join(fixture.site, '.hall') })).rejects.toThrow(/exited 1 .*must not be inside the served site/s);
  });

  it('with HALL_BIND not an address of this machine: a clear message, exit 1', async () => {
    await expect(startHall({ HALL_SITE: fixture.site, HALL_BIND: '192.0.2.1' })).rejects.toThrow(/exited 1 .*HALL_BIND=192\.0\.2\.1 is not an address of this machine/s);
  });

  it('HALL_BIND=127.0.0.2: listens there only, and says so', async () => {
    const hall = await startHall({ HALL_SITE: fixture.site, HALL_BIND: '127.0.0.2' });
    expect(hall.lines[2]).toMatch(/^audience: http:\/\/127\.0\.0\.2:\d+\/\?mode=follow$/);
    expect(hall.lines[0]).toBe(hall.lines[2]); // the address to announce is the one it listens on
    expect((await fetch(`http://127.0.0.2:${hall.port}/`)).status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${hall.port}/`)).rejects.toThrow();
    await expect.poll(() => hall.stderr()).toMatch(/on 127\.0\.0\.2 only \(HALL_BIND\)/);
  });

  it('without data/deck.json: a clear message on stderr, nothing on stdout, exit 1', async () => {
    const site = mkdtempSync(join(tmpdir(), 'hall-nodeck-'));
    cpSync(fixture.site, site, { recursive: true });
    rmSync(join(site, 'data'), { recursive: true });
    const started = startHall({ HALL_SITE: site });
    await expect(started).rejects.toThrow(/exited 1 .*deck\.json/s);
    rmSync(site, { recursive: true, force: true });
  });
});

describe('hall:pack', () => {
  it('the bundled server runs with plain node from a folder with no node_modules', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hall-pack-'));
    const copy = mkdtempSync(join(tmpdir(), 'hall-venue-'));
    try {
      await bundleServer(ROOT, out);
      const imports = [...readFileSync(join(out, 'hall.mjs'), 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
      expect(imports.length).toBeGreaterThan(0);
      expect(imports.filter((name) => !isBuiltin(name))).toEqual([]); // sirv and the rest are inlined
      cpSync(join(out, 'hall.mjs'), join(copy, 'hall.mjs'));
      cpSync(fixture.site, join(copy, 'site'), { recursive: true });
      const hall = await startHall({ HALL_STATE: '' }, join(copy, 'hall.mjs'), copy);
      try {
        expect(await (await fetch(`${hall.base}/en/`)).text()).toContain('<meta name="hall-audience"');
        expect(await move(hall.base, 2)).toBe(204);
        expect(await state(hall.base)).toEqual({ index: 2, black: false });
        // Its state folder is beside it, not in the site it serves.
        expect(JSON.parse(readFileSync(join(copy, '.hall', 'state.json'), 'utf8'))).toMatchObject({ index: 2, black: false });
        expect(existsSync(join(copy, 'site', '.hall'))).toBe(false);
      } finally {
        hall.proc.kill('SIGKILL');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
