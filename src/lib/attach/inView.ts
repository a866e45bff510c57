import type { Attachment } from 'svelte/attachments';

/** Reports whether any part of an element is on screen, soon after it is attached and at each change. */
export function inView(onChange: (seen: boolean) => void): Attachment<HTMLElement> {
  return (node) => {
    const io = new IntersectionObserver((entries) => onChange(entries[entries.length - 1].isIntersecting));
    io.observe(node);
    return () => io.disconnect();
  };
}
