import scrollama from 'scrollama';
import type { Engine } from './types';

/**
 * The page's scroll engine: scrollama over the `[data-step]` elements inside the node. scrollama
 * measures the viewport once, so it is re-measured whenever the viewport changes size: rotation,
 * a resize, or a phone's address bar showing or hiding (visualViewport).
 */
export const scrollSteps: Engine = ({ offset, onEnter }) => (node) => {
  const scroller = scrollama();
  scroller
    .setup({ step: Array.from(node.querySelectorAll<HTMLElement>('[data-step]')), offset: offset as scrollama.DecimalType })
    .onStepEnter(({ index, direction }) => onEnter({ index, direction }));

  // One re-measure per frame, however many resize events arrive.
  let frame = 0;
  const remeasure = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => scroller.resize());
  };
  window.addEventListener('resize', remeasure);
  window.visualViewport?.addEventListener('resize', remeasure);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('resize', remeasure);
    window.visualViewport?.removeEventListener('resize', remeasure);
    scroller.destroy();
  };
};
