import { sayAll } from './sayAll';
import { voiceFor } from './voices';

/**
 * Reads `text` aloud once with the device's voice for `lang`; `missing` is called instead where
 * there is none (or no Web Speech). Returns the silence, for when the text changes or the reader
 * turns it off.
 */
export function readAloud(text: string, lang: string, missing: () => void): () => void {
  let silence = () => {};
  let gone = false;
  void voiceFor(lang).then((found) => {
    if (gone) return;
    if ('missing' in found) missing();
    else silence = sayAll(text, found.voice, () => {});
  });
  return () => {
    gone = true;
    silence();
  };
}
