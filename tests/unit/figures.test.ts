import { formatFigure } from '../../src/data/format';
import { hasHalfWidthPunctuation, quoted, zhText } from '../../src/lib/zhText';
import { describe, expect, it } from 'vitest';
import { figures, notFigures } from '../../src/data/figures';
import { figure, stepFigures, themes } from '../../src/data/story';
import { article, body } from '../support/article';

// Numbers are sacred: every value, qualifier and classifier is proved against the article itself.
describe('every figure against the article', () => {
  it.each(figures.map((f) => [f.id, f] as const))('%s: its quote is verbatim and states its value', (_id, f) => {
    // Character for character the article's, typeset with full-width punctuation as Chinese is.
    expect(zhText(article)).toContain(f.quote);
    expect(hasHalfWidthPunctuation(f.quote)).toBe(false);
    // The figure written the article's way (3629万元, 3万余家, 近2000万人次) stands in its quote.
    expect(f.quote).toContain(formatFigure(f, 'zh'));
    if (f.before) {
      expect(f.quote).toContain(`${f.before.year}年的${formatFigure({ ...f, value: f.before.value }, 'zh')}`);
    }
  });

  it('holds the report figures the brief names', () => {
    const values = new Map(figures.map((f) => [f.id, f.value]));
    expect(values.get('modelWorkers')).toBe(1247);
    expect(values.get('members')).toBe(6_210_000);
    expect(values.get('boostFunds')).toBe(36_290_000);
    expect(figure('hardship').before).toEqual({ value: 7666, year: 2014 });
  });

  it('misses no number of the article body: each is a figure or listed as not one', () => {
    const covered = new Array<boolean>(body.length).fill(false);
    const cover = (text: string) => {
      let at = body.indexOf(text);
      expect(at, `"${text}" is not in the article body`).toBeGreaterThanOrEqual(0);
      for (; at >= 0; at = body.indexOf(text, at + 1)) covered.fill(true, at, at + text.length);
    };
    for (const f of figures) {
      cover(formatFigure(f, 'zh'));
      if (f.before) cover(formatFigure({ ...f, value: f.before.value }, 'zh'));
    }
    for (const n of notFigures) cover(n.text);

    const missed = [...body.matchAll(/[0-9０-９]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千万亿]+/g)]
      .filter((m) => !covered.slice(m.index, m.index + m[0].length).every(Boolean))
      .map((m) => `${m[0]} in “${body.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8)}”`);
    expect(missed).toEqual([]);
  });

  it('lists nothing as a non-figure that is a figure', () => {
    const written = figures.map((f) => formatFigure(f, 'zh'));
    for (const n of notFigures) expect(written.some((w) => n.text.includes(w))).toBe(false);
  });
});

describe('the story model', () => {
  const stepIds = themes.flatMap((t) => t.sections.flatMap((s) => s.steps.map((st) => st.id)));

  it('shows every figure in exactly one step', () => {
    const shown = themes.flatMap((t) => t.sections.flatMap((s) => s.steps.flatMap((st) => st.figures)));
    expect([...shown].sort()).toEqual(figures.map((f) => f.id).sort());
  });

  it('has unique ids for figures, steps, sections and themes', () => {
    const ids = [
      ...figures.map((f) => f.id),
      ...themes.map((t) => t.id),
      ...themes.flatMap((t) => t.sections.map((s) => s.id)),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(stepIds).size).toBe(stepIds.length);
  });

  it('has the ten sections of the article under its three themes', () => {
    expect(themes.map((t) => [t.id, t.sections.length])).toEqual([
      ['political', 3],
      ['advanced', 3],
      ['mass', 4],
    ]);
  });

  it('draws each step with one chart form, and uses more than one form', () => {
    for (const t of themes)
      for (const s of t.sections)
        for (const st of s.steps) expect(new Set(stepFigures(st).map((f) => f.chart)).size).toBeLessThanOrEqual(1);
    expect(new Set(figures.map((f) => f.chart)).size).toBe(7);
  });

  // A typo in an id is a compile error now (typed ids); the runtime lookup still finds every figure.
  it('finds every figure by its id', () => {
    for (const f of figures) expect(figure(f.id)).toBe(f);
  });
});

// The time each figure covers is the article's: its own date for the network, a state or five years' work.
describe('periods', () => {
  it('dates the union network at the end of 2018, as the article does, and only it', () => {
    for (const f of figures) expect(f.quote.includes('截至2018年底'), f.id).toBe(f.period === 'end2018');
  });
  it('keeps cumulative counts apart from shares and levels', () => {
    for (const f of figures.filter((x) => x.unit === 'percent')) expect(f.period, f.id).toBe('atReport');
  });
});

describe('zhText', () => {
  it.each([
    ['过去五年,各级工会', '过去五年，各级工会'],
    ['解读(上)', '解读（上）'],
    ['翻页:→', '翻页：→'],
    ['1100万人次;', '1100万人次；'],
    ['“两学一做”,推进', '“两学一做”，推进'],
    ['好吗?是!', '好吗？是！'],
    ['《规划(2016年—2035年)》', '《规划（2016年—2035年）》'],
    ['3.5, 4.2 (en)', '3.5, 4.2 (en)'], // not Chinese: left alone
    ['12351 app: 125万人', '12351 app: 125万人'], // a colon between Latin words stays
  ])('%s -> %s', (from, to) => {
    expect(zhText(from)).toBe(to);
    expect(hasHalfWidthPunctuation(zhText(from))).toBe(false);
  });
});

describe('quoted', () => {
  it.each([
    ['会员总数621万人。', '会员总数621万人。'], // a whole sentence stays as it is
    ['开办子女托管班293个,联系引导社会组织1000余家；', '开办子女托管班293个,联系引导社会组织1000余家……'],
    ['互助金额18亿元，', '互助金额18亿元……'],
  ])('%s -> %s', (from, to) => {
    expect(quoted(from)).toBe(to);
  });
  it('ends every sentence the story shows on a full stop or an omission', () => {
    for (const f of figures) expect(quoted(f.quote), f.id).toMatch(/(。|……|”)$/);
  });
});
