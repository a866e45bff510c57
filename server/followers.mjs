// @ts-check

/**
 * What the registry needs of a stream: an http.ServerResponse, or a fake in tests.
 * @typedef {{
 *   write(chunk: string | Buffer): unknown,
 *   end(): unknown,
 *   destroy(): unknown,
 *   readonly writableLength: number,
 *   on(event: 'close', listener: () => void): unknown,
 * }} Stream
 */

/** @typedef {{ index: number, black: boolean }} Slide */

/** One Server-Sent Event carrying the slide; `id` is `<epoch>.<seq>`. */
export function slideEvent(/** @type {string} */ id, /** @type {Slide} */ slide) {
  return `id: ${id}\nevent: slide\ndata: ${JSON.stringify({ index: slide.index, black: slide.black })}\n\n`;
}

export const KEEP_ALIVE = ': keep-alive\n\n';

/**
 * The followers' streams: a bounded set, one broadcast for all, and no unbounded buffering. A
 * follower whose unsent bytes (ours plus the socket's) pass `maxBuffered` is not reading (asleep,
 * gone, or hostile) and is destroyed; its browser reconnects and catches up when it can.
 * @param {{ max?: number, maxBuffered?: number, keepAliveMs?: number }} [options]
 */
export function createFollowers({ max = 5000, maxBuffered = 64 * 1024, keepAliveMs = 15_000 } = {}) {
  /** @type {Set<Stream>} */
  const streams = new Set();
  let dropped = 0;

  /** @param {Stream} s @param {string | Buffer} chunk */
  const send = (s, chunk) => {
    s.write(chunk);
    if (s.writableLength > maxBuffered) {
      streams.delete(s);
      dropped += 1;
      s.destroy();
    }
  };

  /** @param {string} text */
  const broadcast = (text) => {
    const chunk = Buffer.from(text); // encoded once, not once per follower
    for (const s of streams) send(s, chunk);
  };

  // Comments keep idle proxies and phones from timing the stream out, and reveal dead peers.
  const timer = setInterval(() => broadcast(KEEP_ALIVE), keepAliveMs);
  timer.unref();

  return {
    get size() {
      return streams.size;
    },
    get dropped() {
      return dropped;
    },
    get full() {
      return streams.size >= max;
    },
    /**
     * Takes a stream and sends it `first`; false (and nothing sent) past the cap.
     * @param {Stream} s
     * @param {string} first
     */
    add(s, first) {
      if (streams.size >= max) return false;
      streams.add(s);
      s.on('close', () => streams.delete(s));
      send(s, first);
      return true;
    },
    broadcast,
    /** Ends every stream (their browsers reconnect) and stops the keep-alive. */
    endAll() {
      clearInterval(timer);
      for (const s of streams) s.end();
      streams.clear();
    },
  };
}
