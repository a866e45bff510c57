import type { Attachment } from 'svelte/attachments';

/** Reports an element's content size now and whenever it changes, in whole CSS pixels. */
export function resize(onSize: (size: { width: number; height: number }) => void): Attachment<HTMLElement> {
  return (node) => {
    const ro = new ResizeObserver(([entry]) => {
      onSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
    });
    ro.observe(node);
    return () => ro.disconnect();
  };
}
