// @ts-check
import { randomBytes } from 'node:crypto';
import { slideEvent } from './followers.mjs';
import { decodeUtf8, isJsonType, keyChecker, parseSlide, rateCap, readCapped } from './publish.mjs';
import { reply } from './reply.mjs';

/** @typedef {import('./followers.mjs').Slide} Slide */
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
 * The live channel under /hall/: the followers' event stream, the presenter's publish, the state.
 * Nothing but an accepted publish (204) changes the state.
 * @param {{
 *   key: string,
 *   slideCount: number,
 *   followers: Followers,
 *   mayPublishFrom: (address: string | undefined) => boolean,
 *   publishRate?: number,
 * }} options
 */
export function hallApi({ key, slideCount, followers, mayPublishFrom, publishRate = 20 }) {
  const epoch = randomBytes(4).toString('hex'); // tells a restarted server's ids from the last one's
  let seq = 0;
  /** @type {Slide} */
  let slide = { index: 0, black: false };
  const isKey = keyChecker(key);
  const rate = rateCap({ perSecond: publishRate });
  const current = () => slideEvent(`${epoch}.${seq}`, slide);

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function events(req, res) {
    if (req.method !== 'GET') return reply(res, 405, 'GET only', { Allow: 'GET' });
    if (followers.full) {
      return reply(res, 503, 'The room is full: too many followers. Retrying shortly.', { 'Retry-After': 10 });
    }
    res.removeHeader('Transfer-Encoding'); // with Connection: close, a close-delimited body
    res.writeHead(200, SSE_HEADERS);
    // Whatever Last-Event-ID says, the current state goes first: a woken phone or a restarted
    // server's follower is at the live slide at once.
    followers.add(res, `retry: 1000\n\n${current()}`);
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function publish(req, res) {
    if (req.method !== 'POST') return reply(res, 405, 'POST only', { Allow: 'POST' });
    if (!mayPublishFrom(req.socket.remoteAddress)) {
      return reply(res, 403, 'Publishing is for this laptop only (HALL_REMOTE=1 allows a remote).');
    }
    if (!isKey(req.headers['x-hall-key'])) return reply(res, 401, 'Missing or wrong x-hall-key.');
    if (!isJsonType(req.headers['content-type'])) return reply(res, 415, 'application/json only.');
    const body = await readCapped(req);
    if (body === null) {
      // Stop reading: the connection closes once the answer is out, the rest of the body unread.
      res.once('finish', () => req.socket.destroySoon());
      return reply(res, 413, 'Body over 256 bytes.', { Connection: 'close' });
    }
    const text = decodeUtf8(body);
    const next = text === null ? null : parseSlide(text, slideCount);
    if (!next) return reply(res, 400, `Expected {"index":<0..${slideCount - 1}>,"black":<bool>}.`);
    if (!rate.take()) return reply(res, 429, 'Too many moves.', { 'Retry-After': 1 });
    if (next.index !== slide.index || next.black !== slide.black) {
      slide = next;
      seq += 1;
      followers.broadcast(current());
    }
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  }

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function state(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'GET only', { Allow: 'GET, HEAD' });
    const body = JSON.stringify(slide);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** @type {Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => unknown>} */
  const routes = { '/hall/events': events, '/hall/publish': publish, '/hall/state': state };

  return {
    /** The current slide (a copy). */
    get slide() {
      return { ...slide };
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
