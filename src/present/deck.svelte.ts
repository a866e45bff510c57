import type { Command } from './keymap';

/** Where the deck stands; subscribers hear every move made here (not those applied from elsewhere). */
export class Deck {
  index = $state(0);
  black = $state(false);
  readonly count: number;
  #listeners = new Set<(deck: Deck) => void>();

  constructor(count: number, start = 0) {
    this.count = count;
    this.index = this.#clamp(start);
  }

  #clamp(i: number): number {
    return Math.min(this.count - 1, Math.max(0, Math.trunc(i)));
  }

  /** Hears each move made in this window; returns the unsubscribe. */
  subscribe(listener: (deck: Deck) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #moved(): void {
    for (const l of this.#listeners) l(this);
  }

  /** Shows slide `i`; `quiet` moves this window alone (a lobby loop), telling no one. */
  go(i: number, quiet = false): void {
    const next = this.#clamp(i);
    if (next === this.index && !this.black) return;
    this.index = next;
    this.black = false;
    if (!quiet) this.#moved();
  }

  /** Takes a state from another window, without echoing it back. */
  sync(index: number, black: boolean): void {
    this.index = this.#clamp(index);
    this.black = black;
  }

  /** Carries out a key's command; fullscreen and typing are the view's business. */
  run(cmd: Command): void {
    if (cmd.do === 'next') this.go(this.index + 1);
    else if (cmd.do === 'prev') this.go(this.index - 1);
    else if (cmd.do === 'first') this.go(0);
    else if (cmd.do === 'last') this.go(this.count - 1);
    else if (cmd.do === 'goto') this.go(cmd.slide - 1);
    else if (cmd.do === 'black') {
      this.black = !this.black;
      this.#moved();
    }
  }
}
