// The service worker: built by vite.sw.ts into dist/sw.js, at the site's folder, whose scope it
// is. It keeps one copy of this build (pages, chunks, both languages' words, icons) and answers
// from it first, so that the story opens with no network and a page never mixes two builds.
import { answerFor, type Answer } from './routes';

// The DOM library lacks the worker's own types: what this file uses of them.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
}

/** Written by the build on the line above this code: the build's id, and each file with a hash of its content. */
declare const PRECACHE: { version: string; files: [path: string, revision: string][] };

const worker = self as unknown as WorkerScope;
const scope = worker.registration.scope;
// One cache per build and folder: two stories published on one origin never touch each other's.
const PREFIX = `precache ${scope} `;
const CACHE = PREFIX + PRECACHE.version;
const files = new Set(PRECACHE.files.map(([path]) => path));
const isPage = (path: string) => path === '' || path.endsWith('/');

async function sha256(body: ArrayBuffer): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The response to keep: its body is stored decoded, so no encoding or length; other headers (a host's CSP) stay. */
function keep(body: ArrayBuffer, from: Response): Response {
  const headers = new Headers(from.headers);
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding']) headers.delete(name);
  return new Response(body, { status: 200, headers });
}

async function precache(): Promise<void> {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
  await Promise.all(
    PRECACHE.files.map(async ([path, revision]) => {
      const url = new URL(path, scope).href;
      // A file the previous build had too, unchanged, is not downloaded again.
      for (const name of older) {
        const hit = await (await caches.open(name)).match(url);
        if (hit && (await sha256(await hit.clone().arrayBuffer())).startsWith(revision)) return cache.put(url, hit);
      }
      const response = await fetch(url, { cache: 'no-cache' }); // revalidated: never a stale copy
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      const body = await response.arrayBuffer();
      // A file of another build (a deploy half done) fails the install, tried again at the next visit.
      // Pages are kept as served: a host may add to them (a tag, a beacon).
      if (!isPage(path) && !(await sha256(body)).startsWith(revision)) throw new Error(`${path} is not this build's`);
      await cache.put(url, keep(body, response));
    }),
  );
}

// Installed, the worker waits while an older one serves open pages: it takes over only when the
// reader accepts the page's prompt (SKIP_WAITING), or once no page of the old build is open.
worker.addEventListener('install', (event) => {
  event.waitUntil(
    precache().catch(async (error: unknown) => {
      await caches.delete(CACHE); // the next try starts clean
      throw error;
    }),
  );
});

// No clients.claim(): a page opened without a worker keeps its network files to the end.
worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)))),
  );
});

worker.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void worker.skipWaiting();
});

async function respond(answer: NonNullable<Answer>, request: Request): Promise<Response> {
  if ('redirect' in answer) return Response.redirect(answer.redirect, 301);
  const hit = await (await caches.open(CACHE)).match(new URL(answer.file, scope).href);
  return hit ?? fetch(request); // evicted by the browser: the network, as with no worker
}

// This build's files, pages included, come from its cache first: online, a reader gets a new
// build's pages only with its worker, that is once they accept the prompt. Anything else (other
// folders, the embed example, share cards, other origins) goes to the network untouched.
worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const answer = answerFor(request.url, scope, files, request.mode === 'navigate');
  if (answer) event.respondWith(respond(answer, request));
});
