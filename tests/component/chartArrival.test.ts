import { render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadChart } from '../../src/charts/load';
import { stepFigures, themes } from '../../src/data/story';
import { SETTLE_MS } from '../../src/scroll/settle';
import StepGraphic from '../../src/story/StepGraphic.svelte';
import Harness from './Harness.svelte';
import { makeI18n } from './i18n';

/** Graphics come within a screen when a test says so (`approach`). */
const observers = new Map<Element, (entries: { isIntersecting: boolean }[]) => void>();
class Watch {
  constructor(private callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe(el: Element) {
    observers.set(el, this.callback);
  }
  disconnect() {}
  unobserve() {}
}
const approach = (view: { container: HTMLElement }, near = true) =>
  observers.get(view.container.querySelector('[data-graphic]')!)!([{ isIntersecting: near }]);
class Inert {
  observe() {}
  disconnect() {}
  unobserve() {}
}

const figureSteps = themes.flatMap((t) => t.sections.flatMap((s) => s.steps)).filter((s) => stepFigures(s).length > 0);

function graphic(index: number, reveal: 'wait' | 'play') {
  const step = figureSteps[index];
  const view = render(Harness, { props: { i18n: makeI18n('en'), component: StepGraphic, props: { step, reveal, card: '', width: 360, height: 360 } } });
  return { ...view, state: () => view.container.querySelector<HTMLElement>('[data-graphic]')?.dataset.state };
}

/** Time passes, then Svelte updates. */
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await tick();
}

// A graphic's first mount is about 50 ms at 4x CPU: every graphic of the page swapping its list for
// its chart in the task that brought the code was one long task, and a swap mid-fling a long frame.
// They swap one at a time, each within a screen of view and with the reader at rest.
describe('the chart code arriving', () => {
  beforeAll(() => {
    vi.stubGlobal('ResizeObserver', Inert);
    vi.stubGlobal('IntersectionObserver', Watch);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('swaps near graphics one a settle, none while the reader flings, a playing one at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const waiting = [graphic(0, 'wait'), graphic(1, 'wait'), graphic(2, 'wait'), graphic(4, 'wait')];
    const playing = graphic(3, 'play');
    const states = () => [waiting[0].state(), waiting[2].state(), waiting[3].state()];
    expect([...states(), playing.state()]).toEqual(['static', 'static', 'static', 'static']);
    waiting[1].unmount(); // a graphic gone before the code arrives is never swapped
    for (const view of [waiting[0], waiting[2]]) approach(view);

    let y = 0;
    const scrollTo = (to: number) => Object.defineProperty(window, 'scrollY', { value: (y = to), configurable: true });
    scrollTo(0);
    await loadChart();
    await tick();
    expect(playing.state()).toBe('animating');
    for (let i = 0; i < 4; i++) {
      scrollTo(y + innerHeight); // a screen every SETTLE_MS: a fling
      await wait(SETTLE_MS);
      expect(states()).toEqual(['static', 'static', 'static']);
    }
    await wait(SETTLE_MS); // the page stood still
    expect(states()).toEqual(['waiting', 'static', 'static']);
    expect(waiting[0].container.querySelector('[role="img"]')).not.toBeNull(); // the chart, not the list
    await wait(SETTLE_MS);
    expect(states()).toEqual(['waiting', 'waiting', 'static']);
    await wait(SETTLE_MS * 4); // the last is not within a screen: it waits for the reader
    expect(states()[2]).toBe('static');
    approach(waiting[3]);
    await wait(SETTLE_MS);
    expect(states()[2]).toBe('waiting');
  });
});
