import { sayAll } from '../listen/sayAll';
import { voiceFor } from '../listen/voices';
import { autoplay, IDLE_RESUME_MS } from './autoplay';
import type { Deck } from './deck.svelte';

/** The breath between a slide's last word and the next slide. */
const BETWEEN_MS = 1500;
/** Seconds a slide where the device has no voice for the language: the silent loop. */
const SILENT_SECONDS = 15;

/**
 * The lobby loop read aloud (`?autoplay=voice`, a screen in the foyer with speakers): each slide's
 * words said by the device's voice, then the next slide, wrapping to the start. A key, click or touch
 * pauses it, as the silent loop does; it resumes after a minute without one. A browser that lets a
 * page speak only after a gesture (Chrome) starts at the first click on the screen. Where the device
 * has no voice for the language, it is the silent loop. Returns the teardown.
 */
export function voiceLoop(deck: Deck, words: (index: number) => string, lang: string): () => void {
  let stopped = false;
  let voice: SpeechSynthesisVoice | null = null;
  let silence = () => {};
  let timer = 0;
  let waitingForGesture = false;
  let stopSilentLoop = () => {};

  const play = () => {
    silence();
    clearTimeout(timer);
    if (stopped || !voice) return;
    silence = sayAll(
      words(deck.index),
      voice,
      () => {
        timer = window.setTimeout(() => {
          deck.go(deck.index + 1 < deck.count ? deck.index + 1 : 0, true);
          play();
        }, BETWEEN_MS);
      },
      (error) => (waitingForGesture = error === 'not-allowed'),
    );
  };
  const onGesture = () => {
    silence();
    clearTimeout(timer);
    if (waitingForGesture) {
      waitingForGesture = false; // this gesture lets the page speak: start now
      play();
    } else timer = window.setTimeout(play, IDLE_RESUME_MS);
  };

  void voiceFor(lang).then((found) => {
    if (stopped) return;
    if ('missing' in found) {
      stopSilentLoop = autoplay(deck, SILENT_SECONDS);
      return;
    }
    voice = found.voice;
    for (const e of ['keydown', 'pointerdown'] as const) window.addEventListener(e, onGesture, true);
    play();
  });
  return () => {
    stopped = true;
    silence();
    clearTimeout(timer);
    stopSilentLoop();
    for (const e of ['keydown', 'pointerdown'] as const) window.removeEventListener(e, onGesture, true);
  };
}
