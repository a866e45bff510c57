import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HallPublisher, type Answer, type PublishStatus } from '../../../src/hall/hallPublisher';
import type { LiveSlide } from '../../../src/hall/liveSlide';

/** A hall that answers when the test says: each request waits for `answer` (a status, a whole answer, or a network error). */
class FakeHall {
  bodies: string[] = [];
  #pending: ((answer: number | Answer | Error) => void)[] = [];
  send = (body: string) => {
    this.bodies.push(body);
    return new Promise<Answer>((ok, fail) =>
      this.#pending.push((a) => (a instanceof Error ? fail(a) : ok(typeof a === 'number' ? { status: a } : a))),
    );
  };
  get inFlight() {
    return this.#pending.length;
  }
  async answer(answer: number | Answer | Error) {
    this.#pending.shift()!(answer);
    await vi.advanceTimersByTimeAsync(0); // let the publisher see it
  }
}

const s = (index: number, black = false) => ({ index, black });
const body = (index: number, black = false, seq = 1) => JSON.stringify({ index, black, seq });

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

/** The speaker view opens at `at` and the hall's stream says the room is at `room`, after `seq` publishes. */
function join(at: LiveSlide, room: LiveSlide = at, seq = 0) {
  publisher.publish(at);
  publisher.observe(room, seq);
}

describe('HallPublisher: sending', () => {
  it('sends exactly the body the hall accepts', async () => {
    join(s(0));
    publisher.publish({ index: 3, black: true, extra: 1 } as never);
    expect(hall.bodies).toEqual(['{"index":3,"black":true,"seq":1}']);
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
    expect(hall.bodies).toEqual([body(1, false, 1), body(4, false, 2)]); // each above the last
    await hall.answer(204);
    expect(hall.inFlight).toBe(0);
  });

  it('sends nothing when the server already shows the state', async () => {
    join(s(0));
    publisher.publish(s(2));
    await hall.answer(204);
    publisher.publish(s(2));
    publisher.observe(s(2), 1);
    expect(hall.bodies).toEqual([body(2)]);
  });

  it.each([
    ['a network error', new Error('connection refused'), 'reconnecting'],
    ['429 (over 20 moves a second)', { status: 429, retryAfter: 1 }, 'live'],
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

  it('waits as long as the hall asks on a 429 for too many wrong keys', async () => {
    join(s(0));
    publisher.publish(s(5));
    await hall.answer({ status: 429, retryAfter: 40 });
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(39_999);
    expect(hall.bodies).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(hall.bodies).toHaveLength(2);
  });

  // A 409: the hall counted further (another speaker view moved, its broadcast not here yet).
  it('sends again above the hall’s count on 409', async () => {
    join(s(0), s(0), 4);
    publisher.publish(s(5));
    expect(hall.bodies).toEqual([body(5, false, 5)]);
    await hall.answer({ status: 409, seq: 9 });
    expect(hall.bodies).toEqual([body(5, false, 5), body(5, false, 10)]);
    await hall.answer({ status: 204, seq: 10 });
    expect(statuses.at(-1)).toBe('live');
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
    publisher.observe(s(12), 7);
    expect(adopted).toEqual([s(12)]);
    publisher.publish(s(12)); // the deck took it, and says so
    expect(hall.bodies).toEqual([]);
    expect(statuses).toEqual(['live']);
  });

  it('joins quietly where the room already is (a reloaded speaker view)', () => {
    join(s(7), s(7), 20);
    expect({ adopted, bodies: hall.bodies, statuses }).toEqual({ adopted: [], bodies: [], statuses: ['live'] });
  });

  // Two speaker views with the key (the laptop and a phone as the remote) must follow each other, not fight.
  it('takes over another speaker view’s move without sending it back', () => {
    join(s(3), s(3), 5);
    publisher.observe(s(4), 6);
    publisher.observe(s(4, true), 7);
    expect(adopted).toEqual([s(4), s(4, true)]);
    publisher.publish(s(4, true));
    expect(hall.bodies).toEqual([]);
  });

  it('takes no stream event over while its own move is in flight or waiting to be retried (the stream may lag it)', async () => {
    join(s(1), s(1), 2);
    publisher.publish(s(2));
    publisher.observe(s(1), 2); // an older broadcast, arriving late
    await hall.answer(new Error('offline'));
    publisher.observe(s(1), 2);
    expect(adopted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hall.bodies).toEqual([body(2, false, 3), body(2, false, 3)]);
  });

  it('ignores the echo of its own move', async () => {
    join(s(0), s(0), 3);
    publisher.publish(s(8));
    publisher.observe(s(8), 4); // the broadcast, before the answer
    await hall.answer({ status: 204, seq: 4 });
    publisher.observe(s(8), 4); // a reconnect: the same
    expect({ adopted, bodies: hall.bodies }).toEqual({ adopted: [], bodies: [body(8, false, 4)] });
  });

  // Killed and restarted with its state folder, while the presenter moved on: the hall comes back at
  // the slide it kept, which is older than the laptop's; it has heard nothing newer, so ours goes.
  it('sends its slide to a hall back from a restart that heard nothing newer', async () => {
    join(s(0), s(0), 10);
    publisher.publish(s(8));
    await hall.answer({ status: 204, seq: 11 });
    publisher.publish(s(9)); // the server is down
    await hall.answer(new Error('connection refused'));
    publisher.observe(s(8), 11); // back, at what it kept
    expect(adopted).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(hall.bodies.at(-1)).toBe(body(9, false, 12));
    await hall.answer({ status: 204, seq: 12 });
    expect(statuses.at(-1)).toBe('live');
  });

  it('sends its slide to a hall that lost its state (waiting, count 0), and to one whose last write was lost', async () => {
    join(s(0), s(0), 10);
    publisher.publish(s(8));
    await hall.answer({ status: 204, seq: 11 });
    publisher.observe(null, 0); // a new state folder
    expect(hall.bodies.at(-1)).toBe(body(8, false, 12));
    await hall.answer({ status: 204, seq: 12 });
    publisher.observe(s(7), 11); // killed before it kept the last move
    expect(hall.bodies.at(-1)).toBe(body(8, false, 13));
    expect(adopted).toEqual([]);
  });

  it('joins a hall that waits for a presenter by sending its slide', () => {
    publisher.publish(s(3));
    publisher.observe(null, 0);
    expect(hall.bodies).toEqual([body(3, false, 1)]);
    expect(statuses).toEqual(['live']);
  });

  it('takes over a move made by another speaker view while it was away', () => {
    join(s(5), s(5), 10);
    publisher.observe(s(6), 12); // reconnected: someone moved twice meanwhile
    expect(adopted).toEqual([s(6)]);
    expect(hall.bodies).toEqual([]);
  });

  it('sends nothing to a restarted server already on its slide', () => {
    join(s(4), s(4), 3);
    publisher.observe(s(4), 3);
    expect(hall.bodies).toEqual([]);
  });
});
