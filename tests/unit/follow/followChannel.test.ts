import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followChannel, type ChannelStatus, type SlideStream } from '../../../src/hall/followChannel';
import type { LiveSlide } from '../../../src/hall/liveSlide';

/** An EventSource as the channel sees it, driven by the test. */
class FakeStream implements SlideStream {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  #listeners: Record<string, ((event: MessageEvent) => void)[]> = {};
  addEventListener(type: 'slide' | 'waiting' | 'room', listener: (event: MessageEvent) => void) {
    (this.#listeners[type] ??= []).push(listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  send(data: string, lastEventId = '1', type = 'slide') {
    for (const l of this.#listeners[type] ?? []) l(new MessageEvent(type, { data, lastEventId }));
  }
  /** A network error: EventSource reconnects by itself. */
  drop() {
    this.readyState = 0;
    this.onerror?.(new Event('error'));
  }
  /** A refusal (503): EventSource closes for good. */
  refuse() {
    this.readyState = 2;
    this.onerror?.(new Event('error'));
  }
}

let streams: FakeStream[];
let slides: (LiveSlide | null)[];
let ids: number[];
let rooms: number[];
let statuses: ChannelStatus[];
let win: EventTarget;
let doc: EventTarget & { visibilityState: DocumentVisibilityState };
let stop: () => void;

beforeEach(() => {
  vi.useFakeTimers();
  streams = [];
  slides = [];
  ids = [];
  rooms = [];
  statuses = [];
  win = new EventTarget();
  doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
  stop = followChannel(
    'http://127.0.0.1:8080/hall/events',
    10,
    (s, id) => {
      slides.push(s);
      ids.push(id);
    },
    (s) => statuses.push(s),
    { onRoom: (n) => rooms.push(n) },
    { open: () => streams[streams.push(new FakeStream()) - 1], window: win, document: doc, random: () => 0.5 },
  );
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

const current = () => streams[streams.length - 1];

describe('followChannel', () => {
  it('passes on well-formed slides only, and says when it is live', () => {
    current().open();
    current().send('{"index":3,"black":false}');
    current().send('{"index":99,"black":false}'); // past the deck
    current().send('<html>');
    current().send('{"index":4,"black":true}', '5');
    current().send('{"index":4,"black":true}', 'r1.6'); // not a count
    current().send('{"index":4,"black":true}', '0'); // a slide is never count 0
    expect(ids).toEqual([1, 5]); // the hall's count of publishes, for the speaker view
    expect(slides).toEqual([
      { index: 3, black: false },
      { index: 4, black: true },
    ]);
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('passes on a new hall’s `waiting` as no slide, and the room’s count', () => {
    current().open();
    current().send('{}', '0', 'waiting');
    current().send('{}', '3', 'waiting'); // only a hall at 0 waits
    current().send('{"followers":12}', '', 'room');
    current().send('{"followers":-1}', '', 'room');
    current().send('{"followers":"12"}', '', 'room');
    current().send('[12]', '', 'room');
    expect(slides).toEqual([null]);
    expect(ids).toEqual([0]);
    expect(rooms).toEqual([12]);
  });

  it('leaves a network error to EventSource, which reconnects by itself, and reports only a break over 2 s', () => {
    current().open();
    current().drop(); // the hall ended the stream, as it does within every minute
    vi.advanceTimersByTime(1100);
    current().open(); // back a second later
    expect(statuses).toEqual(['connecting', 'live']);
    current().drop();
    vi.advanceTimersByTime(60_000);
    expect(streams).toHaveLength(1);
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting']);
    current().open();
    expect(statuses.at(-1)).toBe('live');
  });

  // After a 503 (the room is full) EventSource closes for good: without this, the phone would never follow again.
  it('makes a new stream 5–10 s after a refusal, jittered', () => {
    current().refuse();
    expect(statuses.at(-1)).toBe('reconnecting');
    vi.advanceTimersByTime(7499); // 5 s + 0.5 × 5 s of jitter
    expect(streams).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(streams).toHaveLength(2);
    expect(streams[0].closed).toBe(true);
  });

  it('does not stack retries when a refused stream reports twice', () => {
    current().refuse();
    current().refuse();
    vi.advanceTimersByTime(10_000);
    expect(streams).toHaveLength(2);
  });

  // A phone that slept or lost the Wi-Fi is on the live slide the moment it is looked at again.
  it.each([
    ['the page becomes visible', () => doc.dispatchEvent(new Event('visibilitychange'))],
    ['the device comes back online', () => win.dispatchEvent(new Event('online'))],
    ['the page comes back from the back-forward cache', () => win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))],
  ])('makes a new stream at once when %s', (_, event) => {
    current().refuse(); // waiting out a refusal, say
    event();
    expect(streams).toHaveLength(2);
    expect(streams[0].closed).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(streams).toHaveLength(2); // the pending retry was dropped
  });

  it('does nothing when the page is hidden, or shown from a fresh load', () => {
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    win.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
    expect(streams).toHaveLength(1);
  });

  it('ignores a replaced stream', () => {
    const old = current();
    win.dispatchEvent(new Event('online'));
    old.send('{"index":5,"black":false}');
    old.drop();
    expect(slides).toEqual([]);
    expect(statuses).toEqual(['connecting']);
  });

  it('stops for good: the stream is closed and nothing wakes it', () => {
    stop();
    expect(current().closed).toBe(true);
    win.dispatchEvent(new Event('online'));
    doc.dispatchEvent(new Event('visibilitychange'));
    vi.advanceTimersByTime(20_000);
    expect(streams).toHaveLength(1);
  });
});
