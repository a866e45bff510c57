import type { Figure } from '../data/types';
import { formatFigure } from '../lib/format';
import type { I18n } from '../lib/i18n.svelte';

/** A figure's words in the current language: its label, its value, and both as one phrase. */
export function figureText(i18n: I18n) {
  const label = (f: Figure) => i18n.t(`figures.${f.id}`);
  const value = (f: Figure, v: number = f.value) => formatFigure(f, i18n.lang, v);
  const phrase = (f: Figure) => i18n.t('chart.pair', { label: label(f), value: value(f) });
  /** The text alternative of a chart: every figure it shows, at its final value. */
  const alt = (figures: readonly Figure[]) => figures.map(phrase).join(i18n.t('chart.separator'));
  return { label, value, phrase, alt };
}
