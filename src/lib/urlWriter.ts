/**
 * Keeps the address bar in step with the reader (section, slide, language) through
 * `history.replaceState`, at most once per `every` ms: WebKit throws once a page makes more than 100
 * calls in 30 s, which fast clicking or a lobby loop would reach. Changes made in between are
 * applied in order to one pending address, so none is lost.
 */
export class UrlWriter {
  #pending: string | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last = -Infinity;
  readonly #every: number;

  constructor(every = 400) {
    this.#every = every;
  }

  /** Applies `change` (absolute address in, absolute address out) to the address, soon. */
  update(change: (href: string) => string): void {
    this.#pending = change(this.#pending ?? location.href);
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => this.flush(), Math.max(0, this.#last + this.#every - Date.now()));
  }

  /** Writes what is pending now (before a reload, say). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const href = this.#pending;
    this.#pending = null;
    if (href === null || href === location.href) return;
    this.#last = Date.now();
    try {
      history.replaceState(history.state, '', href);
    } catch {
      // Refused (a rate limit, a sandboxed frame): the address lags behind, the story does not.
    }
  }
}
