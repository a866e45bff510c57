import scrollama from 'scrollama';
import type { Attachment } from 'svelte/attachments';

export interface StepEvent {
  /** Index of the step among the container's `[data-step]` children */
  index: number;
  direction: 'up' | 'down';
}

export interface ScrollStepsOptions {
  /** Where the trigger line sits, as a fraction of the viewport's height from its top */
  offset: scrollama.DecimalType;
  /** Called when a step crosses the trigger line, scrolling either way */
  onEnter: (event: StepEvent) => void;
}

/**
 * The scroll engine: scrollama over the `[data-step]` elements inside the node. scrollama
 * measures the viewport once, so it is re-measured whenever the viewport changes size: rotation,
 * a resize, or a phone's address bar showing or hiding (visualViewport).
 */
export function scrollSteps({ offset, onEnter }: ScrollStepsOptions): Attachment<HTMLElement> {
  return (node) => {
    const scroller = scrollama();
    scroller
      .setup({ step: Array.from(node.querySelectorAll<HTMLElement>('[data-step]')), offset })
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
}
