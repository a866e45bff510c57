import type { Attachment } from 'svelte/attachments';
import type { HostViewport } from '../embed/pymChild';
import { scrollSteps, type ScrollStepsOptions } from './scrollSteps';

/** Anything that reports where the host page's viewport lies over this (iframed) page. */
export interface ViewportSource {
  onViewport(listener: (v: HostViewport) => void): () => void;
}

export type Engine = (options: ScrollStepsOptions) => Attachment<HTMLElement>;

/** A top edge in this document's coordinates. */
const docTop = (el: Element) => el.getBoundingClientRect().top + window.scrollY;

/**
 * The scroll engine for an auto-height iframe, which never scrolls itself: the host's viewport
 * (pym's `viewport-iframe-position`) decides which step is at the trigger line — the same line, as
 * a share of the reader's screen, as on the standalone page — and where the graphic must sit to
 * stay in view, as `position: sticky` would keep it. Until the host says where its viewport is (a
 * plain iframe that scrolls itself), scrollama runs as on the page.
 */
export function hostSteps(source: ViewportSource): Engine {
  return (options) => (node) => {
    let local: (() => void) | void = scrollSteps(options)(node);
    let active = -1;
    const off = source.onViewport((v) => {
      if (local) {
        local();
        local = undefined;
        node.dataset.engine = 'host';
      }
      const line = v.height * options.offset - v.top;
      const steps = node.querySelectorAll<HTMLElement>('[data-step]');
      let index = -1;
      steps.forEach((step, i) => {
        if (docTop(step) <= line) index = i;
      });
      if (index >= 0 && index !== active) {
        const direction = index > active ? 'down' : 'up';
        active = index;
        options.onEnter({ index, direction });
      }
      const graphic = node.querySelector<HTMLElement>('[data-sticky]');
      if (graphic) {
        const room = node.offsetHeight - graphic.offsetHeight;
        const shift = Math.min(room, Math.max(0, -v.top - docTop(node)));
        node.style.setProperty('--graphic-shift', `${Math.round(shift)}px`);
      }
    });
    return () => {
      off();
      local?.();
    };
  };
}
