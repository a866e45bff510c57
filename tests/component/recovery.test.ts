import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '../../src/lib/lazy';
import { browser, hasReloaded, reloadOnce } from '../../src/lib/reloadOnce';
import { UrlWriter } from '../../src/lib/urlWriter';

// jsdom cannot reload; a stand-in counts the reloads.
let reloads = 0;
beforeEach(() => {
  reloads = 0;
  sessionStorage.clear();
  history.replaceState(null, '', '/?lang=en#care');
  vi.spyOn(browser, 'reload').mockImplementation(() => void reloads++);
});
afterEach(() => vi.restoreAllMocks());

// A redeploy replaces the chunks an open page knows: one reload picks up the new build, and never a loop.
describe('reloadOnce', () => {
  it('reloads the first time only, marking the tab', () => {
    expect(reloadOnce()).toBe(true);
    expect(reloadOnce()).toBe(false);
    expect(reloads).toBe(1);
    expect(hasReloaded()).toBe(true);
  });

  // In a third-party iframe sessionStorage may throw: the mark goes into the URL instead.
  it('marks the URL where storage is refused, and still reloads once', () => {
    vi.spyOn(window, 'sessionStorage', 'get').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    expect(reloadOnce()).toBe(true);
    expect(new URLSearchParams(window.location.search).get('reloaded')).toBe('1');
    expect(window.location.hash).toBe('#care'); // the reader's place is kept
    expect(reloadOnce()).toBe(false); // the reloaded page finds the mark
    expect(reloadOnce()).toBe(false);
    expect(reloads).toBe(1);
  });
});

describe('lazy', () => {
  it('retries a failed load once, and needs no reload when the retry works', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValueOnce('chunk');
    await expect(lazy(load)).resolves.toBe('chunk');
    expect(load).toHaveBeenCalledTimes(2);
    expect(reloads).toBe(0);
  });

  it('reloads once when the retry fails too, and leaves the failure to the caller', async () => {
    const load = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(lazy(load)).rejects.toThrow('Failed to fetch');
    await expect(lazy(load)).rejects.toThrow('Failed to fetch');
    expect(reloads).toBe(1);
  });

  // Offline, a reload would trade the story for the browser's error page.
  it('does not reload while the browser is offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await expect(lazy(() => Promise.reject(new Error('offline')))).rejects.toThrow();
    expect(reloads).toBe(0);
  });
});

// WebKit throws after 100 replaceState calls in 30 s: moves in a burst make one write.
describe('UrlWriter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a burst at once, then a few a second, each change applied in order, the last address winning', () => {
    const replace = vi.spyOn(history, 'replaceState');
    const urls = new UrlWriter(3, 2);
    for (let i = 1; i <= 3; i++) urls.update((href) => `${href.split('#')[0]}#s${i}`);
    expect(replace).toHaveBeenCalledTimes(3); // the burst: at once, so a reload right after keeps the place
    for (let i = 4; i <= 30; i++) urls.update((href) => `${href.split('#')[0]}#s${i}`);
    urls.update((href) => href.replace('lang=en', 'lang=zh'));
    expect(replace).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(499);
    expect(replace).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(1);
    expect(replace).toHaveBeenCalledTimes(4); // one more when a token is back, with every change in it
    expect(window.location.search + window.location.hash).toBe('?lang=zh#s30');
    // 100 moves in 30 s (a lobby loop racing, a held arrow key) make far fewer than 100 writes.
    for (let i = 0; i < 100; i++) {
      urls.update((href) => `${href.split('#')[0]}#m${i}`);
      vi.advanceTimersByTime(300);
    }
    expect(replace.mock.calls.length).toBeLessThan(100);
    expect(window.location.hash).toBe('#m99');
  });

  it('survives a refused write', () => {
    vi.spyOn(history, 'replaceState').mockImplementation(() => {
      throw new DOMException('too many calls', 'SecurityError');
    });
    const urls = new UrlWriter();
    urls.update((href) => href + 'x');
    expect(() => urls.flush()).not.toThrow();
  });
});
