import { describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { decimalsOf, digits, figureParts, formatFigure, formatInProse, numberSpec, numberText, type Formattable } from '../../src/data/format';
import { figure } from '../../src/data/story';
import type { FigureId } from '../../src/data/types';

// Every figure, as a reader sees it in each language. English keeps the article's precision and
// translates its qualifiers; Chinese is exactly the article's notation (proved in figures.test.ts).
const table: [id: FigureId, zh: string, en: string][] = [
  ['rules', '217项', '217'],
  ['reach', '1100万人次', '11 million'],
  ['modelWorkers', '1247名', '1,247'],
  ['laborAwards', '295个', '295'],
  ['laborMedals', '1390名', '1,390'],
  ['pioneers', '641个', '641'],
  ['lectures', '45期', '45'],
  ['cultureEvents', '3200余场', 'more than 3,200'],
  ['readingRooms', '2315个', '2,315'],
  ['competitors', '300余万人次', 'more than 3 million'],
  ['studios', '5000余家', 'more than 5,000'],
  ['partners', '6个', '6'],
  ['boostFunds', '3629万元', '36.29 million yuan'],
  ['publicLectures', '1516场', '1,516'],
  ['onlineTraining', '近2000万人次', 'nearly 20 million'],
  ['exchange', '1058名', '1,058'],
  ['reformDocs', '55个', '55'],
  ['pilotUnits', '54个', '54'],
  ['reformAreas', '8个', '8'],
  ['federations', '18个', '18'],
  ['fundsShare', '70%以上', 'at least 70%'],
  ['unionOrgs', '5.6万个', '56,000'],
  ['legalEntities', '34.4万家', '344,000'],
  ['members', '621万人', '6.21 million'],
  ['consultationShare', '90.4%', '90.4%'],
  ['democracyShare', '94.2%', '94.2%'],
  ['disputeCases', '12.6万件', '126,000'],
  ['disputeAmount', '7.7亿元', '770 million yuan'],
  ['ankangFirms', '3万余家', 'more than 30,000'],
  ['serviceStations', '357家', '357'],
  ['workersHomes', '1.38万家', '13,800'],
  ['warmStations', '9650家', '9,650'],
  ['babyRooms', '2020家', '2,020'],
  ['childcare', '293个', '293'],
  ['socialOrgs', '1000余家', 'more than 1,000'],
  ['appUsers', '125万人', '1.25 million'],
  ['hotlineCalls', '102万件', '1.02 million'],
  ['mutualAidServed', '1139万人次', '11.39 million'],
  ['mutualAidAmount', '18亿元', '1.8 billion yuan'],
  ['hardship', '692户', '692'],
  ['warmthFunds', '4.67亿元', '467 million yuan'],
  ['visitedFamilies', '3.5万户', '35,000'],
  ['childrenHelped', '1.1万名', '11,000'],
];

describe('formatFigure', () => {
  it('covers every figure of the model in this table', () => {
    expect(table.map(([id]) => id).sort()).toEqual(figures.map((f) => f.id).sort());
  });

  it.each(table)('%s: zh %s, en %s', (id, zh, en) => {
    expect(formatFigure(figure(id), 'zh')).toBe(zh);
    expect(formatFigure(figure(id), 'en')).toBe(en);
  });

  const billion: Formattable = { value: 1_234_500_000, scale: 1e8, unit: 'yuan' };
  it.each([
    // A running counter shows in-between values at the final value's precision.
    [figure('boostFunds'), 18_150_000, '1815万元', '18.15 million yuan'],
    [figure('reach'), 5_500_000, '550万人次', '6 million'],
    [figure('workersHomes'), 6_900, '0.69万家', '6,900'],
    [figure('consultationShare'), 45.2, '45.2%', '45.2%'],
    [figure('modelWorkers'), 0, '0名', '0'],
    // Beyond the article: the scale words still hold.
    [billion, billion.value, '12.345亿元', '1.2345 billion yuan'],
  ])('in-between value #%#', (f, value, zh, en) => {
    expect(formatFigure(f, 'zh', value)).toBe(zh);
    expect(formatFigure(f, 'en', value)).toBe(en);
  });
});

describe('decimalsOf', () => {
  it.each([
    [11, 0],
    [36.29, 2],
    [4.67, 2],
    [467_000_000 / 1e8, 2],
    [11_390_000 / 1e6, 2],
    [90.4, 1],
    [0.1 + 0.2, 1],
  ])('%d needs %d decimals', (n, d) => expect(decimalsOf(n)).toBe(d));
});

describe('formatInProse', () => {
  // News style: one to nine are spelled out in running English; Chinese keeps the article's digits.
  it.each<[FigureId, string, string]>([
    ['partners', '6个', 'six'],
    ['reformAreas', '8个', 'eight'],
    ['federations', '18个', '18'],
    ['fundsShare', '70%以上', 'at least 70%'],
    ['modelWorkers', '1247名', '1,247'],
  ])('%s: zh %s, en %s', (id, zh, en) => {
    expect(formatInProse(figure(id), 'zh')).toBe(zh);
    expect(formatInProse(figure(id), 'en')).toBe(en);
  });
});

// The words around a number are set smaller than its digits: the split keeps every character, and
// the middle part is the number alone.
describe('figureParts', () => {
  it.each([
    ['cultureEvents', 'zh', ['', '3200', '余场']],
    ['cultureEvents', 'en', ['more than ', '3,200', '']],
    ['onlineTraining', 'zh', ['近', '2000', '万人次']],
    ['onlineTraining', 'en', ['nearly ', '20', ' million']],
    ['boostFunds', 'en', ['', '36.29', ' million yuan']],
  ] as const)('%s in %s', (id, lang, parts) => expect(figureParts(figure(id), lang)).toEqual(parts));

  it.each(figures.flatMap((f) => (['zh', 'en'] as const).map((lang) => [f.id, lang, f] as const)))('%s in %s: the formatted text, the number alone in the middle', (_, lang, f) => {
    const parts = figureParts(f, lang);
    expect(parts.join('')).toBe(formatFigure(f, lang));
    expect(parts[1]).toMatch(/^\d[\d,.]*$/);
    expect(parts[0]).not.toMatch(/\d/);
  });
});

describe('digits', () => {
  // The same text Intl.NumberFormat('en-US') writes, for every value a figure or a running counter takes.
  it.each([
    [0, 0, false],
    [7, 0, true],
    [999, 0, true],
    [1000, 0, true],
    [7666, 0, false],
    [1234567, 0, true],
    [36.29, 2, true],
    [36.290000000000006, 2, false],
    [1100.4, 0, false],
    [1.5, 1, true],
    [12345.67, 2, true],
    [100000000, 0, true],
  ])('%d at %d places (grouping %s) as en-US writes it', (n, decimals, grouping) => {
    const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouping });
    expect(digits(n, decimals, grouping)).toBe(intl.format(n));
  });

  it('writes every in-between value of every figure’s count as Intl does', () => {
    for (const f of figures) {
      const decimals = decimalsOf(f.value / f.scale);
      const intl = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      for (let i = 0; i <= 60; i++) {
        const v = (f.value * i) / 60 / f.scale;
        expect(digits(v, decimals, true), `${f.id} ${v}`).toBe(intl.format(v));
      }
    }
  });
});

// A counter writes numberText at every frame and ends on it: its last frame must be the figure's own number.
describe('numberText (what a counter writes)', () => {
  it.each(figures.flatMap((f) => (['zh', 'en'] as const).map((lang) => [f.id, lang, f] as const)))('%s in %s ends on the figure as formatted', (_, lang, f) => {
    expect(numberText(f.value, numberSpec(f, lang))).toBe(figureParts(f, lang)[1]);
  });

  it('runs through in-between values at the final precision', () => {
    const f = figure('boostFunds'); // 3629万元, 36.29 million yuan
    expect(numberText(f.value / 2, numberSpec(f, 'zh'))).toBe('1815'); // 3629: no decimals
    expect(numberText(f.value / 2, numberSpec(f, 'en'))).toBe('18.15');
    expect(numberText(0, numberSpec(figure('modelWorkers'), 'en'))).toBe('0');
  });
});
