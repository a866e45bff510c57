import { describe, expect, it } from 'vitest';
import { htmlLang, langOfHtml, languagePage, LANGS, ogLocale, pageFolder } from '../../src/lib/lang';

const at = (href: string) => new URL(href, 'https://news.example');

describe('the language before the first paint (lang.js, built from src/beforePaint.ts)', () => {
  // The promise: an English-preferring reader of the Chinese page sees the English page, query and
  // hash kept; nobody else moves (which would loop, or override a language the URL chose).
  it.each([
    ['/', 'zh', ['en-US'], '/en/'],
    ['/story/index.html?mode=present&step=3#mass', 'zh', ['de'], '/story/en/?mode=present&step=3#mass'],
    ['/story/', 'zh', [], '/story/en/'], // no preference known: English, as the app decides
    ['/', 'zh', ['zh-TW', 'en'], null],
    ['/', 'zh', ['ZH'], null],
    ['/?lang=zh', 'zh', ['en'], null], // the URL chose
    ['/?lang=en', 'zh', ['en'], null], // the app draws English here: no second load
    ['/?lang=xx', 'zh', ['en'], null],
    ['/en/', 'en', ['en'], null],
    ['/en/', 'en', ['zh-CN'], null], // the English page is never left: its reader chose it
  ] as const)('%s built in %s, browser %j: %s', (href, built, languages, expected) => {
    expect(languagePage(at(href), built, languages)).toBe(expected);
  });

  it('reads a page\'s lang attribute back as the language htmlLang wrote', () => {
    for (const lang of LANGS) expect(langOfHtml(htmlLang(lang))).toBe(lang);
    expect(langOfHtml('zh-Hans')).toBe('zh');
    expect(langOfHtml('zhx')).toBe('en');
    expect(langOfHtml('')).toBe('en');
  });

  it('puts the English page in en/, the Chinese at the root', () => {
    expect(LANGS.map(pageFolder)).toEqual(['', 'en/']);
  });

  it('names each language for Open Graph with a region, as crawlers expect', () => {
    expect(LANGS.map(ogLocale)).toEqual(['zh_CN', 'en_US']);
  });
});
