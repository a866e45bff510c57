import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRIGGER_LINE } from '../../src/scroll/types';
import { afterSettle, FLING_SCREENS_PER_S, lineUnder, SETTLE_MS, UNDER_PANEL } from '../../src/story/whenGraphicsPlay';

// A page 800 px high that the test scrolls, on the test's clock.
const page = { scrollY: 0, innerHeight: 800, setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) };
/** Scrolls `px` every `ms` for `times` steps. */
const scroll = async (px: number, ms: number, times: number) => {
  for (let i = 0; i < times; i++) {
    page.scrollY += px;
    await vi.advanceTimersByTimeAsync(ms);
  }
};

describe('afterSettle (a chart waits for the reader to settle at its step)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    page.scrollY = 0;
    vi.stubGlobal('window', page);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls once SETTLE_MS have passed with the page at rest, not before', async () => {
    const fn = vi.fn();
    afterSettle(fn);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1);
    expect(fn).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(10 * SETTLE_MS);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('waits out a fling, and calls once the page slows to reading pace', async () => {
    const fn = vi.fn();
    afterSettle(fn);
    await scroll(200, 50, 12); // 4000 px a second: five screens
    expect(fn).not.toHaveBeenCalled();
    await scroll(30, 50, 3); // momentum dying away: 600 px a second, under the fling pace
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('calls on time while the reader scrolls at reading pace', async () => {
    const fn = vi.fn();
    afterSettle(fn);
    const readingPx = (FLING_SCREENS_PER_S * page.innerHeight * SETTLE_MS) / 1000 / 3 - 1; // just under the pace
    await scroll(readingPx, SETTLE_MS / 3, 3);
    expect(fn).toHaveBeenCalledOnce();
  });

  it('never calls once cancelled', async () => {
    const fn = vi.fn();
    const cancel = afterSettle(fn);
    await scroll(400, 50, 3);
    cancel();
    await vi.advanceTimersByTimeAsync(10 * SETTLE_MS);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('lineUnder (where a step enters, under a phone’s panel)', () => {
  it.each([
    ['a panel ending above the usual line keeps it', 400, 844, TRIGGER_LINE],
    ['a panel ending at the line moves it just under', 0.6 * 844, 844, 0.6 + UNDER_PANEL],
    ['large type on a short phone: just under the panel', 449, 640, 449 / 640 + UNDER_PANEL],
    ['never past nine tenths of the screen', 620, 640, 0.9],
  ])('%s', (_, bottom, screen, line) => {
    expect(lineUnder(bottom, screen)).toBeCloseTo(line, 6);
  });
});
