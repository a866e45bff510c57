import { sentenceStarts } from './sentences';

/**
 * Says `text` with `voice`, a sentence at a time, then calls `done`; `failed` with the voice's
 * error (`not-allowed`: the browser wants a gesture on the page first). Returns the silence.
 */
export function sayAll(text: string, voice: SpeechSynthesisVoice, done: () => void, failed: (error: string) => void = () => {}): () => void {
  const starts = sentenceStarts(text);
  let current: SpeechSynthesisUtterance | null = null;
  const next = (i: number) => {
    if (i >= starts.length - 1) return done();
    const u = new SpeechSynthesisUtterance(text.slice(starts[i], starts[i + 1]));
    u.voice = voice;
    u.lang = voice.lang;
    u.onend = () => current === u && next(i + 1);
    u.onerror = (e) => current === u && e.error !== 'interrupted' && e.error !== 'canceled' && failed(e.error);
    current = u;
    speechSynthesis.speak(u);
  };
  next(0);
  return () => {
    current = null;
    speechSynthesis.cancel();
  };
}
