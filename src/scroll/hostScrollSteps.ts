import { stepTracker } from './stepAtLine';
import type { Engine, ViewportSource } from './types';

/** How long a host has to answer a request for its viewport before we go by what we can see. */
const ANSWER_MS = 300;
/** A step counts as entered, without the host's help, once this share of it or this many pixels show. */
const SEEN_RATIO = 0.5;
const SEEN_PX = 320;

/**
 * Steps moved by a host page's scrolling, for an auto-height iframe that never scrolls itself.
 * IntersectionObserver still fires in a cross-origin iframe (only its rootMargin is ignored), so
 * each change in a step's visibility asks the host where its screen lies, and the host's answer
 * puts the trigger line at the same share of the reader's screen as on our own page. A host that
 * reports on its own (pym's `trackscroll`) is heard as well. A host that does not answer a request
 * leaves us with what we can see: the last step shown enough. Decided afresh at every change, from
 * what actually arrives.
 */
export function hostScrollSteps(source: ViewportSource): Engine {
  return ({ offset, onEnter }) =>
    (node) => {
      const steps = Array.from(node.querySelectorAll('[data-step]'));
      const tracker = stepTracker(steps, onEnter);
      const seen = new Set<Element>();
      let asked = 0;
      let answered = 0;
      let wait = 0;

      const off = source.onViewport((v) => {
        answered = performance.now();
        tracker.atLine(v.height * offset - v.top);
      });
      const bySight = () => {
        const last = steps.findLastIndex((s) => seen.has(s));
        if (last >= 0) tracker.enter(last);
      };
      const io = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            const shown = e.isIntersecting && (e.intersectionRatio >= SEEN_RATIO || e.intersectionRect.height >= SEEN_PX);
            if (shown) seen.add(e.target);
            else seen.delete(e.target);
          }
          asked = performance.now();
          source.request();
          clearTimeout(wait);
          wait = window.setTimeout(() => answered < asked && bySight(), ANSWER_MS);
        },
        { threshold: [0, 0.25, 0.5, 0.75, 1] },
      );
      for (const s of steps) io.observe(s);
      return () => {
        clearTimeout(wait);
        io.disconnect();
        off();
      };
    };
}
