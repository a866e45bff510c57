import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRIGGER_LINE, type StepEvent } from '../../src/scroll/types';

// scrollama stood in for: the test fires its step-enter callback as its IntersectionObservers would.
const fake = vi.hoisted(() => ({ enter: (_: { index: number; direction: 'up' | 'down' }) => {}, setups: 0, destroyed: false }));
vi.mock('scrollama', () => ({
  default: () => {
    const scroller = {
      setup: () => (fake.setups++, scroller),
      onStepEnter: (cb: typeof fake.enter) => ((fake.enter = cb), scroller),
      resize: () => scroller,
      destroy: () => (fake.destroyed = true),
    };
    return scroller;
  },
}));

const { scrollSteps } = await import('../../src/scroll/scrollSteps');

describe('the page scroll engine', () => {
  let frames: Map<number, FrameRequestCallback>;
  const nextFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const f of due) f(0);
  };

  beforeEach(() => {
    frames = new Map();
    let id = 0;
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => (frames.set(++id, f), id));
    vi.stubGlobal('cancelAnimationFrame', (n: number) => frames.delete(n));
    vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fake.setups = 0;
    fake.destroyed = false;
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const attach = () => {
    const seen: StepEvent[] = [];
    const node = { querySelectorAll: () => [] } as unknown as HTMLElement;
    const detach = scrollSteps({ offset: TRIGGER_LINE, onEnter: (e) => seen.push(e) })(node) as () => void;
    vi.runOnlyPendingTimers();
    return { seen, detach };
  };

  it('sets scrollama up in a task of its own, not inside the hydration that attached it', () => {
    const node = { querySelectorAll: () => [] } as unknown as HTMLElement;
    const detach = scrollSteps({ offset: TRIGGER_LINE, onEnter: () => {} })(node) as () => void;
    expect(fake.setups).toBe(0);
    vi.runOnlyPendingTimers();
    expect(fake.setups).toBe(1);
    detach();
  });

  it('is never set up when detached first', () => {
    const node = { querySelectorAll: () => [] } as unknown as HTMLElement;
    (scrollSteps({ offset: TRIGGER_LINE, onEnter: () => {} })(node) as () => void)();
    vi.runOnlyPendingTimers();
    expect(fake.setups).toBe(0);
    expect(fake.destroyed).toBe(false);
  });

  it('reports a step at the next frame, not inside the observer callback that saw it', () => {
    const { seen } = attach();
    fake.enter({ index: 3, direction: 'down' });
    expect(seen).toEqual([]);
    nextFrame();
    expect(seen).toEqual([{ index: 3, direction: 'down' }]);
  });

  it('reports every step seen in one frame, in order, once', () => {
    const { seen } = attach();
    fake.enter({ index: 4, direction: 'down' });
    fake.enter({ index: 5, direction: 'down' });
    nextFrame();
    nextFrame();
    expect(seen).toEqual([
      { index: 4, direction: 'down' },
      { index: 5, direction: 'down' },
    ]);
  });

  it('reports nothing once detached', () => {
    const { seen, detach } = attach();
    fake.enter({ index: 1, direction: 'up' });
    detach();
    nextFrame();
    expect(seen).toEqual([]);
    expect(fake.destroyed).toBe(true);
  });
});
