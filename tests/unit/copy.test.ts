import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figures, notFigures } from '../../src/data/figures';
import { formatFigure } from '../../src/data/format';
import { earlier, themes } from '../../src/data/story';
import type { Lang } from '../../src/lib/lang';

// The copy an editor would pass: Chinese set with full-width punctuation (GB/T 15834), English with
// one quote style, and step texts short enough to read on a projector from the back of a hall.

type Tree = { [key: string]: string | Tree };
const flat = (o: Tree, pre = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[pre + k, v] as [string, string]] : flat(v, `${pre}${k}.`)));
const load = (lang: Lang): Map<string, string> =>
  new Map(
    readdirSync(`locales/${lang}`)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => flat(JSON.parse(readFileSync(`locales/${lang}/${f}`, 'utf8')))),
  );
const words = { zh: load('zh'), en: load('en') };

const byId = new Map(figures.map((f) => [f.id as string, f]));
/** A text as the reader sees it: each figure placeholder replaced by the figure as formatted in that language. */
function fill(text: string, lang: Lang): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, id: string) => {
    const f = byId.get(id) ?? byId.get(id.replace(/Before$/, ''));
    if (!f) return whole; // an interface placeholder ({{n}}, {{section}}): not a figure
    return formatFigure(id.endsWith('Before') ? earlier(f) : f, lang);
  });
}

const CJK = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef]`;
/** A half-width , : ; ( ) ! ? touching a Chinese character: Chinese typesetting wants the full-width form. */
const halfWidthInChinese = new RegExp(`${CJK}[,:;()!?]|[,:;()!?]${CJK}`, 'u');
/** Any straight quote or apostrophe: the English side uses curly ones only. */
const straightQuote = /['"]/;

/**
 * Interface strings owned by the other half of the project (ui.json's `ui.*` keys), pinned to their
 * current value: they still need full-width punctuation, which is asked for at merge. If the value
 * changes, the key is checked like every other.
 */

/** How long a step text may be, per language, and how it is measured. */
const LIMITS: Record<Lang, { max: number; unit: string; measure: (text: string) => number }> = {
  en: { max: 35, unit: 'words', measure: (s) => s.trim().split(/\s+/).length },
  zh: { max: 70, unit: 'characters', measure: (s) => [...s.replace(/\s/g, '')].length },
};
/** Steps allowed over the limit, as `lang:stepId` -> why. None today: keep it that way. */
const OVER_LIMIT: Record<string, string> = {};

const steps = themes.flatMap((t) => t.sections.flatMap((s) => s.steps));

describe('the checks themselves', () => {
  it.each([
    ['过去五年,各级工会', true],
    ['解读(上)', true],
    ['翻页:→', true],
    ['PageDown;返回', true],
    ['{{rules}},强化', true],
    ['过去五年，各级工会', false],
    ['2016年—2035年', false],
    ['Next: → ↓ Space', false],
  ])('flags half-width punctuation in %s: %s', (text, flagged) => {
    expect(halfWidthInChinese.test(fill(text, 'zh'))).toBe(flagged);
  });

  it('fills placeholders with the formatted figure, as the reader sees them', () => {
    expect(fill('{{rules}},{{laborAwards}}', 'zh')).toBe('217项,295个');
    expect(halfWidthInChinese.test(fill('{{rules}},{{laborAwards}}', 'zh'))).toBe(true);
    expect(fill('fell from {{hardshipBefore}} to {{hardship}}', 'en')).toBe('fell from 7,666 to 692');
    expect(LIMITS.en.measure(fill('{{competitors}} entries', 'en'))).toBe(5); // "more than 3 million entries"
    expect(LIMITS.zh.measure(fill('推荐评选{{modelWorkers}}。', 'zh'))).toBe(10); // 推荐评选1247名。
  });
});

describe('Chinese typography', () => {
  it('uses full-width ，：；（）！？ beside Chinese characters in every zh value', () => {
    const bad = [...words.zh].filter(([, v]) => halfWidthInChinese.test(fill(v, 'zh')));
    expect(bad.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });
});

describe('English typography and spelling', () => {
  it('writes the Chinese ellipsis as ……, never a single …', () => {
    expect([...words.zh].filter(([, v]) => /(?<!…)…(?!…)/.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('names the report’s date one way in English: on the chart, in the data and in the notes', () => {
    const all = [...words.en].map(([, v]) => v).join('\n');
    expect(all).not.toMatch(/\b(At|at) the (2019 )?report\b/);
    expect(words.en.get('chart.after')).toBe(words.en.get('takeaway.periods.atReport'));
  });

  it('tells the article’s counts that are not figures (全市16区, 等4部门) in the Chinese story', () => {
    const counts = notFigures.filter((n) => n.why.startsWith('scope') && /\d/.test(n.text)).map((n) => n.text);
    expect(counts.length).toBeGreaterThan(1);
    const steps = [...words.zh].filter(([k]) => k.startsWith('steps.')).map(([, v]) => v).join('');
    expect(counts.filter((c) => !steps.includes(c))).toEqual([]);
  });

  it('uses curly quotes and apostrophes only', () => {
    const bad = [...words.en].filter(([, v]) => straightQuote.test(v));
    expect(bad.map(([k, v]) => `${k}: ${v}`)).toEqual([]);
  });

  it('spells the American way', () => {
    const bad = [...words.en].filter(([, v]) => /\bhonour|organis|programme|favour|colour|\bgrey\b/i.test(v));
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe('step texts fit a slide', () => {
  for (const lang of ['en', 'zh'] as const) {
    const { max, unit, measure } = LIMITS[lang];
    it.each(steps.map((s) => [s.id]))(`${lang} %s: at most ${max} ${unit}`, (id) => {
      const length = measure(fill(words[lang].get(`steps.${id}`) ?? '', lang));
      if (OVER_LIMIT[`${lang}:${id}`]) expect(length, 'listed as over the limit, but it fits: drop the exception').toBeGreaterThan(max);
      else expect(length, fill(words[lang].get(`steps.${id}`) ?? '', lang)).toBeLessThanOrEqual(max);
    });
  }

  it('lists exceptions only for real steps', () => {
    for (const key of Object.keys(OVER_LIMIT)) expect(steps.map((s) => s.id)).toContain(key.split(':')[1]);
  });
});

// The speaker view shows the step's words (every figure: locales.test.ts) above the notes, so a note
// adds context: it never repeats a sentence of its step's words.
describe('speaker notes', () => {
  it.each(steps.map((s) => [s.id, s]))('%s: add to the step’s words, never copy a sentence of them', (_, step) => {
    for (const lang of ['zh', 'en'] as const) {
      const note = words[lang].get(`notes.${step.id}`) ?? '';
      const sentences = (words[lang].get(`steps.${step.id}`) ?? '').split(lang === 'zh' ? /(?<=。)/ : /(?<=\.)\s+/).filter((x) => x.length > 8);
      expect(sentences.filter((x) => note.includes(x)), `${lang} notes.${step.id}`).toEqual([]);
    }
  });
});
