// @ts-check
import { createHash, timingSafeEqual } from 'node:crypto';
import { slideState } from '../protocol/slideState.js';

/** @typedef {{ index: number, black: boolean }} Slide */

export const MAX_BODY = 256;

/**
 * The one body a publish may carry: `{"index":<int>,"black":<bool>,"seq":<int>}`, no other key, the
 * index in [0, slideCount), `seq` from 1 (the publisher's count, above the hall's: an older one is a
 * replay or a late duplicate). Anything else is null.
 * @param {string} text
 * @param {number} slideCount
 * @returns {(Slide & { seq: number }) | null}
 */
export function parseSlide(text, slideCount) {
  /** @type {unknown} */
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const slide = slideState(v, slideCount, ['index', 'black', 'seq']);
  if (!slide) return null;
  const { index, black, seq } = slide;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return null;
  return { index, black, seq };
}

/** `application/json`, with at most a UTF-8 charset parameter. */
export function isJsonType(/** @type {string | undefined} */ type) {
  return /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(type ?? '');
}

/** @param {string} s */
const digest = (s) => createHash('sha256').update(s, 'utf8').digest();

/**
 * A key check whose time does not depend on how much of the key a guess gets right: both sides are
 * hashed to 32 bytes first, so even the lengths are compared in constant time.
 * @param {string} key
 * @returns {(given: unknown) => boolean}
 */
export function keyChecker(key) {
  const expected = digest(key);
  return (given) => typeof given === 'string' && timingSafeEqual(digest(given), expected);
}

/**
 * A token bucket: `perSecond` refills a second, at most `burst` at once. A clicker held down sends
 * ~30 keys/s; the cap keeps a runaway client from turning into a broadcast storm.
 * @param {{ perSecond?: number, burst?: number, now?: () => number }} [options]
 */
export function rateCap({ perSecond = 20, burst = perSecond, now = () => performance.now() } = {}) {
  let tokens = burst;
  let last = now();
  return {
    /** Takes a token if there is one. */
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/**
 * Wrong keys counted per address over the last minute: past `perMinute`, that address is refused
 * (429) until its oldest try is a minute old, whatever key it sends. At most `maxAddresses` are
 * remembered (the oldest forgotten first), so a flood of addresses cannot fill the memory.
 * @param {{ perMinute?: number, maxAddresses?: number, now?: () => number }} [options]
 */
export function keyTries({ perMinute = 10, maxAddresses = 10_000, now = () => performance.now() } = {}) {
  /** @type {Map<string, number[]>} an address's wrong tries in the last minute, oldest first */
  const tries = new Map();
  const recent = (/** @type {string} */ address) => {
    const since = now() - 60_000;
    const list = (tries.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) tries.delete(address);
    return list;
  };
  return {
    /** Seconds until `address` may try again; 0 if it may now. */
    wait(/** @type {string} */ address) {
      const list = recent(address);
      return list.length < perMinute ? 0 : Math.max(1, Math.ceil((list[0] + 60_000 - now()) / 1000));
    },
    /** `address` sent a wrong key. */
    fail(/** @type {string} */ address) {
      const list = recent(address);
      list.push(now());
      tries.delete(address);
      tries.set(address, list); // newest last, so the first key is the one to forget
      if (tries.size > maxAddresses) tries.delete(/** @type {string} */ (tries.keys().next().value));
    },
  };
}

/**
 * Reads at most `limit` bytes of a request body. Resolves null as soon as the body is over the
 * limit (by its Content-Length or by what arrived), without keeping the rest.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<Buffer | null>}
 */
export function readCapped(req, limit = MAX_BODY) {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return resolve(null);
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // A client gone mid-body: without this the promise would wait forever (a settled one ignores it).
    req.on('close', () => reject(new Error('request closed before its end')));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The body as UTF-8 text, or null if it is not valid UTF-8. */
export function decodeUtf8(/** @type {Buffer} */ body) {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}
