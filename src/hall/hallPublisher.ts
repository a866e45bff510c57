import { sameSlide, type LiveSlide } from './liveSlide';

/**
 * `live`: the server has the presenter's slide; `reconnecting`: it cannot be reached, retrying; the
 * rest are refusals a retry cannot mend: `wrong-key` (401), `not-allowed` (403: not the laptop),
 * `refused` (any other 4xx: a site of another build, say).
 */
export type PublishStatus = 'connecting' | 'live' | 'reconnecting' | 'wrong-key' | 'not-allowed' | 'refused';

/** The hall's answer to a publish: its status, its count of publishes (`X-Hall-Seq`), and `Retry-After` in seconds. */
export interface Answer {
  status: number;
  seq?: number;
  retryAfter?: number;
}

/** Sends a body to `hall/publish`; resolves with the answer, rejects on a network error. */
export type Send = (body: string) => Promise<Answer>;

/** A whole number from a header, or undefined. */
const wholeHeader = (value: string | null): number | undefined => (value !== null && /^\d{1,16}$/.test(value) ? Number(value) : undefined);

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
    }).then((res) => ({ status: res.status, seq: wholeHeader(res.headers.get('x-hall-seq')), retryAfter: wholeHeader(res.headers.get('retry-after')) }));

/**
 * The speaker view's publishing: one request in flight, the latest state sent after it (moves made
 * meanwhile collapse into one), retried after `retryMs` (or the hall's Retry-After) on 429, 5xx or
 * a network error. Refusals are reported, not retried: the next move tries again.
 *
 * Each publish carries `seq`, one above the hall's count of publishes as this view last knew it;
 * the hall refuses one that is not above its own (409, with its count), which stops a replay. The
 * hall's own stream (`observe`, with the count of what it shows) keeps this view in step:
 * - joining, it takes the room where it stands (a phone opened as the remote must not send the hall
 *   back to the title), unless the hall has heard no presenter yet;
 * - a count above ours is another speaker view's move (that phone, or the laptop): taken over
 *   through `adopt`, never sent back;
 * - a count at or below ours is a hall that has heard nothing newer than this view: after a
 *   restart, a lost state folder, or its Wi-Fi dropping while the presenter moved on. Ours is sent
 *   to it: the laptop's screen is the truth.
 */
export class HallPublisher {
  #send: Send;
  #onStatus: (status: PublishStatus) => void;
  #adopt: (slide: LiveSlide) => void;
  #retryMs: number;
  /** The presenter's state, to be on the server */
  #want: LiveSlide | null = null;
  /** What the server shows, as far as we know (null: nothing yet) */
  #held: LiveSlide | null = null;
  /** The hall's count of publishes as we know it; null until the stream's first event: nothing is sent before it */
  #seq: number | null = null;
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

  /** What the hall's stream says it shows (null: it waits for a presenter), with its count of publishes. */
  observe(slide: LiveSlide | null, seq: number): void {
    const joining = this.#seq === null;
    const known = this.#seq ?? 0;
    const pending = this.#busy || this.#retry !== undefined || !sameSlide(this.#want, this.#held);
    this.#held = slide;
    if (seq > known || joining) this.#seq = seq;
    if (slide && (joining || (seq > known && !pending))) {
      // Someone moved the room (or we join it): follow. Our own move's echo changes nothing here.
      if (!sameSlide(slide, this.#want)) {
        this.#want = slide;
        this.#adopt(slide); // its publish comes back here as the state the server already holds
      }
    }
    if (joining) this.#onStatus('live');
    void this.#pump(); // the hall shows other than ours and heard nothing newer: ours goes to it
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#retry);
  }

  async #pump(): Promise<void> {
    const sent = this.#want;
    if (this.#seq === null || this.#busy || this.#retry !== undefined || this.#stopped || !sent || sameSlide(sent, this.#held)) return;
    this.#busy = true;
    const seq = this.#seq + 1;
    let answer: Answer | null;
    try {
      answer = await this.#send(JSON.stringify({ index: sent.index, black: sent.black, seq }));
    } catch {
      answer = null; // the server is gone or the Wi-Fi is: retry
    }
    this.#busy = false;
    if (this.#stopped) return;
    const status = answer?.status ?? null;
    if (status !== null && status >= 200 && status < 300) {
      this.#held = sent;
      this.#seq = Math.max(this.#seq ?? 0, answer?.seq ?? seq);
      this.#onStatus('live');
      void this.#pump(); // the moves made meanwhile, as one
    } else if (status === 409) {
      // The hall counted further than we knew (another speaker view, or a copy of ours): above it, again.
      this.#seq = Math.max(this.#seq ?? 0, answer?.seq ?? seq);
      void this.#pump();
    } else if (status === null || status === 429 || status >= 500) {
      const wait = Math.max(this.#retryMs, (answer?.retryAfter ?? 0) * 1000);
      this.#onStatus(status === 429 && wait <= this.#retryMs ? 'live' : 'reconnecting');
      this.#retry = setTimeout(() => {
        this.#retry = undefined;
        void this.#pump();
      }, wait);
    } else {
      this.#onStatus(status === 401 ? 'wrong-key' : status === 403 ? 'not-allowed' : 'refused');
    }
  }
}
