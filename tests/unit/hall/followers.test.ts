import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFollowers, KEEP_ALIVE, roomEvent, slideEvent } from '../../../server/followers.mjs';

/** A stream that buffers all it is sent; `reading: false` never drains, like a sleeping phone. */
function fakeStream(reading = true) {
  const s = {
    sent: [] as string[],
    unsent: 0,
    destroyed: false,
    ended: false,
    onClose: [] as (() => void)[],
    write(chunk: string | Buffer) {
      s.sent.push(chunk.toString());
      if (!reading) s.unsent += chunk.length;
      return true;
    },
    get writableLength() {
      return s.unsent;
    },
    end: () => (s.ended = true),
    destroy: () => (s.destroyed = true),
    on: (_: 'close', fn: () => void) => s.onClose.push(fn),
    close: () => s.onClose.forEach((fn) => fn()),
  };
  return s;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the slide event', () => {
  it('is an SSE event with the id, the type and exactly the slide', () => {
    expect(slideEvent(7, { index: 3, black: true })).toBe('id: 7\nevent: slide\ndata: {"index":3,"black":true}\n\n');
  });
});

describe('the followers', () => {
  it('take streams up to the cap, then refuse without sending', () => {
    const f = createFollowers({ max: 3 });
    const streams = Array.from({ length: 4 }, () => fakeStream());
    expect(streams.map((s, i) => f.add(s, 'hello', { address: `10.0.0.${i}` }))).toEqual([true, true, true, false]);
    expect(f.size).toBe(3);
    expect(f.admits('10.0.0.3')).toBe(false);
    expect(streams[3].sent).toEqual([]);
    streams[0].close(); // a phone leaves: a place frees up
    expect(f.admits('10.0.0.3')).toBe(true);
    expect(f.add(streams[3], 'hello', { address: '10.0.0.3' })).toBe(true);
    f.endAll();
  });

  it('hold at most `perAddress` streams from one address, its oldest dropped first, even in a full room', () => {
    const f = createFollowers({ max: 5, perAddress: 3 });
    const one = Array.from({ length: 6 }, () => fakeStream(false)); // a device that opens and never reads
    for (const s of one) expect(f.add(s, 'hello', { address: '10.0.0.66' })).toBe(true);
    expect(one.map((s) => s.destroyed)).toEqual([true, true, true, false, false, false]);
    expect(f.size).toBe(3);
    const others = Array.from({ length: 2 }, () => fakeStream());
    for (const [i, s] of others.entries()) expect(f.add(s, 'hello', { address: `10.0.0.${i}` })).toBe(true);
    expect(f.admits('10.0.0.9')).toBe(false); // the room is full for a newcomer ...
    expect(f.admits('10.0.0.66')).toBe(true); // ... but the device at its cap swaps its oldest
    expect(f.add(fakeStream(), 'hello', { address: '10.0.0.66' })).toBe(true);
    expect(one[3].destroyed).toBe(true);
    expect(f.size).toBe(5);
    f.endAll();
  });

  it('end each stream after its lifetime, so a vanished phone is let go within a minute', () => {
    vi.useFakeTimers();
    const f = createFollowers({ lifetimeMs: [30, 40] });
    const gone = fakeStream(false);
    f.add(gone, 'hello', { address: '10.0.0.7' });
    expect(f.size).toBe(1);
    vi.advanceTimersByTime(29);
    expect(gone.ended).toBe(false);
    vi.advanceTimersByTime(11);
    expect(gone.ended).toBe(true);
    expect(f.size).toBe(0);
    f.endAll();
  });

  it('tell watchers (speaker views) the count at once and as it changes, at most once a second; they are not counted', () => {
    vi.useFakeTimers();
    const f = createFollowers({ max: 1 });
    const speaker = fakeStream();
    f.add(fakeStream(), 'hello', { address: '10.0.0.1' });
    f.add(speaker, 'hello', { address: '127.0.0.1', watcher: true });
    expect(speaker.sent).toEqual([`hello${roomEvent(1)}`]);
    expect(f.size).toBe(1);
    expect(f.watchers).toBe(1);
    const phones = Array.from({ length: 3 }, () => fakeStream());
    phones.forEach((p, i) => f.add(p, 'hello', { address: `10.0.0.${i + 2}` })); // the room is full at 1: refused
    expect(f.size).toBe(1);
    const g = createFollowers();
    const watcher = fakeStream();
    g.add(watcher, '', { watcher: true });
    for (let i = 0; i < 3; i++) g.add(fakeStream(), '', { address: `10.0.1.${i}` });
    expect(watcher.sent).toEqual([roomEvent(0)]);
    vi.advanceTimersByTime(1100);
    expect(watcher.sent).toEqual([roomEvent(0), roomEvent(3)]); // three joins, one message
    f.endAll();
    g.endAll();
  });

  it('send the first message, then every broadcast, to each stream', () => {
    const f = createFollowers();
    const a = fakeStream();
    const b = fakeStream();
    f.add(a, 'first');
    f.add(b, 'first');
    f.broadcast('one');
    expect(a.sent).toEqual(['first', 'one']);
    expect(b.sent).toEqual(['first', 'one']);
    f.endAll();
    expect([a.ended, b.ended, f.size]).toEqual([true, true, 0]);
  });

  it.each([
    [9, false], // 99 bytes unsent: within the bound
    [10, true], // 110 bytes: past it
  ])('after %i broadcasts of 11 bytes to a follower that reads nothing (bound 100), dropped: %s', (count, drop) => {
    const f = createFollowers({ maxBuffered: 100 });
    const slow = fakeStream(false);
    const fast = fakeStream();
    f.add(slow, '');
    f.add(fast, '');
    for (let i = 0; i < count; i++) f.broadcast('x'.repeat(11));
    expect(slow.destroyed).toBe(drop);
    expect(f.dropped).toBe(drop ? 1 : 0);
    expect(f.size).toBe(drop ? 1 : 2);
    f.broadcast('after');
    expect(slow.sent.includes('after')).toBe(!drop); // a dropped follower is sent nothing more
    expect(fast.destroyed).toBe(false);
    expect(fast.sent).toHaveLength(count + 2); // the reading follower missed nothing
    f.endAll();
  });

  it('send a keep-alive comment to everyone on the interval', () => {
    vi.useFakeTimers(); // the test's clock: on a busy machine a real 20 ms interval once fired once in 70 ms
    const f = createFollowers({ keepAliveMs: 20 });
    const a = fakeStream();
    f.add(a, '');
    vi.advanceTimersByTime(70);
    f.endAll();
    expect(a.sent.filter((s) => s === KEEP_ALIVE).length).toBe(3);
  });
});
