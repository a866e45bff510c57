// @ts-check
import { slideEvent, WAITING_EVENT } from './followers.mjs';
import { NO_SLIDE } from './hallState.mjs';
import { decodeUtf8, isJsonType, keyChecker, keyTries, parseSlide, rateCap, readCapped } from './publish.mjs';
import { reply } from './reply.mjs';

/** @typedef {import('./hallState.mjs').HeldSlide} HeldSlide */
/** @typedef {ReturnType<typeof import('./followers.mjs').createFollowers>} Followers */

const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Accel-Buffering': 'no', // a reverse proxy in front must not hold events back
  // The stream is its connection's last response, so its body runs to the close: with no chunk
  // framing each event is one buffer and one write per follower (~15% less CPU per broadcast).
  Connection: 'close',
};

/**
 * The live channel under /hall/: the followers' event stream (`?room=1`: a speaker view's, told the
 * followers' count too), the presenter's publish, the state. Nothing but an accepted publish (204)
 * changes the state, and each accepted one is kept (`save`) before the answer goes out.
 * @param {{
 *   key: string,
 *   slideCount: number,
 *   followers: Followers,
 *   mayPublishFrom: (address: string | undefined) => boolean,
 *   trusted: (address: string | undefined) => boolean,
 *   held?: HeldSlide,
 *   save?: (held: HeldSlide) => void,
 *   publishRate?: number,
 * }} options `trusted`: this laptop, whose wrong keys are not counted against it
 */
export function hallApi({ key, slideCount, followers, mayPublishFrom, trusted, held = NO_SLIDE, save = () => {}, publishRate = 20 }) {
  /** @type {HeldSlide} */
  let slide = { ...held };
  const isKey = keyChecker(key);
  const rate = rateCap({ perSecond: publishRate });
  const tries = keyTries();
  const current = () => (slide.seq === 0 ? WAITING_EVENT : slideEvent(slide.seq, slide));
  const seqHeader = () => ({ 'X-Hall-Seq': slide.seq });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function events(req, res) {
    if (req.method !== 'GET') return reply(res, 405, 'GET only', { Allow: 'GET' });
    const address = req.socket.remoteAddress ?? '';
    const watcher = /[?&]room=1(&|$)/.test(req.url ?? '');
    if (!watcher && !followers.admits(address)) {
      return reply(res, 503, 'The room is full: too many followers. Retrying shortly.', { 'Retry-After': 10 });
    }
    res.removeHeader('Transfer-Encoding'); // with Connection: close, a close-delimited body
    res.writeHead(200, SSE_HEADERS);
    req.socket.setNoDelay(true);
    // Whatever Last-Event-ID says, the current state goes first: a woken phone or a restarted
    // server's follower is at the live slide at once.
    followers.add(res, `retry: 1000\n\n${current()}`, { address, watcher });
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function publish(req, res) {
    if (req.method !== 'POST') return reply(res, 405, 'POST only', { Allow: 'POST' });
    const address = req.socket.remoteAddress;
    if (!mayPublishFrom(address)) {
      return reply(res, 403, 'Publishing is for this laptop only (HALL_REMOTE=1 allows a remote).');
    }
    const counted = !trusted(address);
    const wait = counted ? tries.wait(address ?? '') : 0;
    if (wait > 0) return reply(res, 429, 'Too many wrong keys from this address.', { 'Retry-After': wait });
    if (!isKey(req.headers['x-hall-key'])) {
      if (counted) tries.fail(address ?? '');
      return reply(res, 401, 'Missing or wrong x-hall-key.');
    }
    if (!isJsonType(req.headers['content-type'])) return reply(res, 415, 'application/json only.');
    const body = await readCapped(req);
    if (body === null) {
      // Stop reading: the connection closes once the answer is out, the rest of the body unread.
      res.once('finish', () => req.socket.destroySoon());
      return reply(res, 413, 'Body over 256 bytes.', { Connection: 'close' });
    }
    const text = decodeUtf8(body);
    const next = text === null ? null : parseSlide(text, slideCount);
    if (!next) return reply(res, 400, `Expected {"index":<0..${slideCount - 1}>,"black":<bool>,"seq":<above ${slide.seq}>}.`);
    if (next.seq <= slide.seq) return reply(res, 409, `Already at ${slide.seq}: send a higher seq.`, seqHeader());
    if (!rate.take()) return reply(res, 429, 'Too many moves.', { 'Retry-After': 1 });
    const moved = slide.seq === 0 || next.index !== slide.index || next.black !== slide.black; // the first ends the wait
    slide = next;
    if (moved) followers.broadcast(current());
    save(slide);
    res.writeHead(204, { 'Cache-Control': 'no-store', ...seqHeader() }).end();
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function state(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'GET only', { Allow: 'GET, HEAD' });
    const body = JSON.stringify({ index: slide.index, black: slide.black });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...seqHeader() });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown>} */
  const routes = { '/hall/events': events, '/hall/publish': publish, '/hall/state': state };

  return {
    /** The current slide (a copy). */
    get slide() {
      return { index: slide.index, black: slide.black };
    },
    /**
     * Handles `pathname` under /hall/ (404 for anything else there).
     * @param {import('node:http').IncomingMessage} req
     * @param {import('node:http').ServerResponse} res
     * @param {string} pathname
     */
    handle(req, res, pathname) {
      const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
      if (!route) return reply(res, 404, 'Not found');
      return Promise.resolve(route(req, res)).catch(() => res.destroy());
    },
  };
}
