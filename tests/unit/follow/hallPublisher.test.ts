import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HallPublisher, type PublishStatus } from '../../../src/hall/hallPublisher';

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
let publisher: HallPublisher;

beforeEach(() => {
  vi.useFakeTimers();
  hall = new FakeHall();
  statuses = [];
  publisher = new HallPublisher(hall.send, (st) => statuses.push(st), 1000);
});
afterEach(() => {
  publisher.stop();
  vi.useRealTimers();
});

describe('HallPublisher', () => {
  it('sends exactly the body the hall accepts', async () => {
    publisher.publish({ index: 3, black: true, extra: 1 } as never);
    expect(hall.bodies).toEqual(['{"index":3,"black":true}']);
    await hall.answer(204);
    expect(statuses).toEqual(['live']);
  });

  // A clicker held down sends ~30 moves a second: one request at a time, then the latest state only.
  it('keeps one request in flight and sends the latest state after it', async () => {
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
    publisher.publish(s(2));
    await hall.answer(204);
    publisher.publish(s(2));
    publisher.observe(s(2));
    expect(hall.bodies).toEqual([body(2)]);
  });

  it.each([
    ['a network error', new Error('connection refused'), 'reconnecting'],
    ['429 (over 20 moves a second)', 429, 'live'],
    ['503', 503, 'reconnecting'],
  ] as const)('retries after about a second on %s', async (_, answer, status) => {
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
    publisher.publish(s(5));
    await hall.answer(code);
    expect(statuses).toEqual([status]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hall.bodies).toHaveLength(1);
    publisher.publish(s(6));
    expect(hall.bodies).toEqual([body(5), body(6)]);
  });

  // The server restarted (at slide 0, or another presenter's state): the stream shows it, ours goes again.
  it('publishes again when the hall’s stream shows another state', async () => {
    publisher.publish(s(8));
    await hall.answer(204);
    publisher.observe(s(8)); // the broadcast of our own move
    expect(hall.bodies).toHaveLength(1);
    publisher.observe(s(0)); // a restarted server
    expect(hall.bodies).toEqual([body(8), body(8)]);
    await hall.answer(204);
    expect(statuses.at(-1)).toBe('live');
  });

  it('takes no stream event as a difference while a request is in flight (the stream may lag it)', async () => {
    publisher.publish(s(1));
    await hall.answer(204);
    publisher.publish(s(2));
    publisher.observe(s(1)); // the broadcast of move 1 arriving late
    await hall.answer(204);
    expect(hall.bodies).toEqual([body(1), body(2)]);
  });

  it('does nothing before the presenter has a state', () => {
    publisher.observe(s(4));
    expect(hall.bodies).toEqual([]);
  });

  it('sends nothing more once stopped', async () => {
    publisher.publish(s(1));
    await hall.answer(new Error('offline'));
    publisher.stop();
    publisher.publish(s(2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(hall.bodies).toEqual([body(1)]);
  });
});
