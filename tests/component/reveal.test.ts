import { render } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVEAL_MS, setReveal, tellFigure } from '../../src/charts/reveal';
import { figureParts, formatFigure } from '../../src/data/format';
import { themes } from '../../src/data/story';
import type { Step } from '../../src/data/types';
import StepGraphic from '../../src/story/StepGraphic.svelte';
import { figure } from '../../src/data/story';
import Harness from './Harness.svelte';
import { makeI18n } from '../support/i18n';

const step = (id: string): Step => themes.flatMap((t) => t.sections.flatMap((s) => s.steps)).find((s) => s.id === id)!;
const draw = (s: Step, reveal: 'wait' | 'play' | 'still') =>
  render(Harness, { props: { i18n: makeI18n('en'), component: StepGraphic, props: { step: s, reveal, card: '' } } }).container.querySelector<HTMLElement>('[data-graphic]')!;
const number = (graphic: HTMLElement, id: string) => graphic.querySelector(`[data-figure="${id}"] [data-count]`)!;

// What a reader sees of a graphic, by the attributes CSS and tests read: waiting, animating, done.
// Frames come from the test's clock (requestAnimationFrame included); the marks' animations are the
// browser's (Web Animations), recorded here as calls.
describe('a graphic’s reveal', () => {
  let animations: { kind: string | undefined; options: KeyframeAnimationOptions }[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance', 'setTimeout'] });
    animations = [];
    Element.prototype.animate = function (this: Element, _frames: Keyframe[], options: KeyframeAnimationOptions) {
      animations.push({ kind: (this as HTMLElement).dataset.mark, options });
      return { cancel() {} } as Animation;
    } as Element['animate'];
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (Element.prototype as Partial<Element>).animate;
  });

  it('waits with its final numbers written but unseen: no number the figure is not', () => {
    const g = draw(step('honours'), 'wait');
    expect(g.dataset.state).toBe('waiting');
    expect(g.dataset.reveal).toBe('wait'); // CSS hides marks and values
    expect(number(g, 'modelWorkers').textContent).toBe('1,247');
    expect(animations).toEqual([]);
  });

  it('plays: each bar grows in turn and each number counts up to its figure', async () => {
    const g = draw(step('honours'), 'play');
    expect(g.dataset.state).toBe('animating');
    expect(animations.map((a) => a.kind)).toEqual(['grow', 'grow', 'grow', 'grow']);
    const delays = animations.map((a) => Number(a.options.delay));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...animations.map((a) => Number(a.options.delay) + Number(a.options.duration)))).toBeLessThanOrEqual(REVEAL_MS + 1);

    const medals = number(g, 'laborMedals'); // the third: it starts later
    expect(medals.hasAttribute('data-pending')).toBe(true);
    await vi.advanceTimersByTimeAsync(REVEAL_MS * 0.6);
    const mid = Number(medals.textContent!.replaceAll(',', ''));
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1390);
    expect(medals.hasAttribute('data-pending')).toBe(false);
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(g.dataset.state).toBe('done');
    expect(medals.textContent).toBe('1,390');
  });

  it('writes a running number at most 20 times a second, however fast the frames come', async () => {
    const g = draw(step('honours'), 'play');
    const workers = number(g, 'modelWorkers');
    const writes: number[] = [];
    new MutationObserver(() => writes.push(performance.now())).observe(workers, { childList: true, characterData: true, subtree: true });
    await vi.advanceTimersByTimeAsync(REVEAL_MS * 2); // frames every 16 ms
    expect(workers.textContent).toBe('1,247');
    expect(writes.length).toBeGreaterThan(5); // it counts
    const gaps = writes.slice(1).map((t, i) => t - writes[i]);
    expect(Math.min(...gaps.slice(0, -1))).toBeGreaterThanOrEqual(48); // a frame's rounding under 50 ms; the last write is the final figure
  });

  it('counts a before/after pair from the earlier value down to the later one', async () => {
    const g = draw(step('hardship'), 'play');
    expect(animations.map((a) => a.kind).sort()).toEqual(['move', 'tilt']);
    await vi.advanceTimersByTimeAsync(REVEAL_MS * 0.3);
    const now = Number(number(g, 'hardship').textContent!.replaceAll(',', ''));
    expect(now).toBeLessThan(7666);
    expect(now).toBeGreaterThan(692);
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(number(g, 'hardship').textContent).toBe(figureParts(figure('hardship'), 'en')[1]);
  });

  it('shows its final state at once when still, with no animation', () => {
    const g = draw(step('consultation'), 'still');
    expect(g.dataset.state).toBe('done');
    expect(animations).toEqual([]);
    expect(number(g, 'consultationShare').textContent).toBe('90.4');
  });

  // A narrator (listen/) names the figures one by one: each appears as it is said, the others stay unseen.
  it('tells one figure at a time: its own bar and number, in the whole length of a reveal', async () => {
    const g = draw(step('honours'), 'wait');
    tellFigure(g, 'laborMedals');
    expect(g.dataset.reveal).toBe('tell');
    const told = [...g.querySelectorAll('[data-told]')].map((el) => el.getAttribute('data-of') ?? el.getAttribute('data-figure'));
    expect(told.sort()).toEqual(['laborMedals', 'laborMedals']); // its bar and its number, no other
    expect(animations).toHaveLength(1);
    expect(animations[0].options.delay).toBe(0); // its own part of the reveal, from the start
    expect(animations[0].options.duration).toBe(REVEAL_MS);
    await vi.advanceTimersByTimeAsync(REVEAL_MS * 0.5);
    const mid = Number(number(g, 'laborMedals').textContent!.replaceAll(',', ''));
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1390);
    await vi.advanceTimersByTimeAsync(REVEAL_MS);
    expect(number(g, 'laborMedals').textContent).toBe('1,390');

    setReveal(g, 'wait'); // the narrator has moved on: the graphic waits whole again
    expect(g.querySelectorAll('[data-told]')).toHaveLength(0);
    expect(g.dataset.reveal).toBe('wait');
  });
});
