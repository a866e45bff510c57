import { reloadOnce } from './reloadOnce';

const RETRY_MS = 400;

/** Runs before a recovery reload, e.g. to write the reader's place into the URL. */
let beforeReload = () => {};
export const onBeforeReload = (fn: () => void) => {
  beforeReload = fn;
};

/**
 * Code and words split from the first view (a mode's view, the charts, a language): fetched, retried
 * once, and if that fails too (a redeploy replaced the hashed files this page knows), the page reloads
 * once to get the new build. A rejection is left to the caller, which shows a fallback.
 * (Vite's `vite:preloadError` is one of these rejections: left unprevented, it rejects the import.)
 */
export async function lazy<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    await new Promise((ok) => setTimeout(ok, RETRY_MS));
    try {
      return await load();
    } catch (error) {
      // Offline, a reload would show the browser's error page: keep this one and its fallback.
      if (navigator.onLine !== false) {
        beforeReload();
        reloadOnce();
      }
      throw error;
    }
  }
}
