import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../../server/buildIfStale.mjs';
import { isHallKey, keyBits } from '../../../protocol/hallKey.js';
import { hallConfig } from '../../../server/hallConfig.mjs';
import { isLoopback, isPrivateIPv4, isThisMachine, lanAddress, urlHost } from '../../../server/lanAddress.mjs';
import { readSlideCount } from '../../../server/readSlideCount.mjs';
import { escapeAttr, injectMeta, safePath } from '../../../server/siteFiles.mjs';

type Ifaces = Parameters<typeof lanAddress>[0];
const iface = (address: string, internal = false, family: 'IPv4' | 'IPv6' = 'IPv4') =>
  ({ address, internal, family, netmask: '', mac: '', cidr: null }) as unknown as NonNullable<NonNullable<Ifaces>[string]>[number];

describe('the address to announce', () => {
  it.each([
    [{ lo: [iface('127.0.0.1', true)], wlan0: [iface('fe80::1', false, 'IPv6'), iface('192.168.1.20')] }, '192.168.1.20'],
    [{ docker0: [iface('203.0.113.5')], wlan0: [iface('10.0.0.7')] }, '10.0.0.7'],
    [{ en0: [iface('172.20.10.2')] }, '172.20.10.2'], // an iPhone hotspot
    [{ en0: [iface('172.32.0.1')] }, '127.0.0.1'], // just outside 172.16/12
    [{ lo: [iface('127.0.0.1', true)] }, '127.0.0.1'], // no network at all
    [{}, '127.0.0.1'],
  ])('%o -> %s', (interfaces, expected) => expect(lanAddress(interfaces as Ifaces)).toBe(expected));

  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['192.169.0.1', false],
    ['8.8.8.8', false],
    ['fd00::1', false],
  ])('%s is private: %s', (a, ok) => expect(isPrivateIPv4(a)).toBe(ok));

  it('brackets an IPv6 host in a URL', () => {
    expect(urlHost('fd00::2')).toBe('[fd00::2]');
    expect(urlHost('192.168.1.2')).toBe('192.168.1.2');
  });
});

describe('who may publish without HALL_REMOTE', () => {
  const own = new Set(['127.0.0.1', '192.168.1.20']);
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.1.20', true], // the laptop opening its own LAN URL
    ['::ffff:192.168.1.20', true],
    ['192.168.1.21', false], // a phone on the Wi-Fi
    ['10.0.0.9', false],
    ['::ffff:10.0.0.9', false],
    [undefined, false],
  ])('%s: %s', (address, ok) => {
    expect(isThisMachine(address, own)).toBe(ok);
    if (address?.startsWith('192.168')) expect(isLoopback(address)).toBe(false);
  });
});

describe('the settings from the environment', () => {
  it('has defaults: port 8080, no key given (the state folder keeps one), 5000 followers, 8 a device, no remote', () => {
    expect(hallConfig({})).toEqual({
      port: 8080,
      key: undefined,
      newKey: false,
      announceHost: undefined,
      bind: undefined,
      remote: false,
      maxFollowers: 5000,
      maxPerAddress: 8,
      site: undefined,
      state: undefined,
    });
    expect(hallConfig({ HALL_KEY: '' }).key).toBeUndefined();
  });

  it('reads every variable', () => {
    const key = 'Kq7-vR2xW9pLm4Tz8Nc3Bh';
    expect(
      hallConfig({
        PORT: '0',
        HALL_KEY: key,
        HALL_NEW_KEY: '1',
        HALL_HOST: '192.168.8.2',
        HALL_BIND: '127.0.0.1',
        HALL_REMOTE: '1',
        HALL_MAX_FOLLOWERS: '3',
        HALL_MAX_PER_ADDRESS: '2',
        HALL_SITE: '/s',
        HALL_STATE: '/var/hall',
      }),
    ).toEqual({ port: 0, key, newKey: true, announceHost: '192.168.8.2', bind: '127.0.0.1', remote: true, maxFollowers: 3, maxPerAddress: 2, site: '/s', state: '/var/hall' });
    expect(hallConfig({ HALL_REMOTE: 'yes' }).remote).toBe(false); // only "1" opens publishing up
    expect(hallConfig({ HALL_NEW_KEY: 'yes' }).newKey).toBe(false);
    expect(hallConfig({ HALL_BIND: '::' }).bind).toBe('::');
  });

  it.each([
    ['0123456789abcdef0123456789abcdef', true], // 32 hex digits (openssl rand -hex 16): 165 bits
    ['Kq7-vR2xW9pLm4Tz8Nc3Bh', true], // 22 characters of every class: 144
    ['test-key-0123456789abcdef', true], // 25 of three classes: 152
    ['k'.repeat(16), false], // 16 of one class: 75
    ['Aa1!Aa1!Aa1!Aa1!', false], // 16 of every class: 105
    ['abcdefghijklmnopqrstuvwxyzab', true], // 28 lower-case letters: 132 (an upper bound, as for any key)
    ['abcdefghijklmnopqrstuvwxy', false], // 25: 118
  ])('key %s is strong enough: %s', (key, ok) => {
    expect(isHallKey(key)).toBe(ok);
    expect(keyBits(key) >= 128).toBe(ok);
  });

  it.each([
    [{ PORT: '-1' }, /PORT/],
    [{ PORT: '65536' }, /PORT/],
    [{ PORT: '80a' }, /PORT/],
    [{ HALL_MAX_FOLLOWERS: '0' }, /HALL_MAX_FOLLOWERS/],
    [{ HALL_KEY: 'short' }, /HALL_KEY/],
    [{ HALL_KEY: 'k'.repeat(16) }, /HALL_KEY.*128 bits/],
    [{ HALL_KEY: 'has a space in it here and more' }, /HALL_KEY/],
    [{ HALL_MAX_PER_ADDRESS: '0' }, /HALL_MAX_PER_ADDRESS/],
    [{ HALL_BIND: 'every' }, /HALL_BIND/],
    [{ HALL_BIND: '127.0.0.1; rm -rf' }, /HALL_BIND/],
    [{ HALL_HOST: '"><script>' }, /HALL_HOST/],
  ])('%o is refused', (env, message) => expect(() => hallConfig(env)).toThrow(message));
});

