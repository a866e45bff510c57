import enPresent from '../../locales/en/present.json';
import enStory from '../../locales/en/story.json';
import enUi from '../../locales/en/ui.json';
import zhPresent from '../../locales/zh/present.json';
import zhStory from '../../locales/zh/story.json';
import zhUi from '../../locales/zh/ui.json';
import type { FigureId } from '../data/figures';
import { formatFigure } from '../data/format';
import { figure } from '../data/story';
import type { ThemeId } from '../data/types';
import { I18n, type Messages } from '../lib/i18n.svelte';
import type { Lang } from '../lib/lang';
import { CARD_FIGURES } from './cardFigures';

// The cards are drawn at build time, never in the page: both languages' words are imported whole.
const BUNDLES: Record<Lang, Messages> = {
  zh: { ...zhStory, ...zhUi, ...zhPresent },
  en: { ...enStory, ...enUi, ...enPresent },
};

export interface CardFigure {
  id: FigureId;
  theme: ThemeId;
  themeTitle: string;
  value: string;
  label: string;
}

/** Every string a share card draws, figures formatted as on the page. Its hash guards the PNGs. */
export interface CardText {
  lang: Lang;
  kicker: string;
  title: string;
  dek: string;
  source: string;
  figures: CardFigure[];
}

export function cardText(lang: Lang): CardText {
  const { t } = new I18n(lang, BUNDLES);
  return {
    lang,
    kicker: t('intro.kicker'),
    title: t('intro.title'),
    dek: t('intro.dek'),
    source: t('intro.source'),
    figures: CARD_FIGURES.map(({ theme, id }) => ({
      id,
      theme,
      themeTitle: t(`themes.${theme}.title`),
      value: formatFigure(figure(id), lang),
      label: t(`figures.${id}`),
    })),
  };
}

/** The card's text alternative (`meta.imageAlt`), with the card's figures filled in. */
export function cardAlt(lang: Lang): string {
  const { t } = new I18n(lang, BUNDLES);
  return t('meta.imageAlt', Object.fromEntries(CARD_FIGURES.map(({ id }) => [id, formatFigure(figure(id), lang)])));
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Terms of the story the dictionary cuts in two (劳动|模范): kept whole on a line. */
const TERMS = ['劳动模范', '先进工作者', '市级以上', '创新工作室', '集体协商', '建会企业'];
/** Punctuation that opens a phrase: it stays with the word after it, never at a line's end. */
const OPENING = /^[“‘《〈（「『【]+$/;

/**
 * Chinese text cut where a line may break: between words, never inside one or inside one of TERMS.
 * A one-character word or a closing punctuation mark joins the piece before it, an opening mark the
 * piece after it, so that no line holds a lone character. English is left to the browser: one piece.
 */
export function phrases(text: string, lang: Lang): string[] {
  if (lang !== 'zh') return [text];
  const out: string[] = [];
  let open = '';
  for (const word of glueTerms(text, [...segmenter.segment(text)].map((s) => s.segment))) {
    const last = out.length - 1;
    if (OPENING.test(word)) open += word;
    else if (!open && last >= 0 && ([...word].length === 1 || [...out[last]].length === 1)) out[last] += word;
    else {
      out.push(open + word);
      open = '';
    }
  }
  if (open) out.push(open);
  return out;
}

/** Joins neighbouring words when one of TERMS runs across the cut between them. */
function glueTerms(text: string, words: string[]): string[] {
  const inside = new Set<number>(); // cuts that fall inside a term
  for (const term of TERMS)
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) for (let k = i + 1; k < i + term.length; k++) inside.add(k);
  const out: string[] = [];
  let at = 0;
  for (const word of words) {
    if (out.length > 0 && inside.has(at)) out[out.length - 1] += word;
    else out.push(word);
    at += word.length;
  }
  return out;
}
