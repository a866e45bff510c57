/**
 * Keeps the address bar in step with the reader (section, slide, language) through
 * `history.replaceState`. WebKit throws once a page makes more than 100 calls in 30 s, which fast
 * clicking or a lobby loop would reach, so writes draw on a bucket of tokens: a burst of `burst`
 * writes goes through at once, then `perSecond` a second, the latest address winning. Changes made
 * while a write waits are applied in order to one pending address, so none is lost.
 */
export class UrlWriter {
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #tokens: number;
  #filled = Date.now();
  readonly #burst: number;
  readonly #perSecond: number;

  constructor(burst = 20, perSecond = 2) {
    this.#burst = this.#tokens = burst;
    this.#perSecond = perSecond;
  }

  #refill(): void {
    const now = Date.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#filled) / 1000) * this.#perSecond);
    this.#filled = now;
  }

  /** Applies `change` (absolute address in, absolute address out) to the address: now, or as soon as allowed. */
  update(change: (href: string) => string): void {
    this.#pending = change(this.#pending ?? location.href);
    if (this.#timer !== undefined) return;
    this.#refill();
    if (this.#tokens >= 1) return this.flush();
    this.#timer = setTimeout(() => this.flush(), ((1 - this.#tokens) / this.#perSecond) * 1000);
  }

  /** Writes what is pending now (before a reload, say). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const href = this.#pending;
    this.#pending = null;
    if (href === null || href === location.href) return;
    this.#refill();
    this.#tokens = Math.max(0, this.#tokens - 1);
    try {
      history.replaceState(history.state, '', href);
    } catch {
      // Refused (a rate limit, a sandboxed frame): the address lags behind, the story does not.
    }
  }
}
