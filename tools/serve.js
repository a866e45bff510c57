// A static host for the built site, shared by the browser tests and `npm run bench` (plain JS so
// that node runs it without a TypeScript step).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

/**
 * Serves `dir` on 127.0.0.1 as a static host would: `/x/` is `x/index.html`, `/x` redirects to `/x/`,
 * text is gzipped when the client accepts it (so transfer sizes are real), nothing outside `dir` is
 * reachable. `folder` publishes it below the origin's root, as a newsroom does (`/graphics/story/`).
 * @param {string | (() => string)} dir the folder, or a function giving it at each request (a redeploy)
 * @param {{ port?: number, headers?: Record<string, string>, folder?: string,
 *   filter?: (path: string) => number | undefined }} [options] port 0 (the default) for any free port;
 *   headers to add to every response (a Content-Security-Policy, say); the folder (default `/`);
 *   a filter that answers a path (inside the folder) with a status of its own instead of the file
 * @returns {Promise<{ url: string, origin: string, close: () => Promise<void> }>}
 */
export async function serveDir(dir, { port = 0, headers: extra = {}, folder = '/', filter } = {}) {
  const folderOf = () => resolve(typeof dir === 'function' ? dir() : dir);
  if (!existsSync(join(folderOf(), 'index.html'))) throw new Error(`${folderOf()}/index.html is missing: run \`npm run build\` first`);
  const server = createServer((req, res) => {
    const root = folderOf();
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    if (!path.startsWith(folder)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    path = path.slice(folder.length - 1);
    const status = filter?.(path);
    if (status) return void res.writeHead(status, { 'content-type': 'text/plain' }).end('filtered');
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) {
        const search = new URL(req.url ?? '/', 'http://x').search;
        return void res.writeHead(301, { location: `${folder}${path.slice(1)}/${search}` }).end();
      }
      file = join(file, 'index.html');
    }
    if (!existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const ext = extname(file);
    let body = readFileSync(file);
    /** @type {Record<string, string>} */
    const headers = { ...extra, 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(undefined)));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}${folder.replace(/\/$/, '')}`,
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((ok) => server.close(() => ok(undefined))),
  };
}
