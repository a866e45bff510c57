// @ts-check
import { createServer } from 'node:http';
import { createFollowers } from './followers.mjs';
import { hallApi } from './hallApi.mjs';
import { isThisMachine, urlHost } from './lanAddress.mjs';
import { securityHeaders } from './reply.mjs';
import { escapeAttr, siteFiles } from './siteFiles.mjs';

/**
 * @typedef {{
 *   site: string,
 *   key: string,
 *   slideCount: number,
 *   announceHost?: string,
 *   remote?: boolean,
 *   maxFollowers?: number,
 *   maxBuffered?: number,
 *   keepAliveMs?: number,
 *   publishRate?: number,
 * }} HallOptions
 */

/**
 * The hall as an http.Server, not yet listening: the built site plus the live channel under /hall/.
 * `server.hall` gives tests the followers and the state, and `close` for a clean stop.
 * @param {HallOptions} options
 */
export function createHall(options) {
  const { site, key, slideCount, announceHost = '127.0.0.1', remote = false } = options;
  const followers = createFollowers({
    max: options.maxFollowers,
    maxBuffered: options.maxBuffered,
    keepAliveMs: options.keepAliveMs,
  });
  const api = hallApi({
    key,
    slideCount,
    followers,
    publishRate: options.publishRate,
    mayPublishFrom: (address) => remote || isThisMachine(address),
  });
  // Short limits for receiving a request; they do not apply to a stream once it is answered.
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 15_000 });

  const audienceUrl = () => {
    const address = server.address();
    const port = address && typeof address === 'object' ? address.port : 0;
    return `http://${urlHost(announceHost)}:${port}/?mode=follow`;
  };
  const files = siteFiles(site, () => `<meta name="hall-audience" content="${escapeAttr(audienceUrl())}">`);

  server.on('request', (req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const pathname = q < 0 ? url : url.slice(0, q);
    if (pathname.startsWith('/hall/')) api.handle(req, res, pathname);
    else files(req, res);
  });

  /** Ends every stream, then the server; `done` runs once it is closed. */
  const close = (/** @type {() => void} */ done = () => {}) => {
    followers.endAll();
    server.close(() => done());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 200).unref();
  };

  return Object.assign(server, { hall: { followers, api, audienceUrl, close } });
}
