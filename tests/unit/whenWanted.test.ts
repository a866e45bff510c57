import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/lib/lang';
import { canWait } from '../../src/lib/whenWanted';

const at = (href: string) => {
  const url = new URL(href, 'https://example.org');
  return { search: url.search, hash: url.hash, pathname: url.pathname };
};

// Only the story as it was built is enhanced, when the browser is idle; anything else starts the app at once.
describe('canWait', () => {
  it.each<[href: string, built: Lang, browser: string, waits: boolean]>([
    ['/', 'zh', 'zh-CN', true],
    ['/?lang=zh', 'zh', 'en-US', true],
    ['/?lang=zh&utm_source=x', 'zh', 'zh-CN', true],
    ['/?mode=story', 'zh', 'zh-CN', true],
    ['/#', 'zh', 'zh-CN', true],
    ['/en/', 'en', 'zh-CN', true],
    ['/news/story/en/index.html', 'en', 'zh-CN', true],
    ['/', 'zh', 'en-US', false], // the English story, drawn over the Chinese page
    ['/?lang=en', 'zh', 'zh-CN', false],
    ['/en/?lang=zh', 'en', 'en-US', false],
    ['/#care', 'zh', 'zh-CN', true], // a place the browser scrolls to before the page is enhanced
    ['/#%E0%A4%A', 'zh', 'zh-CN', true], // a malformed one scrolls nowhere; the story's own hash replaces it
    ['/?section=mass', 'zh', 'zh-CN', false],
    ['/?step=3', 'zh', 'zh-CN', false],
    ['/?mode=present', 'zh', 'zh-CN', false],
    ['/?mode=embed&lang=zh', 'zh', 'zh-CN', false],
    ['/?mode=print', 'zh', 'zh-CN', false],
    ['/?mode=<script>', 'zh', 'zh-CN', false],
  ])('%s on the %s page, browser %s: waits %s', (href, built, browser, waits) => {
    expect(canWait(at(href), built, [browser])).toBe(waits);
  });
});
