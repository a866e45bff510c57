import type { Attachment } from 'svelte/attachments';
import type { Deck } from './deck.svelte';
import { command } from './keymap';

const TYPING_MS = 2000;

/**
 * A deck's keys, on the window of the node it is attached to (a clicker types into no element):
 * clicker and keyboard keys move it, F asks for fullscreen. Keys with a modifier are the browser's.
 * Its teardown stops listening and drops digits being typed.
 */
export function deckKeys(deck: Deck, onFullscreen: () => void): Attachment<HTMLElement> {
  return (node) => {
    const win = node.ownerDocument.defaultView ?? window;
    let typed = '';
    let clear = 0;
    const onkeydown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if ((event.target as HTMLElement | null)?.closest?.('input, textarea, select, [contenteditable]')) return;
      const cmd = command(event.key, typed);
      if (cmd.do === 'none') return;
      event.preventDefault();
      win.clearTimeout(clear);
      typed = cmd.do === 'type' ? cmd.digits : '';
      if (typed) clear = win.setTimeout(() => (typed = ''), TYPING_MS);
      if (cmd.do === 'fullscreen') onFullscreen();
      else deck.run(cmd);
    };
    win.addEventListener('keydown', onkeydown);
    return () => {
      win.removeEventListener('keydown', onkeydown);
      win.clearTimeout(clear);
    };
  };
}

/** A tap or click on the right half goes on, on the left half back; a horizontal swipe does the same. */
export function deckPointer(deck: Deck): Attachment<HTMLElement> {
  return (node) => {
    let start: { x: number; y: number } | null = null;
    const down = (e: PointerEvent) => {
      start = { x: e.clientX, y: e.clientY };
    };
    const up = (e: PointerEvent) => {
      if (!start || e.button > 0) return;
      if ((e.target as HTMLElement).closest('a, button, summary, input, [role="button"]')) return;
      const dx = e.clientX - start.x;
      const dy = e.clientY - start.y;
      start = null;
      if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) deck.run({ do: dx < 0 ? 'next' : 'prev' });
      else if (Math.abs(dx) < 10 && Math.abs(dy) < 10) {
        const box = node.getBoundingClientRect();
        deck.run({ do: e.clientX > box.left + box.width / 2 ? 'next' : 'prev' });
      }
    };
    node.addEventListener('pointerdown', down);
    node.addEventListener('pointerup', up);
    return () => {
      node.removeEventListener('pointerdown', down);
      node.removeEventListener('pointerup', up);
    };
  };
}
