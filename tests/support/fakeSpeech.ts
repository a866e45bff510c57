/**
 * A stand-in for the browser's speechSynthesis, installed before the page's scripts (addInitScript):
 * it speaks nothing, records each utterance (`__speech.said`), and lets a test play the voice: a
 * word boundary at a character (`__speech.word(i)`), the end of the utterance (`__speech.end()`).
 * `voices` are the voices the device has (none: the no-voice message).
 */
export function fakeSpeech(voices: { name: string; lang: string }[]): void {
  type Handler = ((event: Record<string, unknown>) => void) | null;
  class Utterance {
    text: string;
    rate = 1;
    lang = '';
    volume = 1;
    voice: unknown = null;
    onstart: Handler = null;
    onboundary: Handler = null;
    onend: Handler = null;
    onerror: Handler = null;
    constructor(text: string) {
      this.text = text;
    }
  }
  let current: Utterance | null = null;
  const queue: Utterance[] = [];
  const said: { text: string; rate: number; lang: string }[] = [];
  const next = () => {
    current = queue.shift() ?? null;
    if (!current) return;
    said.push({ text: current.text, rate: current.rate, lang: current.lang });
    const u = current;
    setTimeout(() => u.onstart?.({}), 0);
  };
  const synth = {
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, localService: true, default: false })),
    speak(u: Utterance) {
      if (u.volume === 0) return; // the silent word that wakes a voice inside the reader's gesture
      queue.push(u);
      if (!current) next();
    },
    cancel() {
      const u = current;
      queue.length = 0;
      current = null;
      u?.onerror?.({ error: 'interrupted' });
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, '__speech', {
    value: {
      said,
      get text() {
        return current?.text ?? null;
      },
      word(charIndex: number) {
        current?.onboundary?.({ name: 'word', charIndex, charLength: 1 });
      },
      end() {
        const u = current;
        current = null;
        u?.onend?.({});
        if (!current) next();
      },
    },
  });
}
