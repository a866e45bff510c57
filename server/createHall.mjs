// @ts-check
import { createServer } from 'node:http';
import { guardConnections } from './connections.mjs';
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
 *   held?: import('./hallState.mjs').HeldSlide,
 *   save?: (held: import('./hallState.mjs').HeldSlide) => void,
 *   maxFollowers?: number,
 *   maxPerAddress?: number,
 *   maxConnections?: number,
 *   maxBuffered?: number,
 *   keepAliveMs?: number,
 *   streamLifetimeMs?: [number, number],
 *   publishRate?: number,
 *   headersTimeoutMs?: number,
 *   requestTimeoutMs?: number,
 *   firstRequestMs?: number,
 * }} HallOptions
 */

/** Pages may be framed only in the embed modes: no other site frames the speaker view (with its key) or the slides. */
const NOT_FRAMED = `${securityHeaders['Content-Security-Policy']}; frame-ancestors 'none'`;

/**
 * The hall as an http.Server, not yet listening: the built site plus the live channel under /hall/.
 * `server.hall` gives tests the followers and the state, and `close` for a clean stop.
 * @param {HallOptions} options
 */
export function createHall(options) {
  const { site, key, slideCount, announceHost = '127.0.0.1', remote = false } = options;
  const followers = createFollowers({
    max: options.maxFollowers,
    perAddress: options.maxPerAddress,
    maxBuffered: options.maxBuffered,
    keepAliveMs: options.keepAliveMs,
    lifetimeMs: options.streamLifetimeMs,
  });
  const api = hallApi({
    key,
    slideCount,
    followers,
    held: options.held,
    save: options.save,
    publishRate: options.publishRate,
    mayPublishFrom: (address) => remote || isThisMachine(address),
    trusted: (address) => isThisMachine(address),
  });
  // Limits for receiving a request, checked every second (Node's default, 30 s, made them fire
  // 20 s late); they do not apply to a stream once it is answered.
  const server = createServer({
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    requestTimeout: options.requestTimeoutMs ?? 15_000,
    connectionsCheckingInterval: 1000,
  });
  const connections = guardConnections(server, {
    max: options.maxConnections ?? (options.maxFollowers ?? 5000) + 200,
    firstRequestMs: options.firstRequestMs ?? 10_000,
  });

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
    if (pathname.startsWith('/hall/')) return void api.handle(req, res, pathname);
    if (new URLSearchParams(q < 0 ? '' : url.slice(q)).get('mode') !== 'embed') res.setHeader('Content-Security-Policy', NOT_FRAMED);
    files(req, res);
  });

  /** Ends every stream, then the server; `done` runs once it is closed. */
  const close = (/** @type {() => void} */ done = () => {}) => {
    followers.endAll();
    server.close(() => done());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 200).unref();
  };

  return Object.assign(server, { hall: { followers, api, connections, audienceUrl, close } });
}
