const HOUR = 3_600_000;

/**
 * Registers the site's worker (`sw.js` in the site's folder, scoped to that folder), and calls
 * `offer` with a new build's worker once it waits. Loaded after the first view (start.ts); it
 * imports nothing, so that it stays one small chunk.
 */
export async function registerWorker(folder: string, offer: (waiting: ServiceWorker) => void): Promise<void> {
  const sw = navigator.serviceWorker;
  const controlled = sw.controller !== null;
  let reloading = false;
  // The reader took the new build (here or in another tab): reload once, to run it whole, never
  // half the old build and half the new.
  sw.addEventListener('controllerchange', () => {
    if (!controlled || reloading) return;
    reloading = true;
    location.reload();
  });
  // updateViaCache 'none': the browser asks the host for sw.js itself, never its HTTP cache.
  const registration = await sw.register(new URL('sw.js', folder).href, { scope: folder, updateViaCache: 'none' });
  // Only a page run by an older worker has something to update; a first visit's worker just starts.
  const waiting = (worker: ServiceWorker | null) => {
    if (worker && sw.controller) offer(worker);
  };
  waiting(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') waiting(worker);
    });
  });
  // A page left open for hours (a speaker's laptop, a phone in a pocket) looks again when it is seen again.
  let checked = Date.now();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - checked < HOUR) return;
    checked = Date.now();
    registration.update().catch(() => {}); // offline: next time
  });
}
