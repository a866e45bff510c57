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
/** @typedef {{ address: string, watcher: boolean, timer: ReturnType<typeof setTimeout> }} Entry */

/** One Server-Sent Event carrying the slide; `id` is the hall's publish count (`seq`). */
export function slideEvent(/** @type {number} */ seq, /** @type {Slide} */ slide) {
  return `id: ${seq}\nevent: slide\ndata: ${JSON.stringify({ index: slide.index, black: slide.black })}\n\n`;
}

/** The hall has heard no presenter yet: followers stay where they are. */
export const WAITING_EVENT = 'id: 0\nevent: waiting\ndata: {}\n\n';

/** How many phones follow, for the speaker views. */
export const roomEvent = (/** @type {number} */ followers) => `event: room\ndata: ${JSON.stringify({ followers })}\n\n`;

export const KEEP_ALIVE = ': keep-alive\n\n';

/**
 * The followers' streams: a bounded set, one broadcast for all, and no unbounded buffering.
 * - A follower whose unsent bytes (ours plus the socket's) pass `maxBuffered` is not reading
 *   (asleep, gone, or hostile) and is destroyed; its browser reconnects and catches up when it can.
 * - One address holds at most `perAddress` streams: its oldest goes first, so one device cannot
 *   take the room.
 * - Each stream ends after a lifetime drawn from `lifetimeMs`, and its browser reconnects a second
 *   later (to the live slide). A phone that left the Wi-Fi never reads again, and TCP would keep
 *   retrying for a quarter of an hour: this is what frees its place, and keeps the count honest,
 *   within a minute.
 * - Watchers (speaker views) are told the followers' count, at most once a second; they are not
 *   followers and take no follower's place.
 * @param {{ max?: number, perAddress?: number, maxBuffered?: number, keepAliveMs?: number,
 *   lifetimeMs?: [number, number], maxWatchers?: number, random?: () => number }} [options]
 */
export function createFollowers({
  max = 5000,
  perAddress = 8,
  maxBuffered = 64 * 1024,
  keepAliveMs = 15_000,
  lifetimeMs = [40_000, 55_000],
  maxWatchers = 16,
  random = Math.random,
} = {}) {
  /** @type {Map<Stream, Entry>} in arrival order */
  const streams = new Map();
  /** @type {Map<string, Set<Stream>>} each address's streams, oldest first */
  const byAddress = new Map();
  let followers = 0;
  let watchers = 0;
  let dropped = 0;

  /** @param {Stream} s */
  const forget = (s) => {
    const entry = streams.get(s);
    if (!entry) return;
    streams.delete(s);
    clearTimeout(entry.timer);
    const mine = byAddress.get(entry.address);
    mine?.delete(s);
    if (mine?.size === 0) byAddress.delete(entry.address);
    if (entry.watcher) watchers -= 1;
    else {
      followers -= 1;
      roomChanged();
    }
  };

  /** @param {Stream} s @param {string | Buffer} chunk */
  const send = (s, chunk) => {
    s.write(chunk);
    if (s.writableLength > maxBuffered) {
      forget(s);
      dropped += 1;
      s.destroy();
    }
  };

  /** @param {string} text @param {(e: Entry) => boolean} [to] */
  const broadcast = (text, to = () => true) => {
    const chunk = Buffer.from(text); // encoded once, not once per follower
    for (const [s, e] of streams) if (to(e)) send(s, chunk);
  };

  // The speaker views' count: sent when it has changed, at most once a second.
  let told = -1;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let roomTimer;
  const tellRoom = () => {
    roomTimer = undefined;
    if (told === followers) return;
    told = followers;
    broadcast(roomEvent(followers), (e) => e.watcher);
  };
  function roomChanged() {
    if (watchers > 0 && roomTimer === undefined) roomTimer = setTimeout(tellRoom, 1000);
  }

  // Comments keep idle proxies and phones from timing the stream out, and reveal dead peers.
  const timer = setInterval(() => broadcast(KEEP_ALIVE), keepAliveMs);
  timer.unref();

  const [shortest, longest] = lifetimeMs;

  /** The watcher that makes way for a new one once there are `maxWatchers` (the first in arrival order). */
  const oldestWatcher = () => {
    if (watchers < maxWatchers) return undefined;
    for (const [s, e] of streams) if (e.watcher) return s;
    return undefined;
  };

  return {
    /** Followers, watchers not counted. */
    get size() {
      return followers;
    },
    get watchers() {
      return watchers;
    },
    get dropped() {
      return dropped;
    },
    /** Whether a new follower from `address` finds a place: the room has one, or the address gives up its oldest. */
    admits(/** @type {string} */ address) {
      return followers < max || (byAddress.get(address)?.size ?? 0) >= perAddress;
    },
    /**
     * Takes a stream and sends it `first`; false (and nothing sent) when there is no place.
     * @param {Stream} s
     * @param {string} first
     * @param {{ address?: string, watcher?: boolean }} [who]
     */
    add(s, first, { address = '', watcher = false } = {}) {
      const mine = byAddress.get(address) ?? new Set();
      if (!watcher && followers >= max && mine.size < perAddress) return false;
      const oldest = watcher ? oldestWatcher() : mine.size >= perAddress ? mine.values().next().value : undefined;
      if (oldest) {
        forget(oldest);
        oldest.destroy();
      }
      const lifetime = shortest + random() * (longest - shortest);
      const end = setTimeout(() => {
        forget(s);
        s.end();
      }, lifetime);
      end.unref();
      streams.set(s, { address, watcher, timer: end });
      byAddress.set(address, mine.add(s));
      if (watcher) watchers += 1;
      else followers += 1;
      s.on('close', () => forget(s));
      send(s, watcher ? first + roomEvent(followers) : first);
      if (!watcher) roomChanged();
      return true;
    },
    /** Sends `text` to every stream, watchers included. */
    broadcast: (/** @type {string} */ text) => broadcast(text),
    /** Ends every stream (their browsers reconnect) and stops the keep-alive. */
    endAll() {
      clearInterval(timer);
      clearTimeout(roomTimer);
      for (const [s, e] of streams) {
        clearTimeout(e.timer);
        s.end();
      }
      streams.clear();
      byAddress.clear();
      followers = 0;
      watchers = 0;
    },
  };
}
