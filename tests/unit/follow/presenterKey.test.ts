import { describe, expect, it } from 'vitest';
import { isHallKey } from '../../../protocol/hallKey.js';
import { tabStorage, takeKey } from '../../../src/hall/presenterKey';

const KEY = 'test-key-0123456789abcdef';

/** A sessionStorage of one tab. */
function storage() {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

// The key is in the presenter URL the hall prints; it must leave the address bar (else it travels
// on in the audience window's address and in anything copied from the bar) and survive a reload.
describe('takeKey', () => {
  it('takes the key out of the address, keeping the rest, and remembers it for a reload', () => {
    const tab = storage();
    const first = takeKey(`http://127.0.0.1:8080/?mode=presenter&key=${KEY}&session=abcdefgh12`, tab);
    expect(first).toEqual({ key: KEY, href: 'http://127.0.0.1:8080/?mode=presenter&session=abcdefgh12' });
    expect(takeKey('http://127.0.0.1:8080/?mode=presenter&session=abcdefgh12', tab)).toEqual({
      key: KEY,
      href: 'http://127.0.0.1:8080/?mode=presenter&session=abcdefgh12',
    });
  });

  it('decodes a key the server percent-encoded', () => {
    const key = 'a+b/c=d&e%f-0123456789';
    expect(takeKey(`http://h/?mode=presenter&key=${encodeURIComponent(key)}`, storage()).key).toBe(key);
  });

  it('leaves an address without a key as it is', () => {
    const href = 'http://h/?mode=presenter&lang=zh#x';
    expect(takeKey(href, storage())).toEqual({ key: null, href });
  });

  it.each([
    ['short'],
    ['with space 0123456789'],
    ['x'.repeat(257)],
    ['中文中文中文中文中文中文中文中文'],
  ])('drops a malformed key %j from the address and does not keep it', (bad) => {
    const tab = storage();
    const { key, href } = takeKey(`http://h/?mode=presenter&key=${encodeURIComponent(bad)}`, tab);
    expect(key).toBeNull();
    expect(href).toBe('http://h/?mode=presenter');
    expect(tab.length).toBe(0);
  });

  it('drops a repeated key (ambiguous) from the address', () => {
    const { key, href } = takeKey(`http://h/?key=${KEY}&mode=presenter&key=${KEY}`, storage());
    expect({ key, href }).toEqual({ key: null, href: 'http://h/?mode=presenter' });
  });

  it('keeps the key in this page where there is no storage to write', () => {
    // Node has no sessionStorage, as a browser with blocked site data has none that writes.
    const page = tabStorage();
    expect(takeKey(`http://h/?mode=presenter&key=${KEY}`, page)).toEqual({ key: KEY, href: 'http://h/?mode=presenter' });
    expect(takeKey('http://h/?mode=presenter', tabStorage()).key).toBe(KEY); // the same page, later
  });

  it('keeps only a key the hall itself would take (one rule: protocol/hallKey.js)', () => {
    expect([KEY, '~'.repeat(256)].every(isHallKey)).toBe(true);
    expect(['x'.repeat(16), 'x'.repeat(15), 'x'.repeat(257), 'tab\tkey-0123456789', null, 42].some(isHallKey)).toBe(false);
    expect(takeKey(`http://h/?mode=presenter&key=${'x'.repeat(16)}`, tabStorage()).key).toBeNull(); // too weak: the hall refuses it
  });
});
