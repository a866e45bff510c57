import { describe, expect, it } from 'vitest';
import { FollowState } from '../../../src/hall/followState.svelte';

const live = (index: number, black = false) => ({ index, black });

describe('FollowState', () => {
  // On load or reload a phone goes to the live slide: the URL's step holds only until the first message.
  it('shows the URL’s slide until the hall says which is live, then the live one', () => {
    const f = new FollowState(10, 6);
    expect(f.index).toBe(6);
    f.onLive(live(2));
    expect(f.index).toBe(2);
    f.onLive(live(3));
    expect(f.index).toBe(3);
  });

  it('pages back privately, not past the live slide, and rejoins on reaching it', () => {
    const f = new FollowState(10);
    f.onLive(live(5));
    f.forward();
    expect(f.index).toBe(5); // no reading ahead of the speaker
    f.back();
    f.back();
    expect([f.index, f.behind]).toEqual([3, true]);
    f.onLive(live(6)); // the speaker moves on; the reader stays
    expect(f.index).toBe(3);
    f.forward();
    f.forward();
    expect([f.index, f.behind]).toEqual([5, true]);
    f.forward(); // the live slide: with the room again
    expect([f.index, f.behind]).toEqual([6, false]);
  });

  it('goes back to live at once', () => {
    const f = new FollowState(10);
    f.onLive(live(7));
    f.back();
    f.toLive();
    expect([f.index, f.behind]).toEqual([7, false]);
    f.onLive(live(8));
    expect(f.index).toBe(8);
  });

  it('rejoins the room when the speaker goes back to the reader’s slide or before', () => {
    const f = new FollowState(10);
    f.onLive(live(7));
    f.back();
    f.back();
    f.onLive(live(4));
    expect([f.index, f.behind]).toEqual([4, false]);
  });

  // A blacked-out projector is a calm pause on a phone; a reader paging on their own is not paused.
  it('is paused while the room is blacked out, unless the reader pages back', () => {
    const f = new FollowState(10);
    f.onLive(live(4, true));
    expect(f.paused).toBe(true);
    f.back();
    expect([f.paused, f.index]).toEqual([false, 3]);
    f.toLive();
    expect(f.paused).toBe(true);
    f.onLive(live(4, false));
    expect(f.paused).toBe(false);
  });

  it('pages the whole deck away from the hall', () => {
    const f = new FollowState(3, 1);
    f.forward();
    f.forward();
    expect(f.index).toBe(2);
    f.back();
    f.back();
    f.back();
    expect([f.index, f.behind, f.paused]).toEqual([0, false, false]);
  });

  it('clamps the start to the deck', () => {
    expect(new FollowState(3, 99).index).toBe(2);
    expect(new FollowState(3, -4).index).toBe(0);
  });
});
