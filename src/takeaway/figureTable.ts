import { formatFigure } from '../data/format';
import { earlier, figure, stepsInOrder } from '../data/story';
import type { I18n } from '../lib/i18n.svelte';

/** One row per figure, every word and number from the model and the locale files: the data readers take away. */
export interface FigureRow {
  id: string;
  theme: string;
  section: string;
  step: string;
  /** The value in plain units (3629万元 -> 36290000) */
  value: number;
  unit: string;
  qualifier: string;
  /** As the article writes it (3629万元), and as the English story does */
  written_zh: string;
  written_en: string;
  label_zh: string;
  label_en: string;
  period: string;
  period_zh: string;
  period_en: string;
  /** The before/after pair's earlier year and value, where there is one */
  baseline_year: number | null;
  baseline_value: number | null;
  baseline_written_zh: string;
  /** The article's sentence, verbatim (Chinese punctuation) */
  quote_zh: string;
  source_zh: string;
  source_en: string;
}

/** Every figure as a row, in the story's order. */
export function figureRows(zh: I18n, en: I18n): FigureRow[] {
  return stepsInOrder.flatMap(({ theme, section, step }) =>
    step.figures.map((id) => {
      const f = figure(id);
      return {
        id: f.id,
        theme: theme.id,
        section: section.id,
        step: step.id,
        value: f.value,
        unit: f.unit,
        qualifier: f.qualifier ?? '',
        written_zh: formatFigure(f, 'zh'),
        written_en: formatFigure(f, 'en'),
        label_zh: zh.t(`figures.${f.id}`),
        label_en: en.t(`figures.${f.id}`),
        period: f.period,
        period_zh: zh.t(`takeaway.periods.${f.period}`),
        period_en: en.t(`takeaway.periods.${f.period}`),
        baseline_year: f.before?.year ?? null,
        baseline_value: f.before?.value ?? null,
        baseline_written_zh: f.before ? formatFigure(earlier(f), 'zh') : '',
        quote_zh: f.quote,
        source_zh: zh.t('intro.source'),
        source_en: en.t('intro.source'),
      };
    }),
  );
}

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The rows as CSV: UTF-8 with a byte-order mark, so that Excel opens the Chinese as Chinese. */
export function toCsv(rows: readonly FigureRow[]): string {
  const keys = Object.keys(rows[0]) as (keyof FigureRow)[];
  return '\uFEFF' + [keys.join(','), ...rows.map((r) => keys.map((k) => cell(r[k])).join(','))].join('\r\n') + '\r\n';
}
