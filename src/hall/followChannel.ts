import { parseLiveSlide, type LiveSlide } from './liveSlide';

/** `connecting` until the first answer; `live` while the stream is open; `reconnecting` between streams. */
export type ChannelStatus = 'connecting' | 'live' | 'reconnecting';

/** What the channel needs of an EventSource (a fake one in unit tests). */
export interface SlideStream {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: 'slide' | 'waiting' | 'room', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** The page around the channel; the browser's by default, fakes in unit tests. */
export interface Surroundings {
  open: (url: string) => SlideStream;
  /** Fires `online` and `pageshow` */
  window: EventTarget;
  /** Fires `visibilitychange` */
  document: EventTarget & { readonly visibilityState: DocumentVisibilityState };
  random: () => number;
}

const CLOSED = 2; // EventSource.CLOSED
/** After a refusal (503 when the room is full, or any non-200) EventSource gives up: we try again after 5–10 s. */
const RETRY_MS = 5000;
const JITTER_MS = 5000;
/**
 * The hall ends every stream within a minute (so that it can let go of phones that left) and the
 * browser is back a second later: a break shorter than this is not news to the reader.
 */
const QUIET_BREAK_MS = 2000;

/** What the hall says, beyond the slide: how many phones follow (to speaker views, which ask with `?room=1`). */
export interface ChannelOptions {
  onRoom?: (followers: number) => void;
}

/** The hall's count of accepted publishes from an event's id; NaN when it is not one. */
export const seqOf = (eventId: string): number => (/^\d{1,16}$/.test(eventId) ? Number(eventId) : NaN);

/**
 * Follows the hall's `hall/events` stream. The server sends what it holds first on each connection:
 * the live slide, or `waiting` when it has heard no presenter yet (a new hall: the phone stays
 * where it is). Each goes to `onSlide` (null for waiting) with the hall's publish count, `seq`.
 * EventSource reconnects by itself after a network error or the end of a stream; a break under two
 * seconds is not reported. After a refusal it closes for good, so the stream is made anew 5–10 s
 * later (jittered, so that a full room does not come back all at once), and at once when the page
 * becomes visible again, comes back from the back-forward cache or the device comes back online: a
 * phone that slept or lost the Wi-Fi is on the live slide as soon as it is looked at. Returns the
 * teardown.
 */
export function followChannel(
  url: string,
  count: number,
  onSlide: (slide: LiveSlide | null, seq: number) => void,
  onStatus: (status: ChannelStatus) => void,
  options: ChannelOptions = {},
  around: Surroundings = {
    open: (u) => new EventSource(u),
    window,
    document,
    random: Math.random,
  },
): () => void {
  let stream: SlideStream | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let breakTimer: ReturnType<typeof setTimeout> | undefined;
  let status: ChannelStatus | null = null;
  const tell = (next: ChannelStatus) => {
    clearTimeout(breakTimer);
    breakTimer = undefined;
    if (next !== status) onStatus((status = next));
  };

  const connect = () => {
    clearTimeout(retry);
    retry = undefined;
    stream?.close();
    const s = (stream = around.open(url));
    s.onopen = () => tell('live');
    s.addEventListener('slide', (event) => {
      const slide = parseLiveSlide(event.data, count);
      const seq = seqOf(event.lastEventId);
      if (slide && seq > 0 && s === stream) onSlide(slide, seq);
    });
    s.addEventListener('waiting', (event) => {
      if (seqOf(event.lastEventId) === 0 && s === stream) onSlide(null, 0);
    });
    if (options.onRoom) {
      const onRoom = options.onRoom;
      s.addEventListener('room', (event) => {
        const n = parseRoom(event.data);
        if (n !== null && s === stream) onRoom(n);
      });
    }
    s.onerror = () => {
      if (s !== stream) return;
      if (s.readyState === CLOSED) {
        tell('reconnecting');
        if (retry === undefined) retry = setTimeout(connect, RETRY_MS + around.random() * JITTER_MS);
      } else if (status !== 'reconnecting' && breakTimer === undefined) {
        breakTimer = setTimeout(() => tell('reconnecting'), QUIET_BREAK_MS);
      }
    };
  };
  const onVisible = () => {
    if (around.document.visibilityState === 'visible') connect();
  };
  const onPageShow = (event: Event) => {
    if ((event as PageTransitionEvent).persisted) connect();
  };

  tell('connecting');
  connect();
  around.window.addEventListener('online', connect);
  around.window.addEventListener('pageshow', onPageShow);
  around.document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearTimeout(retry);
    clearTimeout(breakTimer);
    stream?.close();
    stream = null;
    around.window.removeEventListener('online', connect);
    around.window.removeEventListener('pageshow', onPageShow);
    around.document.removeEventListener('visibilitychange', onVisible);
  };
}

/** A room event's data, `{"followers":<count>}`; anything else is null. */
export function parseRoom(data: unknown): number | null {
  if (typeof data !== 'string' || data.length > 64) return null;
  try {
    const v: unknown = JSON.parse(data);
    const n = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>).followers : undefined;
    return Number.isSafeInteger(n) && (n as number) >= 0 ? (n as number) : null;
  } catch {
    return null;
  }
}
