/** Half-width punctuation and its full-width form in Chinese typesetting (GB/T 15834). */
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };
/** Chinese characters, Chinese and full-width punctuation, and the curly quotes Chinese uses. */
const CJK = '\\u3000-\\u9fff\\uff00-\\uffef\\u201c\\u201d\\u2014';
const NEXT_TO_CJK = new RegExp(`(?<=[${CJK}])[,:;()!?]|[,:;()!?](?=[${CJK}])`, 'g');

/**
 * Chinese text set as Chinese is typeset: a half-width , : ; ( ) ! ? next to a Chinese character
 * becomes full-width (，：；（）！？). The one converter every Chinese output goes through (the article's
 * sentences were normalised to half-width when they were collected, so nothing is restored).
 */
export const zhText = (s: string): string => s.replace(NEXT_TO_CJK, (c) => FULL[c]);

/** True when `s` still has half-width punctuation next to a Chinese character. */
export const hasHalfWidthPunctuation = (s: string): boolean => new RegExp(NEXT_TO_CJK.source).test(s);

/**
 * An article sentence as quoted: the collected sentences end where the figure's clause ends, some on
 * "；" or "，" (the article's sentence goes on); shown so, it ends in "……" (GB/T 15834's omission).
 */
export const quoted = (sentence: string): string => sentence.replace(/[；，;,]$/, '……');

/** Punctuation that closes what comes before it, Chinese and Latin: no line may start with it. */
export const CLOSING_MARKS = /^[。，、；：！？）」』》.,;:!?)’”]+/;
