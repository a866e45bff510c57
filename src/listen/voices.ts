/**
 * The device's voice for the page's language, or why there is none: `cannot` (no Web Speech in
 * this browser) or `none` (no voice for the language). A voice on the device itself is preferred
 * over one the browser reaches over the network; the project sends nothing anywhere either way.
 */
export type VoiceFound = { voice: SpeechSynthesisVoice } | { missing: 'cannot' | 'none' };

/** How long a browser may take to list its voices (Chrome lists none until `voiceschanged`). */
const LISTING_MS = 1500;

export async function voiceFor(lang: string): Promise<VoiceFound> {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return { missing: 'cannot' };
  let voices = synth.getVoices();
  if (voices.length === 0) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        synth.removeEventListener?.('voiceschanged', done);
        resolve();
      };
      const timer = setTimeout(done, LISTING_MS);
      synth.addEventListener?.('voiceschanged', done);
    });
    voices = synth.getVoices();
  }
  const base = lang.slice(0, 2).toLowerCase();
  const exact = lang.startsWith('zh') ? /^zh[-_](CN|Hans)/i : /^en[-_](US|GB)/i;
  const ours = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(base));
  const rank = (v: SpeechSynthesisVoice) => (v.localService ? 0 : 2) + (exact.test(v.lang) ? 0 : 1);
  const voice = [...ours].sort((a, b) => rank(a) - rank(b))[0];
  return voice ? { voice } : { missing: 'none' };
}
