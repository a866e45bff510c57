import type { Lang } from '../lib/lang';
import type { Figure, Qualifier } from './types';

/** What the formatter needs of a figure; `value` may be overridden by a running counter. */
export type Formattable = Pick<Figure, 'value' | 'scale' | 'unit' | 'measure' | 'qualifier' | 'qualifierAfterScale'>;

const ZH_SCALE = { 1: '', 1e4: '万', 1e8: '亿' } as const;
const ZH_QUALIFIER: Record<Qualifier, string> = { more: '余', nearly: '近', atLeast: '以上' };
const EN_QUALIFIER: Record<Qualifier, string> = { more: 'more than ', nearly: 'nearly ', atLeast: 'at least ' };
const EN_SCALES = [
  { at: 1e9, word: ' billion' },
  { at: 1e6, word: ' million' },
] as const;

/** Decimal places needed to write `n` exactly (float noise trimmed): 36.29 -> 2, 11 -> 0. */
export function decimalsOf(n: number): number {
  const s = String(Number(n.toPrecision(12)));
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * `n` at `decimals` places, commas between thousands if `grouping` (as en-US writes them). Not
 * Intl.NumberFormat: its first construction loads ICU's number data, 75 ms of a phone's start-up
 * (measured at 4x CPU), for what toFixed and one pattern do.
 */
export function digits(n: number, decimals: number, grouping: boolean): string {
  // Rounded on the decimal digits, as Intl does (7.85 -> 7.9; toFixed alone rounds the binary 7.8499…).
  const shifted = Math.abs(n) < 1e-6 ? 0 : Math.round(Number(`${n}e${decimals}`));
  const [whole, fraction] = Number(`${shifted}e-${decimals}`).toFixed(decimals).split('.');
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * A figure as the reader sees it, with qualifier and unit. Chinese keeps the article's 万/亿, its
 * digits and classifier (1100万人次, 3万余家, 70%以上); English scales to million/billion at the
 * article's precision (3629万元 -> 36.29 million yuan). `value` (default: the figure's) lets a
 * running counter show in-between values at the final value's precision.
 */
export function formatFigure(fig: Formattable, lang: Lang, value: number = fig.value): string {
  return figureParts(fig, lang, value).join('');
}

/** A figure as formatFigure writes it, split around its number: [before, number, after]. The words
 * around it (余场, million yuan, more than) are set smaller than the digits, on the same baseline. */
export type FigureParts = [before: string, number: string, after: string];

/** `formatFigure`, in its three parts, as the formatter builds them (never parsed back from its text). */
export function figureParts(fig: Formattable, lang: Lang, value: number = fig.value): FigureParts {
  return lang === 'zh' ? partsZh(fig, value) : partsEn(fig, value);
}

/** How a figure's number is written in a language: its value divided by `divisor`, at `decimals` places, thousands grouped or not. */
export interface NumberSpec {
  divisor: number;
  decimals: number;
  grouping: boolean;
}

/** Chinese keeps the article's 万/亿 and plain digits; English scales to million/billion, with commas. */
export function numberSpec(fig: Pick<Formattable, 'value' | 'scale'>, lang: Lang): NumberSpec {
  const divisor = lang === 'zh' ? fig.scale : (EN_SCALES.find((s) => fig.value >= s.at)?.at ?? 1);
  return { divisor, decimals: decimalsOf(fig.value / divisor), grouping: lang === 'en' };
}

/** `value` written as the figure's number is (its digits only, no words around them). */
export const numberText = (value: number, { divisor, decimals, grouping }: NumberSpec): string => digits(value / divisor, decimals, grouping);

function partsZh(fig: Formattable, value: number): FigureParts {
  const q = fig.qualifier;
  const yu = q === 'more' ? ZH_QUALIFIER.more : '';
  const scale = ZH_SCALE[fig.scale];
  const unit = fig.unit === 'yuan' ? '元' : fig.unit === 'percent' ? '%' : (fig.measure ?? '');
  const after = [fig.qualifierAfterScale ? '' : yu, scale, fig.qualifierAfterScale ? yu : '', unit, q === 'atLeast' ? ZH_QUALIFIER.atLeast : ''];
  return [q === 'nearly' ? ZH_QUALIFIER.nearly : '', numberText(value, numberSpec(fig, 'zh')), after.join('')];
}

function partsEn(fig: Formattable, value: number): FigureParts {
  const scale = EN_SCALES.find((s) => fig.value >= s.at);
  const unit = fig.unit === 'yuan' ? ' yuan' : fig.unit === 'percent' ? '%' : '';
  const q = fig.qualifier ? EN_QUALIFIER[fig.qualifier] : '';
  return [q, numberText(value, numberSpec(fig, 'en')), `${scale?.word ?? ''}${unit}`];
}

const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** A figure inside running text: as `formatFigure`, but English spells out plain one to nine, as editors do. */
export function formatInProse(fig: Formattable, lang: Lang): string {
  const plain = fig.unit !== 'percent' && fig.unit !== 'yuan' && !fig.qualifier;
  if (lang === 'en' && plain && Number.isInteger(fig.value) && fig.value >= 1 && fig.value <= 9) return EN_WORDS[fig.value];
  return formatFigure(fig, lang);
}
