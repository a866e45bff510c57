import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HallPublisher, runOf, type PublishStatus } from '../../../src/hall/hallPublisher';
import type { LiveSlide } from '../../../src/hall/liveSlide';

/** A hall that answers when the test says: each request waits for `answer` (a status, or a network error). */
class FakeHall {
  bodies: string[] = [];
  #pending: ((status: number | Error) => void)[] = [];
  send = (body: string) => {
    this.bodies.push(body);
    return new Promise<number>((ok, fail) => this.#pending.push((s) => (s instanceof Error ? fail(s) : ok(s))));
  };
  get inFlight() {
    return this.#pending.length;
  }
  async answer(status: number | Error) {
    this.#pending.shift()!(status);
    await vi.advanceTimersByTimeAsync(0); // let the publisher see it
  }
}

const s = (index: number, black = false) => ({ index, black });
const body = (index: number, black = false) => JSON.stringify({ index, black });

let hall: FakeHall;
let statuses: PublishStatus[];
let adopted: LiveSlide[];
let publisher: HallPublisher;

beforeEach(() => {
  vi.useFakeTimers();
  hall = new FakeHall();
  statuses = [];
  adopted = [];
  publisher = new HallPublisher(hall.send, (st) => statuses.push(st), (sl) => adopted.push(sl), 1000);
});
afterEach(() => {
  publisher.stop();
  vi.useRealTimers();
});

/** The speaker view opens at `at` and the hall's stream says the room is at `room`. */
function join(at: LiveSlide, room: LiveSlide = at, run = 'r1') {
  publisher.publish(at);
  publisher.observe(room, `${run}.0`);
}

describe('HallPublisher: sending', () => {
  it('sends exactly the body the hall accepts', async () => {
    join(s(0));
    publisher.publish({ index: 3, black: true, extra: 1 } as never);
    expect(hall.bodies).toEqual(['{"index":3,"black":true}']);
    await hall.answer(204);
    expect(statuses.at(-1)).toBe('live');
  });

  // A clicker held down sends ~30 moves a second: one request at a time, then the latest state only.
  it('keeps one request in flight and sends the latest state after it', async () => {
    join(s(0));
    publisher.publish(s(1));
    publisher.publish(s(2));
    publisher.publish(s(3));
    publisher.publish(s(4));
    expect(hall.inFlight).toBe(1);
    await hall.answer(204);
    expect(hall.bodies).toEqual([body(1), body(4)]);
    await hall.answer(204);
    expect(hall.inFlight).toBe(0);
  });

  it('sends nothing when the server already shows the state', async () => {
    join(s(0));
    publisher.publish(s(2));
    await hall.answer(204);
    publisher.publish(s(2));
    publisher.observe(s(2), 'r1.1');
    expect(hall.bodies).toEqual([body(2)]);
  });

  it.each([
    ['a network error', new Error('connection refused'), 'reconnecting'],
    ['429 (over 20 moves a second)', 429, 'live'],
    ['503', 503, 'reconnecting'],
  ] as const)('retries after about a second on %s', async (_, answer, status) => {
    join(s(0));
    publisher.publish(s(5));
    await hall.answer(answer);
    expect(statuses.at(-1)).toBe(status);
    await vi.advanceTimersByTimeAsync(999);
    expect(hall.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hall.bodies).toEqual([body(5), body(5)]);
    await hall.answer(204);
    expect(statuses.at(-1)).toBe('live');
  });

  it('retries with the latest state, not the one that failed', async () => {
    join(s(0));
    publisher.publish(s(5));
    await hall.answer(new Error('offline'));
    publisher.publish(s(6));
    publisher.publish(s(7, true));
    expect(hall.bodies).toHaveLength(1); // the retry waits its second
    await vi.advanceTimersByTimeAsync(1000);
    expect(hall.bodies).toEqual([body(5), body(7, true)]);
  });

  it.each([
    [401, 'wrong-key'],
    [403, 'not-allowed'],
    [400, 'refused'],
    [413, 'refused'],
  ] as const)('reports %i as %s without retrying; the next move tries again', async (code, status) => {
    join(s(0));
    publisher.publish(s(5));
    await hall.answer(code);
    expect(statuses.at(-1)).toBe(status);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hall.bodies).toHaveLength(1);
    publisher.publish(s(6));
    expect(hall.bodies).toEqual([body(5), body(6)]);
  });

  it('sends nothing more once stopped', async () => {
    join(s(0));
    publisher.publish(s(1));
    await hall.answer(new Error('offline'));
    publisher.stop();
    publisher.publish(s(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(hall.bodies).toEqual([body(1)]);
  });
});

describe('HallPublisher: in step with the hall’s stream', () => {
  // A phone opened as the remote while the laptop is on slide 12 must not send the room back to the title.
  it('sends nothing before the stream says where the room is, then joins it there', () => {
    publisher.publish(s(0));
    expect(hall.bodies).toEqual([]);
    publisher.observe(s(12), 'r1.7');
    expect(adopted).toEqual([s(12)]);
    publisher.publish(s(12)); // the deck took it, and says so
    expect(hall.bodies).toEqual([]);
    expect(statuses).toEqual(['live']);
  });

  it('joins quietly where the room already is (a reloaded speaker view)', () => {
    join(s(7), s(7));
    expect({ adopted, bodies: hall.bodies, statuses }).toEqual({ adopted: [], bodies: [], statuses: ['live'] });
  });

  // Two speaker views with the key (the laptop and a phone as the remote) must follow each other, not fight.
  it('takes over another speaker view’s move without sending it back', () => {
    join(s(3));
    publisher.observe(s(4), 'r1.1');
    publisher.observe(s(4, true), 'r1.2');
    expect(adopted).toEqual([s(4), s(4, true)]);
    publisher.publish(s(4, true));
    expect(hall.bodies).toEqual([]);
  });

  it('takes no stream event over while its own move is in flight or waiting to be retried (the stream may lag it)', async () => {
    join(s(1));
    publisher.publish(s(2));
    publisher.observe(s(1), 'r1.3'); // an older broadcast, arriving late
    await hall.answer(new Error('offline'));
    publisher.observe(s(1), 'r1.3');
    expect(adopted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hall.bodies).toEqual([body(2), body(2)]);
  });

  // The server restarted (at slide 0, whatever its key): the speaker view's slide goes to it again.
  it('sends its slide again to a restarted server, a new run of event ids', async () => {
    join(s(0));
    publisher.publish(s(8));
    await hall.answer(204);
    publisher.observe(s(8), 'r1.1'); // the broadcast of our own move
    publisher.observe(s(0), 'r2.0');
    expect(adopted).toEqual([]);
    expect(hall.bodies).toEqual([body(8), body(8)]);
    await hall.answer(204);
    expect(statuses.at(-1)).toBe('live');
  });

  it('sends nothing to a restarted server already on its slide', () => {
    join(s(0));
    publisher.observe(s(0), 'r2.0');
    expect(hall.bodies).toEqual([]);
  });

  it('reads the run from an event id', () => {
    expect(runOf('a1b2c3d4.17')).toBe('a1b2c3d4');
    expect(runOf('')).toBe('');
  });
});
