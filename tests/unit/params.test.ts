import { describe, expect, it } from 'vitest';
import { langFromNavigator } from '../../src/lib/lang';
import { idFromHash, parseParams, withHash, withLang, type Params } from '../../src/lib/params';

const DEFAULTS: Params = { lang: 'en', langFromUrl: false, mode: 'story', section: null, step: null, autoplay: null };

// Every parameter is optional and validated: anything unknown or malformed is the default.
describe('parseParams', () => {
  it.each<[search: string, hash: string, expected: Partial<Params>]>([
    ['', '', {}],
    ['?lang=zh', '', { lang: 'zh', langFromUrl: true }],
    ['?lang=en', '', { lang: 'en', langFromUrl: true }],
    ['?lang=fr', '', {}],
    ['?lang=ZH', '', {}],
    ['?lang=zh&lang=en', '', {}], // duplicated: ambiguous, so the default
    ['?lang=', '', {}],
    ['?mode=present', '', { mode: 'present' }],
    ['?mode=presenter', '', { mode: 'presenter' }],
    ['?mode=embed', '', { mode: 'embed' }],
    ['?mode=<script>alert(1)</script>', '', {}],
    ['?mode=constructor', '', {}],
    ['?section=mass', '', { section: 'mass' }],
    ['?section=rights', '', { section: 'rights' }],
    ['?section=__proto__', '', {}],
    ['?section=' + 'a'.repeat(5000), '', {}],
    ['?step=3', '', { step: 3 }],
    ['?step=0', '', {}],
    ['?step=-1', '', {}],
    ['?step=1e3', '', {}],
    ['?step=99999999999999999999', '', {}],
    ['?step=2.5', '', {}],
    ['?autoplay=10', '', { autoplay: 10 }],
    ['?autoplay=2', '', {}],
    ['?autoplay=601', '', {}],
    ['?autoplay=NaN', '', {}],
    ['', '#political', { section: 'political' }],
    ['', '#care', { section: 'care' }],
    ['', '#nope', {}],
    ['', '#%E0%A4%A', {}], // broken percent-encoding
    ['', '#<img src=x onerror=alert(1)>', {}],
    ['?section=advanced', '#mass', { section: 'advanced' }], // the parameter wins over the hash
    ['?lang=%E0%A4%A&mode=%', '', {}],
  ])('%s %s', (search, hash, expected) => {
    expect(parseParams(search, hash, ['en-US'])).toEqual({ ...DEFAULTS, ...expected });
  });

  it('ignores an absurdly long query', () => {
    expect(parseParams('?lang=zh&x=' + 'y'.repeat(5000), '', ['en'])).toEqual(DEFAULTS);
  });
});

describe('langFromNavigator', () => {
  it.each<[string[] | undefined, string]>([
    [['zh-CN'], 'zh'],
    [['zh-TW', 'en'], 'zh'],
    [['zh'], 'zh'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr'], 'en'],
    [['zhx'], 'en'],
    [[], 'en'],
    [undefined, 'en'],
  ])('%o -> %s', (languages, lang) => expect(langFromNavigator(languages)).toBe(lang));
});

describe('URL updates', () => {
  it('sets lang and keeps the other parameters and the hash', () => {
    expect(withLang('https://x.test/a/?mode=story&lang=zh#care', 'en')).toBe('/a/?mode=story&lang=en#care');
  });
  it('sets the hash and keeps the query', () => {
    expect(withHash('https://x.test/?lang=en#mass', 'care')).toBe('/?lang=en#care');
  });
  it('reads back the hash it writes', () => {
    expect(idFromHash(new URL(withHash('https://x.test/', 'rights'), 'https://x.test').hash)).toBe('rights');
  });
});

describe('the page path', () => {
  it.each([
    ['/en/', '', 'en'],
    ['/en/index.html', '', 'en'],
    ['/story/en/', '', 'en'],
    ['/en/', '?lang=zh', 'zh'],
    ['/', '', 'zh'],
    ['/english/', '', 'zh'],
  ])('%s%s reads as %s', (pathname, search, lang) => {
    expect(parseParams(search, '', ['zh-CN'], pathname).lang).toBe(lang);
  });
});
