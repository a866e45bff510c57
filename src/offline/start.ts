import type { Mode } from '../lib/params';
import { update } from './update.svelte';
import { shouldRegister } from './where';

/**
 * Installs the offline copy where it belongs (where.ts), once the first view has loaded and the
 * browser is idle: the registration code and the worker's downloads never compete with it.
 * `folder` is the site's folder, the worker's scope.
 */
export function startOffline(mode: Mode, folder: string): void {
  const here = {
    mode,
    protocol: location.protocol,
    hall: document.querySelector('meta[name="hall-audience"]') !== null,
    serviceWorker: 'serviceWorker' in navigator,
    framed: window.self !== window.top,
  };
  if (!shouldRegister(here)) return;
  const register = () =>
    void import('./registerWorker')
      .then(({ registerWorker }) => registerWorker(folder, (waiting) => (update.waiting = waiting)))
      .catch((error: unknown) => console.warn('No offline copy of the story:', error)); // the story works online as before
  const whenIdle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 500));
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
}
