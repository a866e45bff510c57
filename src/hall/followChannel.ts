import { parseLiveSlide, type LiveSlide } from './liveSlide';

/** `connecting` until the first answer; `live` while the stream is open; `reconnecting` between streams. */
export type ChannelStatus = 'connecting' | 'live' | 'reconnecting';

/** What the channel needs of an EventSource (a fake one in unit tests). */
export interface SlideStream {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: 'slide', listener: (event: MessageEvent) => void): void;
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
 * Follows the hall's `hall/events` stream: every well-formed slide event goes to `onSlide`, with its
 * id (`<run>.<seq>`: the run changes when the server restarts). The server sends the live slide first
 * on each connection. EventSource reconnects by itself after a network
 * error; after a refusal it closes for good, so the stream is made anew 5–10 s later (jittered, so
 * that a full room does not come back all at once), and at once when the page becomes visible again,
 * comes back from the back-forward cache or the device comes back online: a phone that slept or lost
 * the Wi-Fi is on the live slide as soon as it is looked at. Returns the teardown.
 */
export function followChannel(
  url: string,
  count: number,
  onSlide: (slide: LiveSlide, eventId: string) => void,
  onStatus: (status: ChannelStatus) => void,
  around: Surroundings = {
    open: (u) => new EventSource(u),
    window,
    document,
    random: Math.random,
  },
): () => void {
  let stream: SlideStream | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    clearTimeout(retry);
    retry = undefined;
    stream?.close();
    const s = (stream = around.open(url));
    s.onopen = () => onStatus('live');
    s.addEventListener('slide', (event) => {
      const slide = parseLiveSlide(event.data, count);
      if (slide && s === stream) onSlide(slide, event.lastEventId);
    });
    s.onerror = () => {
      if (s !== stream) return;
      onStatus('reconnecting');
      if (s.readyState === CLOSED && retry === undefined) retry = setTimeout(connect, RETRY_MS + around.random() * JITTER_MS);
    };
  };
  const onVisible = () => {
    if (around.document.visibilityState === 'visible') connect();
  };
  const onPageShow = (event: Event) => {
    if ((event as PageTransitionEvent).persisted) connect();
  };

  onStatus('connecting');
  connect();
  around.window.addEventListener('online', connect);
  around.window.addEventListener('pageshow', onPageShow);
  around.document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearTimeout(retry);
    stream?.close();
    stream = null;
    around.window.removeEventListener('online', connect);
    around.window.removeEventListener('pageshow', onPageShow);
    around.document.removeEventListener('visibilitychange', onVisible);
  };
}
