import type { Command } from './keymap';

/** Where the deck stands; `onMove` hears every move made here (not those applied from elsewhere). */
export class Deck {
  index = $state(0);
  black = $state(false);
  readonly count: number;
  onMove: (deck: Deck) => void = () => {};

  constructor(count: number, start = 0) {
    this.count = count;
    this.index = this.#clamp(start);
  }

  #clamp(i: number): number {
    return Math.min(this.count - 1, Math.max(0, Math.trunc(i)));
  }

  go(i: number): void {
    const next = this.#clamp(i);
    if (next === this.index && !this.black) return;
    this.index = next;
    this.black = false;
    this.onMove(this);
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
      this.onMove(this);
    }
  }
}
