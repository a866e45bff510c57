/**
 * The child side of pym.js 1.3's protocol, written small and strict: this page tells the host its
 * height, and hears the host's width and where the host's viewport lies over the iframe. Messages
 * are `pym` xPYMx id xPYMx type xPYMx payload strings.
 */

const DELIMITER = 'xPYMx';
const MAX_MESSAGE = 256;

/** Where the host's viewport lies over the iframe, in the host's CSS pixels. */
export interface HostViewport {
  width: number;
  height: number;
  /** The iframe's top edge, relative to the host viewport's top (negative once scrolled past) */
  top: number;
  bottom: number;
}

export type HostMessage = { type: 'width'; width: number } | ({ type: 'viewport' } & HostViewport);

/** A pym child id as pym.Parent makes them (`pym-0-x1y2z`), or null for anything else. */
export function childIdFrom(search: string): string | null {
  const ids = new URLSearchParams(search).getAll('childId');
  return ids.length === 1 && /^[\w-]{1,64}$/.test(ids[0]) ? ids[0] : null;
}

const number = (s: string) => {
  const n = Number(s);
  return s.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= 1e7 ? n : null;
};

/** A message from the host, if it is a well-formed pym message of a type we use, for our id; else null. */
export function readHostMessage(data: unknown, id: string): HostMessage | null {
  if (typeof data !== 'string' || data.length > MAX_MESSAGE) return null;
  const parts = data.split(DELIMITER);
  if (parts.length !== 4 || parts[0] !== 'pym' || parts[1] !== id) return null;
  const [, , type, payload] = parts;
  if (type === 'width') {
    const width = number(payload);
    return width !== null && width > 0 ? { type: 'width', width } : null;
  }
  if (type === 'viewport-iframe-position') {
    const fields = payload.split(' ');
    if (fields.length !== 6) return null;
    const [width, height, top, , bottom] = fields.map(number);
    if ([width, height, top, bottom].some((n) => n === null) || width! <= 0 || height! <= 0) return null;
    return { type: 'viewport', width: width!, height: height!, top: top!, bottom: bottom! };
  }
  return null;
}

/** Connects this page to its pym host. `start` returns the teardown. */
export class PymChild {
  readonly id: string;
  #listeners = new Set<(v: HostViewport) => void>();
  #lastHeight = -1;
  /** The latest viewport the host told us of, if it tracks scrolling */
  viewport: HostViewport | null = null;

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

  /** Hears where the host's viewport lies; returns the unsubscribe. */
  onViewport(listener: (v: HostViewport) => void): () => void {
    this.#listeners.add(listener);
    if (this.viewport) listener(this.viewport);
    return () => this.#listeners.delete(listener);
  }

  start(): () => void {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== window.parent || window.parent === window) return;
      const m = readHostMessage(event.data, this.id);
      if (m?.type === 'viewport') {
        this.viewport = { width: m.width, height: m.height, top: m.top, bottom: m.bottom };
        for (const l of this.#listeners) l(this.viewport);
      }
    };
    let frame = 0;
    const soon = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(this.sendHeight);
    };
    const ro = new ResizeObserver(soon);
    ro.observe(document.body);
    window.addEventListener('message', onMessage);
    window.addEventListener('resize', soon);
    this.sendHeight();
    this.#send('parentPositionInfo'); // a host that tracks scrolling answers with its viewport
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
      window.removeEventListener('message', onMessage);
      window.removeEventListener('resize', soon);
    };
  }
}
