/**
 * Runs `fn` when the browser is next idle, at the latest after `timeout` ms; where it cannot tell
 * (Safari), after `fallback` ms. Returns the handle for `cancelIdle`.
 */
export function whenIdle(fn: () => void, { timeout, fallback = 50 }: { timeout?: number; fallback?: number } = {}): number {
  return typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, timeout ? { timeout } : undefined) : window.setTimeout(fn, fallback);
}

/** Cancels what `whenIdle` scheduled. */
export function cancelIdle(handle: number): void {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
  else window.clearTimeout(handle);
}
