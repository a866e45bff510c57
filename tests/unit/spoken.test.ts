import { describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { spokenFigure, zhWhole, enWhole } from '../../src/data/spoken';
import { earlier } from '../../src/data/story';
import { formatInProse } from '../../src/data/format';

// Every figure of the story as the page writes it and as a voice must say it, checked by ear and by
// hand, both languages. A figure added without its row here fails the coverage test below.
const SAID: readonly [id: string, zh: string, zhSaid: string, en: string, enSaid: string][] = [
  ['rules', '217项', '二百一十七项', '217', 'two hundred seventeen'],
  ['reach', '1100万人次', '一千一百万人次', '11 million', 'eleven million'],
  ['modelWorkers', '1247名', '一千二百四十七名', '1,247', 'one thousand two hundred forty-seven'],
  ['laborAwards', '295个', '二百九十五个', '295', 'two hundred ninety-five'],
  ['laborMedals', '1390名', '一千三百九十名', '1,390', 'one thousand three hundred ninety'],
  ['pioneers', '641个', '六百四十一个', '641', 'six hundred forty-one'],
  ['lectures', '45期', '四十五期', '45', 'forty-five'],
  ['cultureEvents', '3200余场', '三千二百余场', 'more than 3,200', 'more than three thousand two hundred'],
  ['readingRooms', '2315个', '两千三百一十五个', '2,315', 'two thousand three hundred fifteen'],
  ['competitors', '300余万人次', '三百余万人次', 'more than 3 million', 'more than three million'],
  ['studios', '5000余家', '五千余家', 'more than 5,000', 'more than five thousand'],
  ['partners', '6个', '六个', 'six', 'six'],
  ['boostFunds', '3629万元', '三千六百二十九万元', '36.29 million yuan', 'thirty-six point two nine million yuan'],
  ['publicLectures', '1516场', '一千五百一十六场', '1,516', 'one thousand five hundred sixteen'],
  ['onlineTraining', '近2000万人次', '近两千万人次', 'nearly 20 million', 'nearly twenty million'],
  ['exchange', '1058名', '一千零五十八名', '1,058', 'one thousand fifty-eight'],
  ['reformDocs', '55个', '五十五个', '55', 'fifty-five'],
  ['pilotUnits', '54个', '五十四个', '54', 'fifty-four'],
  ['reformAreas', '8个', '八个', 'eight', 'eight'],
  ['federations', '18个', '十八个', '18', 'eighteen'],
  ['fundsShare', '70%以上', '百分之七十以上', 'at least 70%', 'at least seventy percent'],
  ['unionOrgs', '5.6万个', '五点六万个', '56,000', 'fifty-six thousand'],
  ['legalEntities', '34.4万家', '三十四点四万家', '344,000', 'three hundred forty-four thousand'],
  ['members', '621万人', '六百二十一万人', '6.21 million', 'six point two one million'],
  ['consultationShare', '90.4%', '百分之九十点四', '90.4%', 'ninety point four percent'],
  ['democracyShare', '94.2%', '百分之九十四点二', '94.2%', 'ninety-four point two percent'],
  ['disputeCases', '12.6万件', '十二点六万件', '126,000', 'one hundred twenty-six thousand'],
  ['disputeAmount', '7.7亿元', '七点七亿元', '770 million yuan', 'seven hundred seventy million yuan'],
  ['ankangFirms', '3万余家', '三万余家', 'more than 30,000', 'more than thirty thousand'],
  ['serviceStations', '357家', '三百五十七家', '357', 'three hundred fifty-seven'],
  ['workersHomes', '1.38万家', '一点三八万家', '13,800', 'thirteen thousand eight hundred'],
  ['warmStations', '9650家', '九千六百五十家', '9,650', 'nine thousand six hundred fifty'],
  ['babyRooms', '2020家', '两千零二十家', '2,020', 'two thousand twenty'],
  ['childcare', '293个', '二百九十三个', '293', 'two hundred ninety-three'],
  ['socialOrgs', '1000余家', '一千余家', 'more than 1,000', 'more than one thousand'],
  ['appUsers', '125万人', '一百二十五万人', '1.25 million', 'one point two five million'],
  ['hotlineCalls', '102万件', '一百零二万件', '1.02 million', 'one point zero two million'],
  ['mutualAidServed', '1139万人次', '一千一百三十九万人次', '11.39 million', 'eleven point three nine million'],
  ['mutualAidAmount', '18亿元', '十八亿元', '1.8 billion yuan', 'one point eight billion yuan'],
  ['hardship', '692户', '六百九十二户', '692', 'six hundred ninety-two'],
  ['hardship (2014)', '7666户', '七千六百六十六户', '7,666', 'seven thousand six hundred sixty-six'],
  ['warmthFunds', '4.67亿元', '四点六七亿元', '467 million yuan', 'four hundred sixty-seven million yuan'],
  ['visitedFamilies', '3.5万户', '三点五万户', '35,000', 'thirty-five thousand'],
  ['childrenHelped', '1.1万名', '一点一万名', '11,000', 'eleven thousand'],
];

const figureOf = (row: string) => {
  const f = figures.find((g) => g.id === row.split(' ')[0])!;
  return row.includes('(') ? earlier(f) : f;
};

describe('spokenFigure: every figure read aloud as the article writes it', () => {
  it('has a row for every figure and every earlier value', () => {
    const ids = figures.flatMap((f) => [f.id, ...(f.before ? [`${f.id} (${f.before.year})`] : [])]);
    expect(SAID.map(([id]) => id)).toEqual(ids);
  });

  it.each(SAID)('%s: %s is said %s; %s is said "%s"', (id, zh, zhSaid, en, enSaid) => {
    const f = figureOf(id);
    expect(formatInProse(f, 'zh')).toBe(zh); // the row speaks of what the page shows
    expect(formatInProse(f, 'en')).toBe(en);
    expect(spokenFigure(f, 'zh')).toBe(zhSaid);
    expect(spokenFigure(f, 'en')).toBe(enSaid);
  });

  it('never leaves a digit for a voice to guess', () => {
    for (const f of figures) for (const lang of ['zh', 'en'] as const) expect(spokenFigure(f, lang)).not.toMatch(/\d/);
  });
});

describe('whole numbers', () => {
  it.each([
    [0, '零', 'zero'],
    [10, '十', 'ten'],
    [105, '一百零五', 'one hundred five'],
    [1001, '一千零一', 'one thousand one'],
    [20000, '两万', 'twenty thousand'],
    [30050, '三万零五十', 'thirty thousand fifty'],
    [110000, '十一万', 'one hundred ten thousand'],
    [120000000, '一亿两千万', 'one hundred twenty million'],
  ])('%d is %s and %s', (n, zh, en) => {
    expect(zhWhole(n)).toBe(zh);
    expect(enWhole(n)).toBe(en);
  });
});
