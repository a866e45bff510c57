/** How long the reader stays at a step before its chart is drawn: a step flung past is never drawn. */
export const SETTLE_MS = 150;
/** Faster than this, in screens a second, the reader is flinging, not reading. */
export const FLING_SCREENS_PER_S = 1.5;

/**
 * Calls `fn` once the reader has settled: `SETTLE_MS` have passed and, over the last of them, the
 * page moved slower than a fling. Mounting and revealing a chart mid-fling made the long frames of a
 * phone's scroll, and nobody reads a chart that flies by (README, Budgets). A page that does not
 * scroll itself (an embed that the host page scrolls) settles after `SETTLE_MS`. Returns the cancel.
 */
export function afterSettle(fn: () => void): () => void {
  let from = window.scrollY;
  let timer = 0;
  const check = () => {
    const y = window.scrollY;
    const speed = (Math.abs(y - from) / window.innerHeight) * (1000 / SETTLE_MS);
    if (speed <= FLING_SCREENS_PER_S) return fn();
    from = y;
    timer = window.setTimeout(check, SETTLE_MS);
  };
  timer = window.setTimeout(check, SETTLE_MS);
  return () => clearTimeout(timer);
}
