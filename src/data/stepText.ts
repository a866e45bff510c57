import type { I18n, Key } from '../lib/i18n.svelte';
import { formatInProse } from './format';
import { spokenFigure } from './spoken';
import { earlier, stepFigures } from './story';
import type { Step } from './types';

/** Wraps each figure's value in the text; no translation contains it. */
const MARK = '\u0001';

/**
 * A text about a step (its story text, or its speaker notes) with the step's figures filled in,
 * split so that odd parts are the figures' values: [words, value, words, value, words]. `said`:
 * each value as a voice says it (spokenFigure), for reading aloud.
 */
export function textParts(i18n: I18n, key: Key, step: Step, said = false): string[] {
  const write = said ? spokenFigure : formatInProse;
  const values: Record<string, string> = {};
  for (const f of stepFigures(step)) {
    values[f.id] = MARK + write(f, i18n.lang) + MARK;
    if (f.before) values[`${f.id}Before`] = MARK + write(earlier(f), i18n.lang) + MARK;
  }
  return i18n.t(key, values).split(MARK);
}
