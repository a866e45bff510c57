/** Set once this tab has reloaded to recover: in sessionStorage, or in the URL where storage is refused. */
const MARK = 'reloaded';

/** The browser's reload (replaceable where there is none: jsdom). */
export const browser = { reload: () => location.reload() };

function storage(): Storage | null {
  try {
    return window.sessionStorage; // throws in some third-party iframes
  } catch {
    return null;
  }
}

/** True when this tab already reloaded itself once to recover. */
export function hasReloaded(): boolean {
  if (new URLSearchParams(location.search).has(MARK)) return true;
  try {
    return storage()?.getItem(MARK) === '1';
  } catch {
    return false;
  }
}

/**
 * Reloads the page once, at its current address (which carries the reader's place), to pick up a
 * new build whose files replaced the ones this page was loading. Returns false, doing nothing, when
 * the tab already did: a second failure is not a stale deploy, and a loop is impossible.
 */
export function reloadOnce(): boolean {
  if (hasReloaded()) return false;
  let stored = false;
  try {
    storage()?.setItem(MARK, '1');
    stored = storage()?.getItem(MARK) === '1';
  } catch {
    stored = false;
  }
  if (!stored) {
    const url = new URL(location.href);
    url.searchParams.set(MARK, '1');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  }
  browser.reload();
  return true;
}
