import type { Viewport, ViewportSource } from '../scroll/types';

/**
 * The child side of pym.js 1.3's protocol (messages `pym` xPYMx id xPYMx type xPYMx payload), written
 * small and strict rather than using pym's own child, which sends its height only at start or by
 * polling, measures a rounded `offsetHeight` (a 1 px inner scrollbar), takes messages from any
 * window, and initialises itself on import. This one reports its height whenever it changes (a
 * ResizeObserver), hears only its parent, reads only the host-viewport message, and is proven
 * against the real pym.Parent in the browser tests.
 */

const DELIMITER = 'xPYMx';
const MAX_MESSAGE = 256;
/** The host's screen, clamped: a hostile or nested host cannot ask for an absurd layout. */
const MAX_SCREEN = 10_000;

/** The id pym.Parent gave us (the container's element id, or its own `pym-0-x1y2z`), or null. */
export function childIdFrom(search: string): string | null {
  const ids = new URLSearchParams(search).getAll('childId');
  // Anything pym allows as an element id, that cannot break the message format it travels in.
  return ids.length === 1 && /^\S{1,64}$/u.test(ids[0]) && !ids[0].includes(DELIMITER) ? ids[0] : null;
}

const number = (s: string) => {
  const n = Number(s);
  return s.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= 1e7 ? n : null;
};

/** Where the host's screen lies over the iframe, if `data` is a well-formed pym viewport message for our id; else null. */
export function readHostViewport(data: unknown, id: string): Viewport | null {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE) return null;
  const parts = data.split(DELIMITER);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== id || parts[2] !== 'viewport-iframe-position') return null;
  const fields = parts[3].split(' ');
  if (fields.length !== 6) return null;
  const [width, height, top] = fields.map(number);
  if (width === null || height === null || top === null || width <= 0 || height <= 0) return null;
  return { height: Math.min(height, MAX_SCREEN), top };
}

/** Connects this page to its pym host: tells it our height, and where its screen lies over us. */
export class PymChild implements ViewportSource {
  readonly id: string;
  #listeners = new Set<(v: Viewport) => void>();
  #lastHeight = -1;
  #asked = 0;
  /** Where the host's screen last lay over us, or null before it said. */
  viewport: Viewport | null = null;

  constructor(id: string) {
    this.id = id;
  }

  #send(type: string, message = ''): void {
    // Our height is no secret; the host's origin is unknown (any news site), as pym's own child assumes.
    window.parent.postMessage(['pym', this.id, type, message].join(DELIMITER), '*');
  }

  /** Tells the host our height, when it changed (shrinking as well as growing). */
  sendHeight = (): void => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === this.#lastHeight) return;
    this.#lastHeight = height;
    this.#send('height', String(height));
  };

  onViewport(listener: (v: Viewport) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Asks the host where its screen lies (every pym.Parent answers, `trackscroll` or not); once per task at most. */
  request(): void {
    if (this.#asked) return;
    this.#asked = window.setTimeout(() => {
      this.#asked = 0;
      this.#send('parentPositionInfo');
    });
  }

  /** Scrolls the host's page so that our point `y` (CSS pixels from our top) is at the top of its screen (pym's `scrollToChildPos`). */
  scrollHostTo(y: number): void {
    this.#send('scrollToChildPos', String(Math.max(0, Math.round(y))));
  }

  /** Starts talking to the host; returns the teardown. */
  start(): () => void {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || window.parent === window) return;
      const v = readHostViewport(event.data, this.id);
      if (v) {
        this.viewport = v;
        for (const l of this.#listeners) l(v);
      }
    };
    // Straight from the observer (layout is fresh there), not from an animation frame: WebKit runs
    // no frames in an iframe below the fold, and the host would keep a stale height until scrolled to.
    const ro = new ResizeObserver(this.sendHeight);
    ro.observe(document.body);
    window.addEventListener('message', onMessage);
    window.addEventListener('resize', this.sendHeight);
    this.sendHeight();
    this.request();
    return () => {
      clearTimeout(this.#asked);
      this.#asked = 0;
      ro.disconnect();
      window.removeEventListener('message', onMessage);
      window.removeEventListener('resize', this.sendHeight);
    };
  }
}
