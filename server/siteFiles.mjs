// @ts-check
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import sirv from 'sirv';
import { reply } from './reply.mjs';

/** Only what the build wrote: no dotfile, no `..`, no encoded slash or backslash, no NUL. */
export function safePath(/** @type {string} */ url) {
  if (!url.startsWith('/')) return null;
  const q = url.indexOf('?');
  const raw = q < 0 ? url : url.slice(0, q);
  const segments = raw.split('/').slice(1);
  /** @type {string[]} */
  const out = [];
  for (const [i, s] of segments.entries()) {
    let seg;
    try {
      seg = decodeURIComponent(s);
    } catch {
      return null;
    }
    if (seg === '' && i < segments.length - 1) return null; // `//`
    if (seg.startsWith('.') || /[/\\\u0000-\u001f]/.test(seg)) return null;
    out.push(seg);
  }
  return { path: `/${out.join('/')}`, search: q < 0 ? '' : url.slice(q) };
}

/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttr(/** @type {string} */ s) {
  /** @type {Record<string, string>} */
  const map = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };
  return s.replace(/[&"'<>]/g, (c) => map[c]);
}

/**
 * Served as /sw.js under the hall: a worker that removes itself and its caches. Pages never register
 * a worker under the hall, but one left by the public site (or a preview) on this same address would
 * otherwise keep serving its copy of an older build; checking for an update, it gets this instead.
 */
export const RETIRING_WORKER = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil((async () => {
  for (const key of await caches.keys()) await caches.delete(key);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: 'window' })) client.navigate(client.url);
})()));
`;

/** The page with `meta` just before its `</head>`; nothing else changes. */
export function injectMeta(/** @type {string} */ html, /** @type {string} */ meta) {
  return html.replace(/<\/head>/i, (end) => meta + end);
}

/**
 * The built site: HTML from memory with the hall's meta injected (no-cache), every other file by
 * sirv from the list it takes at start (so nothing outside the folder can be reached), hashed
 * assets cached for a year. GET and HEAD only.
 * @param {string} site the built site's folder
 * @param {() => string} meta the tag to inject (the port is known only once listening)
 */
export function siteFiles(site, meta) {
  /** @type {Map<string, string>} URL path of each page -> its HTML */
  const pages = new Map();
  /** @type {Set<string>} folders with an index.html, which `/x` redirects to `/x/` */
  const folders = new Set();
  for (const rel of readdirSync(site, { recursive: true, encoding: 'utf8' })) {
    const path = `/${rel.split(sep).join('/')}`;
    if (!path.endsWith('.html') || path.includes('/.')) continue;
    pages.set(path, readFileSync(join(site, rel), 'utf8'));
    if (path.endsWith('/index.html') && path !== '/index.html') folders.add(path.slice(0, -'/index.html'.length));
  }

  /** @type {{ meta: string, pages: Map<string, { body: Buffer, etag: string }> } | null} */
  let injected = null;
  const page = (/** @type {string} */ path) => {
    const m = meta();
    if (injected?.meta !== m) injected = { meta: m, pages: new Map() };
    let p = injected.pages.get(path);
    const html = pages.get(path);
    if (!p && html !== undefined) {
      const body = Buffer.from(injectMeta(html, m));
      p = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
      injected.pages.set(path, p);
    }
    return p;
  };

  /** @param {import('node:http').IncomingMessage} _req @param {import('node:http').ServerResponse} res */
  const notFound = (_req, res) => reply(res, 404, 'Not found');
  const files = sirv(site, {
    etag: true,
    extensions: [], // `/x` is never guessed to mean `/x.html`
    dotfiles: false,
    onNoMatch: notFound,
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'GET or HEAD only', { Allow: 'GET, HEAD' });
    const url = safePath(req.url ?? '');
    if (!url) return notFound(req, res);
    const { path, search } = url;
    if (folders.has(path)) return reply(res, 301, 'Moved', { Location: `${path}/${search}` });
    if (path === '/sw.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return res.end(req.method === 'HEAD' ? undefined : RETIRING_WORKER);
    }
    if (!path.endsWith('/') && !path.endsWith('.html')) {
      // Set before sirv answers, so that its 304s carry it too; a 404 replaces it.
      res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return files(req, res);
    }
    const p = page(path.endsWith('/') ? `${path}index.html` : path);
    if (!p) return notFound(req, res);
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', ETag: p.etag };
    if (req.headers['if-none-match'] === p.etag) return res.writeHead(304, headers).end();
    res.writeHead(200, { ...headers, 'Content-Length': p.body.length });
    res.end(req.method === 'HEAD' ? undefined : p.body);
  };
}
