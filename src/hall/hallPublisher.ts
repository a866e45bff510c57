import { sameSlide, type LiveSlide } from './liveSlide';

/**
 * `live`: the server has the presenter's slide; `reconnecting`: it cannot be reached, retrying; the
 * rest are refusals a retry cannot mend: `wrong-key` (401), `not-allowed` (403: not the laptop),
 * `refused` (any other 4xx: a site of another build, say).
 */
export type PublishStatus = 'connecting' | 'live' | 'reconnecting' | 'wrong-key' | 'not-allowed' | 'refused';

/** Sends a body to `hall/publish`; resolves with the HTTP status, rejects on a network error. */
export type Send = (body: string) => Promise<number>;

/** A `Send` over fetch to `url` with the key in its header (never in the URL). */
export const sendTo =
  (url: string, key: string): Send =>
  (body) =>
    fetch(url, {
      method: 'POST',
      headers: { 'x-hall-key': key, 'content-type': 'application/json' },
      body,
      cache: 'no-store',
      credentials: 'omit',
    }).then((res) => res.status);

/** The server's run from a slide event's id, `<run>.<seq>`: a new run is a restarted server. */
export const runOf = (eventId: string): string => eventId.split('.')[0];

/**
 * The speaker view's publishing: one request in flight, the latest state sent after it (moves made
 * meanwhile collapse into one), retried after `retryMs` on 429, 5xx or a network error. Refusals are
 * reported, not retried: the next move tries again.
 *
 * The hall's own stream (`observe`) keeps it in step with the server. A speaker view joins the room
 * where it stands (a phone opened as the remote must not send the hall back to the title); a move
 * made by another speaker view with the key (that phone, or the laptop) is taken over through
 * `adopt`, never sent back; and when the server restarted (a new run, at slide 0) ours is sent again.
 */
export class HallPublisher {
  #send: Send;
  #onStatus: (status: PublishStatus) => void;
  #adopt: (slide: LiveSlide) => void;
  #retryMs: number;
  /** The presenter's state, to be on the server */
  #want: LiveSlide | null = null;
  /** What the server shows, as far as we know */
  #held: LiveSlide | null = null;
  /** The server run whose stream we follow; null until the first event: nothing is sent before it */
  #run: string | null = null;
  #busy = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(send: Send, onStatus: (status: PublishStatus) => void, adopt: (slide: LiveSlide) => void, retryMs = 1000) {
    this.#send = send;
    this.#onStatus = onStatus;
    this.#adopt = adopt;
    this.#retryMs = retryMs;
  }

  /** The presenter moved (or took a move from the audience window): the server should show this. */
  publish(slide: LiveSlide): void {
    this.#want = { index: slide.index, black: slide.black };
    void this.#pump();
  }

  /** A slide event from the hall's stream, with its id (`<run>.<seq>`). */
  observe(slide: LiveSlide, eventId: string): void {
    const run = runOf(eventId);
    const joining = this.#run === null;
    const restarted = !joining && run !== this.#run;
    this.#run = run;
    if (restarted) {
      this.#held = slide; // the server lost our state: send ours again
      void this.#pump();
      return;
    }
    // Ours is in flight or waiting to be sent: the stream may lag behind it; the answer will tell.
    if (!joining && (this.#busy || this.#retry !== undefined || !sameSlide(this.#want, this.#held))) return;
    this.#held = slide;
    if (!sameSlide(slide, this.#want)) {
      this.#want = slide;
      this.#adopt(slide); // its publish comes back here as the state the server already holds
    }
    if (joining) this.#onStatus('live');
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
  }

  async #pump(): Promise<void> {
    const sent = this.#want;
    if (this.#run === null || this.#busy || this.#retry !== undefined || this.#stopped || !sent || sameSlide(sent, this.#held)) return;
    this.#busy = true;
    let status: number | null;
    try {
      status = await this.#send(JSON.stringify({ index: sent.index, black: sent.black }));
    } catch {
      status = null; // the server is gone or the Wi-Fi is: retry
    }
    this.#busy = false;
    if (this.#stopped) return;
    if (status !== null && status >= 200 && status < 300) {
      this.#held = sent;
      this.#onStatus('live');
      void this.#pump(); // the moves made meanwhile, as one
    } else if (status === null || status === 429 || status >= 500) {
      this.#onStatus(status === 429 ? 'live' : 'reconnecting');
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        void this.#pump();
      }, this.#retryMs);
    } else {
      this.#onStatus(status === 401 ? 'wrong-key' : status === 403 ? 'not-allowed' : 'refused');
    }
  }
}
