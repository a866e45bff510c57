import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineOptions } from '../../src/scroll/types';
import { FLING_SCREENS_PER_S, SETTLE_MS, whenGraphicsPlay } from '../../src/story/whenGraphicsPlay';

// The story's rule for when a graphic plays, on a theme's markup as the build writes it, moved by a
// hand-driven engine (the reader's scroll) on the test's clock. What it asserts is what a reader
// sees: which graphic is shown, and whether it waits (nothing drawn), animates or is done.
const STEPS = ['a', 'b', 'c', 'd'];
const markup = `
  <section>
    <p>${['one', 'two'].map((s, i) => `<span data-head="${s}"${i === 0 ? ' data-current' : ''}></span>`).join('')}</p>
    ${STEPS.map((id, i) => `<div data-slot="${id}"${i === 0 ? ' data-shown' : ''}><div data-graphic="${id}" data-state="done" data-reveal="still"><span data-count="0 1247 1 0">1247</span><i data-mark="grow"></i></div></div>`).join('')}
    ${STEPS.map((id, i) => `<div data-step="${id}" data-section="${i < 2 ? 'one' : 'two'}"${i === 0 ? ' data-active' : ''}></div>`).join('')}
  </section>`;

let enter: EngineOptions['onEnter'];
const engine = (options: EngineOptions) => () => {
  enter = options.onEnter;
};
const state = (id: string) => document.querySelector<HTMLElement>(`[data-graphic="${id}"]`)!.dataset.state;
const shown = () => document.querySelector<HTMLElement>('[data-slot][data-shown]')!.dataset.slot;
/** Whether the observer finds the first graphic on screen when the rule starts (the theme always is). */
let graphicOnScreen = false;
const scrollTo = (y: number) => Object.defineProperty(window, 'scrollY', { value: y, configurable: true });

describe('when a graphic plays', () => {
  let detach: (() => void) | void;
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private report: (entries: { isIntersecting: boolean }[]) => void) {}
        observe(el: Element) {
          this.report([{ isIntersecting: !el.hasAttribute('data-graphic') || graphicOnScreen }]);
        }
        disconnect() {}
      },
    );
    scrollTo(0);
    document.body.innerHTML = markup;
    detach = whenGraphicsPlay({ engine, onSection: () => {} })(document.querySelector('section')!);
  });
  afterEach(() => {
    if (typeof detach === 'function') detach();
    graphicOnScreen = false;
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('starts with every graphic waiting, nothing drawn', () => {
    expect(STEPS.map(state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
  });

  it('leaves a graphic the reader already sees as it was seen, in full', () => {
    detach?.();
    graphicOnScreen = true;
    document.body.innerHTML = markup;
    detach = whenGraphicsPlay({ engine, onSection: () => {} })(document.querySelector('section')!);
    expect(STEPS.map(state)).toEqual(['done', 'waiting', 'waiting', 'waiting']);
    expect(document.querySelector('[data-graphic="a"] [data-count]')!.textContent).toBe('1247');
  });

  it('at rest on a step: shows its graphic at once and plays it once the reader has settled', async () => {
    enter({ index: 1, direction: 'down' });
    expect(shown()).toBe('b');
    expect(document.querySelector('[data-step="b"]')!.hasAttribute('data-active')).toBe(true);
    expect(state('b')).toBe('waiting');
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(state('b')).toBe('animating');
    await vi.advanceTimersByTimeAsync(1100);
    expect(state('b')).toBe('done');
    expect(state('a')).toBe('waiting');
  });

  it('flung past: plays none of the steps it passes, only the one the reader stops at', async () => {
    const screen = window.innerHeight;
    for (const [i, index] of [1, 2, 3].entries()) {
      scrollTo((i + 1) * screen * FLING_SCREENS_PER_S); // well over a fling's speed
      enter({ index, direction: 'down' });
      await vi.advanceTimersByTimeAsync(50);
    }
    scrollTo(3.2 * screen * FLING_SCREENS_PER_S); // still moving fast at the first check
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(['b', 'c', 'd'].map(state)).toEqual(['waiting', 'waiting', 'waiting']);
    await vi.advanceTimersByTimeAsync(SETTLE_MS); // at rest now
    expect(state('d')).toBe('animating');
    expect(['b', 'c'].map(state)).toEqual(['waiting', 'waiting']);
    expect(document.querySelector<HTMLElement>('[data-current]')!.dataset.head).toBe('two');
  });

  it('a graphic left waits again, to play again when the reader comes back', async () => {
    enter({ index: 1, direction: 'down' });
    await vi.advanceTimersByTimeAsync(SETTLE_MS + 1100);
    expect(state('b')).toBe('done');
    enter({ index: 2, direction: 'down' });
    expect(state('b')).toBe('waiting');
    enter({ index: 1, direction: 'up' });
    await vi.advanceTimersByTimeAsync(SETTLE_MS);
    expect(state('b')).toBe('animating');
  });
});
