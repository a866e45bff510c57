import { describe, expect, it } from 'vitest';
import { isPlaceId, type PlaceId } from '../../src/data/story';
import { langFromNavigator } from '../../src/lib/lang';
import { idFromHash, parseParams, withHash, withLang, withSlide, type Params } from '../../src/lib/params';

const DEFAULTS: Params<PlaceId> = { lang: 'en', mode: 'story', section: null, step: null, autoplay: null, listen: false, session: null };

// Every parameter is optional and validated: anything unknown or malformed is the default.
describe('parseParams', () => {
  it.each<[search: string, hash: string, expected: Partial<Params<PlaceId>>]>([
    ['', '', {}],
    ['?lang=zh', '', { lang: 'zh' }],
    ['?lang=en', '', { lang: 'en' }],
    ['?lang=fr', '', {}],
    ['?lang=ZH', '', {}],
    ['?lang=zh&lang=en', '', {}], // duplicated: ambiguous, so the default
    ['?lang=', '', {}],
    ['?mode=present', '', { mode: 'present' }],
    ['?mode=presenter', '', { mode: 'presenter' }],
    ['?mode=embed', '', { mode: 'embed' }],
    ['?mode=follow', '', { mode: 'follow' }],
    ['?mode=follow&key=test-key-0123456789abcdef', '', { mode: 'follow' }], // a key is no parameter of ours
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
    ['?autoplay=voice', '', { autoplay: 'voice' }],
    ['?listen=1', '', { listen: true }],
    ['?listen=yes', '', {}],
    ['?listen=1&listen=1', '', {}],
    ['?autoplay=Voice', '', {}],
    ['?autoplay=2', '', {}],
    ['?autoplay=601', '', {}],
    ['?autoplay=NaN', '', {}],
    ['', '#political', { section: 'political' }],
    ['', '#care', { section: 'care' }],
    ['', '#nope', {}],
    ['', '#mutualAidAmount', { section: 'mutualAidAmount' }], // a figure's address
    ['?mode=embed&section=hardship', '', { mode: 'embed', section: 'hardship' }], // an embed of one figure
    ['', '#%E0%A4%A', {}], // broken percent-encoding
    ['', '#<img src=x onerror=alert(1)>', {}],
    ['?section=advanced', '#mass', { section: 'advanced' }], // the parameter wins over the hash
    ['?lang=%E0%A4%A&mode=%', '', {}],
    ['?session=a1B2c3D4-_', '', { session: 'a1B2c3D4-_' }],
    ['?session=short', '', {}],
    ['?session=a1b2c3d4e5<script>', '', {}],
    // pym appends the host's URL and title: however long, they are not ours to read and cost nothing.
    ['?mode=embed&section=care&childId=pym-0-x&parentTitle=' + '%E6%96%87'.repeat(900) + '&parentUrl=' + 'u'.repeat(3000), '', { mode: 'embed', section: 'care' }],
  ])('%s %s', (search, hash, expected) => {
    expect(parseParams(search, hash, isPlaceId, ['en-US'])).toEqual({ ...DEFAULTS, ...expected });
  });

  it('reads its own parameters whatever else the query holds', () => {
    expect(parseParams('?lang=zh&x=' + 'y'.repeat(5000), '', isPlaceId, ['en'])).toEqual({ ...DEFAULTS, lang: 'zh' });
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
    expect(withLang('https://x.test/a/?mode=story&lang=zh#care', 'en')).toBe('https://x.test/a/?mode=story&lang=en#care');
  });
  it('sets the hash and keeps the query', () => {
    expect(withHash('https://x.test/?lang=en#mass', 'care')).toBe('https://x.test/?lang=en#care');
  });
  it('reads back the hash it writes', () => {
    expect(idFromHash(new URL(withHash('https://x.test/', 'rights')).hash, isPlaceId)).toBe('rights');
  });
  it('shows a slide: mode, step and language set, the hash dropped, other parameters kept', () => {
    expect(withSlide('https://x.test/a/?mode=present&session=abcdefgh#care', 4, 'presenter', 'en')).toBe(
      'https://x.test/a/?mode=presenter&session=abcdefgh&step=4&lang=en',
    );
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
    ['/a/b/en', '', 'en'], // a host that drops the folder's slash
    ['/a/en-route/', '', 'zh'],
    ['/a/b/story.html', '', 'zh'],
  ])('%s%s reads as %s', (pathname, search, lang) => {
    expect(parseParams(search, '', isPlaceId, ['zh-CN'], pathname).lang).toBe(lang);
  });
});
