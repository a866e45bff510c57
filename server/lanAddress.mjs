// @ts-check
import { networkInterfaces } from 'node:os';

/** @typedef {ReturnType<typeof networkInterfaces>} Interfaces */

/** 10/8, 172.16/12, 192.168/16: the ranges a venue's Wi-Fi, a travel router or a phone hotspot hands out. */
export function isPrivateIPv4(/** @type {string} */ address) {
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(address);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/**
 * The address to announce to phones: the first non-internal private IPv4 address of this machine,
 * else 127.0.0.1 (no network: the laptop alone can still follow).
 * @param {Interfaces} [interfaces]
 */
export function lanAddress(interfaces = networkInterfaces()) {
  for (const list of Object.values(interfaces)) {
    for (const i of list ?? []) {
      if (i.family === 'IPv4' && !i.internal && isPrivateIPv4(i.address)) return i.address;
    }
  }
  return '127.0.0.1';
}

/** 127/8 and ::1, in the forms Node reports a peer's address. */
export function isLoopback(/** @type {string | undefined} */ address) {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** This machine's own addresses, on every interface. */
export function ownAddresses(interfaces = networkInterfaces()) {
  /** @type {Set<string>} */
  const own = new Set();
  for (const list of Object.values(interfaces)) for (const i of list ?? []) own.add(i.address);
  return own;
}

/** `host` as it goes in a URL: an IPv6 literal gets its brackets. */
export function urlHost(/** @type {string} */ host) {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * A peer on this laptop: loopback, or one of its own addresses (a browser here opening the LAN URL
 * connects from the LAN address, and is the laptop itself as much as 127.0.0.1 is).
 * @param {string | undefined} address
 * @param {Set<string>} [own]
 */
export function isThisMachine(address, own = ownAddresses()) {
  if (isLoopback(address)) return true;
  return !!address && own.has(address.startsWith('::ffff:') ? address.slice(7) : address);
}
