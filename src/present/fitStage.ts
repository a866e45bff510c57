import type { Attachment } from 'svelte/attachments';

/**
 * Lays a slide out on a stage of the audience's size (`width` x `height` CSS pixels) and scales the
 * stage down to its box, so a preview is drawn as the hall sees it (columns, not the stack a small
 * box would give). Sets `--stage-scale` on the stage; its CSS applies it.
 */
export const fitStage =
  (width: number): Attachment<HTMLElement> =>
  (stage) => {
    const box = stage.parentElement;
    if (!box) return;
    const fit = () => stage.style.setProperty('--stage-scale', String(box.clientWidth / width));
    const watch = new ResizeObserver(fit);
    watch.observe(box);
    fit();
    return () => watch.disconnect();
  };
