import { stepTracker } from './stepAtLine';
import type { Engine } from './types';

/**
 * Steps moved by this page's own scrolling, measured by hand: for a plain fixed-height iframe,
 * where scrollama's IntersectionObservers ignore their rootMargin (w3c/IntersectionObserver#283).
 */
export const ownScrollSteps: Engine = ({ offset, onEnter }) => (node) => {
  const { atLine } = stepTracker(Array.from(node.querySelectorAll('[data-step]')), onEnter);
  let frame = 0;
  const check = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => atLine(window.scrollY + window.innerHeight * offset));
  };
  check();
  window.addEventListener('scroll', check, { passive: true });
  window.addEventListener('resize', check);
  return () => {
    cancelAnimationFrame(frame);
    window.removeEventListener('scroll', check);
    window.removeEventListener('resize', check);
  };
};
