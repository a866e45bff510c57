import { textParts } from '../data/stepText';
import type { I18n } from '../lib/i18n.svelte';
import type { Slide } from './slides';

/** A slide as one plain sentence, for the live region a screen reader announces. */
export function slideText(i18n: I18n, slide: Slide): string {
  if (slide.kind === 'title') return `${i18n.t('intro.title')}. ${i18n.t('intro.kicker')}`;
  if (slide.kind === 'end') return `${i18n.t('present.thanks')}. ${i18n.t('present.endLead')}`;
  return `${i18n.t(`sections.${slide.section.id}`)}. ${textParts(i18n, `steps.${slide.step.id}`, slide.step).join('')}`;
}

/** A slide's words as a voice reads them in the lobby loop (`?autoplay=voice`): every figure in words. */
export function slideSpeech(i18n: I18n, slide: Slide): string {
  const stop = i18n.lang === 'zh' ? '。' : '. ';
  if (slide.kind === 'title') return `${i18n.t('intro.kicker')}${stop}${i18n.t('intro.title')}${stop}`;
  if (slide.kind === 'end') return `${i18n.t('present.thanks')}${stop}${i18n.t('present.endLead')}`;
  return `${i18n.t(`sections.${slide.section.id}`)}${stop}${textParts(i18n, `steps.${slide.step.id}`, slide.step, true).join('')}`;
}

/** A slide's speaker notes, its figures filled in, split as `textParts` splits (odd parts are values); `said`: the figures in words, to read aloud. */
export function slideNotes(i18n: I18n, slide: Slide, said = false): string[] {
  if (slide.kind !== 'step') return [i18n.t(`notes.${slide.id}`)];
  return textParts(i18n, `notes.${slide.step.id}`, slide.step, said);
}
