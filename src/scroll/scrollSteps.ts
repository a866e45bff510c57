import scrollama from 'scrollama';
import type { Engine, StepEvent } from './types';

/**
 * The page's scroll engine: scrollama over the `[data-step]` elements inside the node. scrollama
 * measures the viewport once, so it is re-measured whenever the viewport changes size: rotation,
 * a resize, or a phone's address bar showing or hiding (visualViewport).
 */
export const scrollSteps: Engine = ({ offset, onEnter }) => (node) => {
  const scroller = scrollama();
  // Steps are reported at the start of the next frame, not inside scrollama's observer callback: a
  // graphic shown there leaves the layout dirty, and the next step's callback (its exit, in the same
  // frame) reads scrollY, which would force that layout a second time.
  let pending: StepEvent[] = [];
  let report = 0;
  const flush = () => {
    const events = pending;
    pending = [];
    for (const event of events) onEnter(event);
  };
  // Set up in a task of its own, one theme's at a time: no task of the page's start holds all three.
  let live = false;
  const setup = setTimeout(() => {
    scroller
      .setup({ step: Array.from(node.querySelectorAll<HTMLElement>('[data-step]')), offset: offset as scrollama.DecimalType })
      .onStepEnter(({ index, direction }) => {
        pending.push({ index, direction });
        cancelAnimationFrame(report);
        report = requestAnimationFrame(flush);
      });
    live = true;
  });

  // One re-measure per frame, however many resize events arrive.
  let frame = 0;
  const remeasure = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => live && scroller.resize());
  };
  window.addEventListener('resize', remeasure);
  window.visualViewport?.addEventListener('resize', remeasure);
  return () => {
    clearTimeout(setup);
    cancelAnimationFrame(frame);
    cancelAnimationFrame(report);
    window.removeEventListener('resize', remeasure);
    window.visualViewport?.removeEventListener('resize', remeasure);
    if (live) scroller.destroy();
  };
};
