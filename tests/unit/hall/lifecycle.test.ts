// Starting, stopping, restarting and filling up the real CLI (a child process, 127.0.0.1 only).
import { cpSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { bundleServer } from '../../../server/pack.mjs';
import { Follower, killAll, ROOT, makeSite, publish, sleep, startHall, state } from './helpers';

const fixture = makeSite();
afterEach(killAll);
afterAll(() => fixture.cleanup());

describe('the server restarting', () => {
  it('a follower reconnects by itself to a new server on the same port and catches up', async () => {
    const first = await startHall({ HALL_SITE: fixture.site });
    const f = new Follower(`${first.base}/hall/events`);
    try {
      expect(await publish(first.base, '{"index":3,"black":false}')).toBe(204);
      await f.waitFor(2);
      first.proc.kill('SIGKILL'); // a crash: no goodbye on the stream
      await first.exited;
      // Another key, the same port: the restarted server starts at slide 0; the presenter republishes.
      const second = await startHall({ HALL_SITE: fixture.site, PORT: String(first.port), HALL_KEY: 'another-key-0123456789' });
      try {
        const onConnect = await f.waitFor(3, 5000);
        expect(f.statuses).toEqual([200, 200]);
        expect(JSON.parse(onConnect.data)).toEqual({ index: 0, black: false });
        expect(onConnect.id.split('.')[0]).not.toBe(f.events[0].id.split('.')[0]); // a new epoch
        expect(await publish(second.base, '{"index":4,"black":true}', { 'x-hall-key': 'another-key-0123456789' })).toBe(204);
        expect(JSON.parse((await f.waitFor(4)).data)).toEqual({ index: 4, black: true });
      } finally {
        second.proc.kill('SIGKILL');
      }
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
      expect((await again.waitFor(1)).event).toBe('slide');
      again.close();
      expect((await fetch(`${hall.base}/`)).status).toBe(200); // the site still serves when the room is full
    } finally {
      three.forEach((f) => f.close());
      hall.proc.kill('SIGKILL');
    }
  });
});

describe('failing at start', () => {
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
      const hall = await startHall({}, join(copy, 'hall.mjs'), copy);
      try {
        expect(await (await fetch(`${hall.base}/en/`)).text()).toContain('<meta name="hall-audience"');
        expect(await publish(hall.base, '{"index":2,"black":false}')).toBe(204);
        expect(await state(hall.base)).toEqual({ index: 2, black: false });
      } finally {
        hall.proc.kill('SIGKILL');
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
