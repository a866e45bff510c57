import { describe, expect, it, vi } from 'vitest';
import { Reveal } from '../../src/charts/reveal.svelte';

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// The reveal runs from 0 to 1 over its length, on one timer a chart, and holds where it is stopped.
// (d3-timer binds the clock when it loads, so these run on real time, with wide margins.)
describe('Reveal', () => {
  it('runs from 0 to 1 over its length, then stops', async () => {
    const reveal = new Reveal();
    reveal.play(400);
    expect(reveal.progress).toBe(0);
    await vi.waitFor(() => expect(reveal.progress).toBeGreaterThan(0));
    expect(reveal.progress).toBeLessThan(1);
    await vi.waitFor(() => expect(reveal.progress).toBe(1), { timeout: 2000 });
  });

  it('starts again from 0 when played again, and holds where it is stopped', async () => {
    const reveal = new Reveal();
    reveal.play(100);
    await vi.waitFor(() => expect(reveal.progress).toBe(1));
    const stop = reveal.play(2000);
    expect(reveal.progress).toBe(0);
    await vi.waitFor(() => expect(reveal.progress).toBeGreaterThan(0));
    stop();
    const held = reveal.progress;
    await sleep(150);
    expect(reveal.progress).toBe(held);
    expect(held).toBeLessThan(1);
  });
});
