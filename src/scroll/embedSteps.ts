import type { Attachment } from 'svelte/attachments';
import type { HostViewport } from '../embed/pymChild';
import { scrollSteps, type ScrollStepsOptions, type StepEvent } from './scrollSteps';

/** Anything that reports where the host page's viewport lies over this (iframed) page. */
export interface ViewportSource {
  onViewport(listener: (v: HostViewport) => void): () => void;
}

export type Engine = (options: ScrollStepsOptions) => Attachment<HTMLElement>;

/** A top edge in this document's coordinates. */
const docTop = (el: Element) => el.getBoundingClientRect().top + window.scrollY;

/** Tracks which step has its top above a line (in document coordinates), reporting changes. */
function stepAtLine(node: HTMLElement, onEnter: (e: StepEvent) => void) {
  let active = -1;
  return (line: number) => {
    let index = -1;
    node.querySelectorAll<HTMLElement>('[data-step]').forEach((step, i) => {
      if (docTop(step) <= line) index = i;
    });
    if (index >= 0 && index !== active) {
      const direction = index > active ? 'down' : 'up';
      active = index;
      onEnter({ index, direction });
    }
  };
}

/**
 * The scroll engines of an embed, which scrollama cannot drive: in a cross-origin iframe its
 * IntersectionObservers ignore their rootMargin (w3c/IntersectionObserver#283).
 *
 * - Under pym (`source`): an auto-height iframe never scrolls itself. The host's viewport
 *   (`viewport-iframe-position`) decides which step is at the trigger line — the same line, as a
 *   share of the reader's screen, as on the page — and where the graphic must sit to stay in view,
 *   as `position: sticky` keeps it on the page. Until the host says where its viewport is, scrollama
 *   runs as a best effort.
 * - Without pym (`null`): a plain fixed-height iframe scrolls itself; its own scroll position
 *   decides, and the graphic sticks as on the page.
 */
export function embedSteps(source: ViewportSource | null): Engine {
  return (options) => (node) => {
    const atLine = stepAtLine(node, options.onEnter);
    if (!source) {
      let frame = 0;
      const own = () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => atLine(window.scrollY + window.innerHeight * options.offset));
      };
      own();
      window.addEventListener('scroll', own, { passive: true });
      window.addEventListener('resize', own);
      return () => {
        cancelAnimationFrame(frame);
        window.removeEventListener('scroll', own);
        window.removeEventListener('resize', own);
      };
    }
    let fallback: (() => void) | void = scrollSteps(options)(node);
    const off = source.onViewport((v) => {
      if (fallback) {
        fallback();
        fallback = undefined;
        node.dataset.engine = 'host';
      }
      atLine(v.height * options.offset - v.top);
      const graphic = node.querySelector<HTMLElement>('[data-sticky]');
      if (graphic) {
        const room = node.offsetHeight - graphic.offsetHeight;
        const shift = Math.min(room, Math.max(0, -v.top - docTop(node)));
        node.style.setProperty('--graphic-shift', `${Math.round(shift)}px`);
      }
    });
    return () => {
      off();
      fallback?.();
    };
  };
}
