/** What a truthy result can be. */
export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/**
 * Polls `probe` (a page read, say) until it returns something truthy, and returns that; throws
 * naming `what` (and the last value seen) after `timeout` ms. Polling from Node works the same for
 * both drivers, across navigations, and inside frames.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T>, { timeout = 5000, interval = 50 } = {}): Promise<Truthy<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const last = await probe();
    if (last) return last as Truthy<T>;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((ok) => setTimeout(ok, interval));
  }
}
