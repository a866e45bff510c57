import { render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadChart } from '../../src/charts/load';
import { stepFigures, themes } from '../../src/data/story';
import StepGraphic from '../../src/story/StepGraphic.svelte';
import Harness from './Harness.svelte';
import { makeI18n } from './i18n';

class Inert {
  observe() {}
  disconnect() {}
  unobserve() {}
}

/** One frame, then the task after it, then Svelte's update. */
async function nextFrame() {
  vi.advanceTimersToNextFrame();
  await vi.advanceTimersByTimeAsync(1); // fake timers run a 0 ms timeout 1 ms on
  await tick();
}

const figureSteps = themes.flatMap((t) => t.sections.flatMap((s) => s.steps)).filter((s) => stepFigures(s).length > 0);

// Every graphic of the page swapping its list for its chart in the task that brought the chart code
// was one long task at the app's start (60-80 ms at 4x CPU): they swap one a frame instead.
describe('the chart code arriving', () => {
  beforeAll(() => {
    vi.stubGlobal('ResizeObserver', Inert);
    vi.stubGlobal('IntersectionObserver', Inert);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('swaps each waiting graphic’s list for its chart, one a frame, none torn down meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const i18n = makeI18n('en');
    const graphics = figureSteps.slice(0, 3).map((step) => render(Harness, { props: { i18n, component: StepGraphic, props: { step, reveal: 'wait', card: '', width: 360, height: 360 } } }));
    const states = () => graphics.map((g) => g.container.querySelector<HTMLElement>('[data-graphic]')?.dataset.state);
    expect(states()).toEqual(['static', 'static', 'static']);
    graphics[1].unmount(); // a graphic gone before the code arrives is never swapped
    await loadChart();
    expect(states().filter((s) => s !== undefined)).toEqual(['static', 'static']);
    await nextFrame();
    expect([states()[0], states()[2]]).toEqual(['waiting', 'static']);
    await nextFrame();
    expect([states()[0], states()[2]]).toEqual(['waiting', 'waiting']);
    expect(graphics[2].container.querySelector('[role="img"]')).not.toBeNull(); // the chart, not the list
  });
});