describe('request paths', () => {
  it.each([
    ['/', '/', ''],
    ['/en/?mode=follow', '/en/', '?mode=follow'],
    ['/assets/x-abc.js', '/assets/x-abc.js', ''],
    ['/a%20b.js', '/a b.js', ''],
  ])('%s is %s', (url, path, search) => expect(safePath(url)).toEqual({ path, search }));

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets%2fx-abc.js',
    '/assets%5cx-abc.js',
    '/assets\\x-abc.js',
    '/..\\secret.txt',
    '/%00',
    '/index.html%00.js',
    '/.env',
    '/%2eenv',
    '/.git/config',
    '//etc/passwd',
    '/%',
    'http://evil/',
    '*',
  ])('%s is refused', (url) => expect(safePath(url)).toBeNull());
});

describe('the injected meta', () => {
  it('escapes the URL for an attribute', () => {
    expect(escapeAttr(`http://h/?a=1&b="<x>'`)).toBe('http://h/?a=1&amp;b=&quot;&lt;x&gt;&#39;');
  });
  it('goes just before </head>, once, and nothing else changes', () => {
    const html = '<html><head><title>t</title></head><body>&lt;/head&gt;</body></html>';
    const out = injectMeta(html, '<meta name="hall-audience" content="u">');
    expect(out).toBe('<html><head><title>t</title><meta name="hall-audience" content="u"></head><body>&lt;/head&gt;</body></html>');
  });
});

describe('the slide count', () => {
  it.each([
    ['{"slides":45}', 45],
    ['{"slides":0}', /whole number/],
    ['{"slides":"45"}', /whole number/],
    ['not json', /cannot read/],
    [null, /cannot read.*deck\.json/],
  ])('deck.json %s -> %s', (text, expected) => {
    const site = mkdtempSync(join(tmpdir(), 'hall-deck-'));
    try {
      mkdirSync(join(site, 'data'));
      if (text !== null) writeFileSync(join(site, 'data', 'deck.json'), text);
      if (typeof expected === 'number') expect(readSlideCount(site)).toBe(expected);
      else expect(() => readSlideCount(site)).toThrow(expected);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('a stale build', () => {
  it('is missing, or older than a source file', () => {
    const root = mkdtempSync(join(tmpdir(), 'hall-stale-'));
    try {
      mkdirSync(join(root, 'src', 'lib'), { recursive: true });
      writeFileSync(join(root, 'src', 'lib', 'a.ts'), '');
      expect(isStale(root)).toBe(true); // no dist/
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'dist', 'index.html'), '');
      const ago = (s: number) => new Date(Date.now() - s * 1000);
      utimesSync(join(root, 'src', 'lib', 'a.ts'), ago(120), ago(120));
      utimesSync(join(root, 'dist', 'index.html'), ago(60), ago(60));
      expect(isStale(root)).toBe(false);
      writeFileSync(join(root, 'vite.config.ts'), ''); // newer than the build
      expect(isStale(root)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
