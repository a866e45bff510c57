import type { LiveSlide } from './liveSlide';

/**
 * What a follower's phone shows: the live slide while following; a slide of its own once the reader
 * pages back (never past the live slide: no reading ahead of the speaker). Before the first live
 * message, and away from the hall, the slide it opened at (the URL's `step`).
 */
export class FollowState {
  /** The latest slide the hall announced, or null before the first (or away from the hall) */
  live: LiveSlide | null = $state.raw(null);
  /** Whether the reader is with the room, not paging on their own */
  following = $state(true);
  #own = $state(0);
  readonly count: number;

  constructor(count: number, start = 0) {
    this.count = count;
    this.#own = Math.min(count - 1, Math.max(0, Math.trunc(start)));
  }

  /** The 0-based slide on screen. */
  get index(): number {
    return this.following && this.live ? this.live.index : this.#own;
  }

  /** The presenter blacked the screen out: a follower with the room sees the pause. */
  get paused(): boolean {
    return this.following && !!this.live?.black;
  }

  /** The last slide the reader may page to: the live one, or the deck's end away from the hall. */
  get furthest(): number {
    return this.live ? this.live.index : this.count - 1;
  }

  /** The reader is on a slide of their own while the room is elsewhere. */
  get behind(): boolean {
    return !!this.live && !this.following;
  }

  /** A slide event from the hall. */
  onLive(slide: LiveSlide): void {
    this.live = slide;
    // The speaker went back to (or before) the reader's slide: the reader is with the room again.
    if (!this.following && this.#own >= slide.index) this.following = true;
  }

  back(): void {
    if (this.index === 0) return;
    this.#own = this.index - 1;
    this.following = false;
  }

  /** One slide on; reaching the live slide rejoins the room. */
  forward(): void {
    const next = this.index + 1;
    if (next > this.furthest) return;
    this.#own = next;
    if (this.live && next === this.live.index) this.following = true;
  }

  toLive(): void {
    this.following = true;
  }
}
