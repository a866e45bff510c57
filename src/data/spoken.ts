import type { Figure } from './types';

/**
 * A figure as it is read aloud (语音阅读 / Listen): the words a voice should say for the figure as
 * the article writes it, so that no voice guesses (3200余场 is 三千二百余场, not 三二零零; 2,020 is
 * "two thousand twenty", not a year). Chinese keeps the article's 万/亿, qualifier and classifier;
 * English says what the page shows, in words.
 */
export type Speakable = Pick<Figure, 'value' | 'scale' | 'unit' | 'measure' | 'qualifier' | 'qualifierAfterScale'>;

export function spokenFigure(fig: Speakable, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? spokenZh(fig) : spokenEn(fig);
}

/** The number's digits as the page writes them, float noise trimmed: 36.29, 4.67, 90.4. */
const written = (n: number) => String(Number(n.toPrecision(12)));

const ZH_DIGITS = '零一二三四五六七八九';
const ZH_PLACES = [
  [1000, '千'],
  [100, '百'],
  [10, '十'],
  [1, ''],
] as const;

/** 0-9999 in Chinese: 一千零五十八, 十八 (not 一十八 at the start), 两千 (a leading 2 before 千). */
function zhUnderTenThousand(n: number, leading: boolean): string {
  let out = '';
  let zero = false;
  for (const [place, name] of ZH_PLACES) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    zero = false;
    const digit = d === 2 && place === 1000 && out === '' ? '两' : ZH_DIGITS[d];
    out += place === 10 && d === 1 && out === '' && leading ? name : digit + name;
  }
  return out;
}

/** A whole number in Chinese, up to 亿: 621 -> 六百二十一, 56000 -> 五万六千. */
export function zhWhole(n: number): string {
  if (n === 0) return '零';
  if (n >= 1e8) return zhWhole(Math.floor(n / 1e8)) + '亿' + zhRest(n % 1e8, 1e7);
  if (n >= 1e4) return (Math.floor(n / 1e4) === 2 ? '两' : zhWhole(Math.floor(n / 1e4))) + '万' + zhRest(n % 1e4, 1000);
  return zhUnderTenThousand(n, true);
}

/** What follows 万 or 亿: nothing, or a 零 where a place is skipped (三万零五十). */
const zhRest = (n: number, top: number) => (n === 0 ? '' : (n < top ? '零' : '') + (n >= 1e4 ? zhWhole(n) : zhUnderTenThousand(n, false)));

/** A written number in Chinese: 4.67 -> 四点六七. */
function zhNumber(text: string): string {
  const [whole, fraction] = text.split('.');
  const n = Number(whole);
  const said = n === 2 && fraction === undefined ? '两' : zhWhole(n);
  return fraction === undefined ? said : `${said}点${[...fraction].map((d) => ZH_DIGITS[Number(d)]).join('')}`;
}

const ZH_SCALE = { 1: '', 1e4: '万', 1e8: '亿' } as const;

function spokenZh(fig: Speakable): string {
  const number = zhNumber(written(fig.value / fig.scale));
  const yu = fig.qualifier === 'more' ? '余' : '';
  const scale = ZH_SCALE[fig.scale];
  const counted = fig.qualifierAfterScale ? `${number}${scale}${yu}` : `${number}${yu}${scale}`;
  const before = fig.qualifier === 'nearly' ? '近' : '';
  const after = fig.qualifier === 'atLeast' ? '以上' : '';
  if (fig.unit === 'percent') return `${before}百分之${counted}${after}`;
  return `${before}${counted}${fig.unit === 'yuan' ? '元' : (fig.measure ?? '')}${after}`;
}

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enUnderThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tens = rest < 20 ? (rest ? EN_ONES[rest] : '') : EN_TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${EN_ONES[rest % 10]}` : '');
  return [hundreds ? `${EN_ONES[hundreds]} hundred` : '', tens].filter(Boolean).join(' ');
}

/** A whole number in English words, American style (no "and"): 2020 -> two thousand twenty. */
export function enWhole(n: number): string {
  if (n === 0) return 'zero';
  const groups = [
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ] as const;
  const words: string[] = [];
  let rest = n;
  for (const [size, name] of groups) {
    if (rest >= size) {
      words.push(`${enUnderThousand(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest) words.push(enUnderThousand(rest));
  return words.join(' ');
}

const EN_QUALIFIER = { more: 'more than ', nearly: 'nearly ', atLeast: 'at least ' } as const;
const EN_SCALES = [
  [1e9, ' billion'],
  [1e6, ' million'],
] as const;

/** The page's English (formatInProse) in words: 36.29 million yuan -> thirty-six point two nine million yuan. */
function spokenEn(fig: Speakable): string {
  const [divisor, scale] = EN_SCALES.find(([at]) => fig.value >= at) ?? [1, ''];
  const [whole, fraction] = written(fig.value / divisor).split('.');
  const number = enWhole(Number(whole)) + (fraction === undefined ? '' : ` point ${[...fraction].map((d) => EN_ONES[Number(d)]).join(' ')}`);
  const unit = fig.unit === 'yuan' ? ' yuan' : fig.unit === 'percent' ? ' percent' : '';
  return `${fig.qualifier ? EN_QUALIFIER[fig.qualifier] : ''}${number}${scale}${unit}`;
}
