import { figureParts, formatFigure, numberSpec } from '../data/format';
import type { Figure } from '../data/types';
import type { I18n } from '../lib/i18n.svelte';
import { valueWidth } from './fitFont';

/** A figure's words in the current language: its label, its value, and both as one phrase. */
export function figureText(i18n: I18n) {
  const label = (f: Figure) => i18n.t(`figures.${f.id}`);
  const value = (f: Figure, v: number = f.value) => formatFigure(f, i18n.lang, v);
  /** The value in three parts, the words around the number apart (a chart sets them smaller: ChartFrame). */
  const parts = (f: Figure, v: number = f.value) => figureParts(f, i18n.lang, v);
  const phrase = (f: Figure) => i18n.t('chart.pair', { label: label(f), value: value(f) });
  /** The text alternative of a chart: every figure it shows, at its final value. */
  const alt = (figures: readonly Figure[]) => figures.map(phrase).join(i18n.t('chart.separator'));
  /** What a number counting up to `f` needs (charts/reveal.ts): from, to, divisor and decimals, and whether it groups thousands. */
  const count = (f: Figure, from = 0) => {
    const spec = numberSpec(f, i18n.lang);
    return { 'data-count': `${from} ${f.value} ${spec.divisor} ${spec.decimals}`, 'data-grouping': spec.grouping ? '' : undefined };
  };
  /** The widest of these values, in half ems: the headline type fits it to its column (ChartFrame). */
  const fit = (values: readonly Figure[]) => Math.min(30, Math.ceil(2 * Math.max(1, ...values.map((f) => valueWidth(parts(f))))));
  return { label, value, parts, phrase, alt, count, fit };
}
