import { timer, type Timer } from 'd3';

/** A reveal's progress from 0 to 1, driven by one d3 timer (one callback a frame, however many marks move). */
export class Reveal {
  progress = $state(0);
  #timer: Timer | undefined;

  /** Runs from 0 to 1 over `ms`, starting at the next frame; returns the stop. */
  play(ms: number): () => void {
    this.stop();
    this.progress = 0;
    this.#timer = timer((elapsed) => {
      this.progress = Math.min(1, elapsed / ms);
      if (elapsed >= ms) this.stop();
    });
    return () => this.stop();
  }

  stop(): void {
    this.#timer?.stop();
    this.#timer = undefined;
  }
}
