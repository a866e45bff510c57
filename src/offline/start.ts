import type { Mode } from '../lib/modes';
import { whenIdle } from '../lib/idle';
import { shouldRegister } from './where';

let started = false;
let waiting: ServiceWorker | null = null;
const listeners: ((worker: ServiceWorker) => void)[] = [];

/**
 * Installs the offline copy where it belongs (where.ts), once the first view has loaded and the
 * browser is idle: the registration code and the worker's downloads never compete with it.
 * `folder` is the site's folder, the worker's scope. `onWaiting` hears of a new build's worker
 * waiting for the reader's word, now if one already waits. Whichever start the page has calls this
 * (story/enhance.ts, start.ts, or both in turn): the worker is registered once.
 */
export function startOffline(mode: Mode, folder: string, onWaiting: (worker: ServiceWorker) => void): void {
  listeners.push(onWaiting);
  if (waiting) onWaiting(waiting);
  if (started) return;
  started = true;
  const here = {
    mode,
    protocol: location.protocol,
    hall: document.querySelector('meta[name="hall-audience"]') !== null,
    serviceWorker: 'serviceWorker' in navigator,
    framed: window.self !== window.top,
  };
  if (!shouldRegister(here)) {
    document.documentElement.dataset.offline = 'off'; // said, so that a test need not wait for a worker that never comes
    return;
  }
  const register = () =>
    void import('./registerWorker')
      .then(({ registerWorker }) =>
        registerWorker(folder, (worker) => {
          waiting = worker;
          for (const listener of listeners) listener(worker);
        }),
      )
      .catch((error: unknown) => console.warn('No offline copy of the story:', error)); // the story works online as before
  const later = () => whenIdle(register, { timeout: 5000, fallback: 500 });
  if (document.readyState === 'complete') later();
  else addEventListener('load', later, { once: true });
}
