import { describe, expect, it } from 'vitest';
import { createFollowers, KEEP_ALIVE, slideEvent } from '../../../server/followers.mjs';

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

describe('the slide event', () => {
  it('is an SSE event with the id, the type and exactly the slide', () => {
    expect(slideEvent('ab12.7', { index: 3, black: true })).toBe(
      'id: ab12.7\nevent: slide\ndata: {"index":3,"black":true}\n\n',
    );
  });
});

describe('the followers', () => {
  it('take streams up to the cap, then refuse without sending', () => {
    const f = createFollowers({ max: 3 });
    const streams = Array.from({ length: 4 }, () => fakeStream());
    expect(streams.map((s) => f.add(s, 'hello'))).toEqual([true, true, true, false]);
    expect(f.size).toBe(3);
    expect(f.full).toBe(true);
    expect(streams[3].sent).toEqual([]);
    streams[0].close(); // a phone leaves: a place frees up
    expect(f.full).toBe(false);
    expect(f.add(streams[3], 'hello')).toBe(true);
    f.endAll();
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

  it('send a keep-alive comment to everyone on the interval', async () => {
    const f = createFollowers({ keepAliveMs: 20 });
    const a = fakeStream();
    f.add(a, '');
    await new Promise((r) => setTimeout(r, 70));
    f.endAll();
    expect(a.sent.filter((s) => s === KEEP_ALIVE).length).toBeGreaterThanOrEqual(2);
  });
});
