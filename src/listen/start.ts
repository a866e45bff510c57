import type { Narrator } from './narrator';

let narrator: Promise<Narrator> | null = null;

/**
 * Starts 语音阅读 / Listen on a story page: answers its controls (`data-listen-control`) from the
 * first click, before and after the app starts, with no app needed (as large type does). Installed
 * before any other click listener, it keeps those clicks to itself. `scroll`: how a part is brought
 * into view where this page cannot scroll to it (an embed's host page). Returns the teardown.
 */
export function startListen(scroll?: (part: HTMLElement) => void): () => void {
  // The narrator, loaded at the first press: a reader who never listens downloads none of it.
  const load = () => (narrator ??= import('./narrator').then(({ Narrator }) => new Narrator(document, scroll)));
  const onClick = (event: MouseEvent) => {
    const control = (event.target as Element | null)?.closest?.<HTMLElement>('[data-listen-control]');
    if (!control || control instanceof HTMLSelectElement) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    // Some browsers (iOS Safari) speak only inside a reader's gesture: a silent word now, before the
    // narrator has loaded, lets the voice speak later.
    if (narrator === null && typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined') {
      const wake = new SpeechSynthesisUtterance(' ');
      wake.volume = 0;
      speechSynthesis.speak(wake);
    }
    void load().then((n) => n.command(control.dataset.listenControl ?? ''));
  };
  const onChange = (event: Event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.dataset.listenControl === 'speed') void load().then((n) => n.setRate(Number(select.value)));
  };
  addEventListener('click', onClick, { capture: true });
  addEventListener('change', onChange, { capture: true });
  return () => {
    removeEventListener('click', onClick, { capture: true });
    removeEventListener('change', onChange, { capture: true });
  };
}
