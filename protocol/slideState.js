// @ts-check
// The slide state every channel carries: the presenter's publish to the hall (server/publish.mjs),
// the hall's events to the phones (src/hall/liveSlide.ts) and the messages between the windows of one
// deck (src/present/sync.ts). One guard for all three.

/**
 * `v` if it is a plain object with exactly the keys `keys` (which include `index` and `black`), its
 * `index` an integer in [0, count) and `black` a boolean; null otherwise. `-0` comes back as 0.
 * @template {string} K
 * @param {unknown} v
 * @param {number} count
 * @param {readonly K[]} keys
 * @returns {({ index: number, black: boolean } & Record<K, unknown>) | null}
 */
export function slideState(v, count, keys) {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const own = Object.keys(v);
  if (own.length !== keys.length || !keys.every((k) => own.includes(k))) return null;
  const { index, black } = /** @type {Record<string, unknown>} */ (v);
  if (typeof black !== 'boolean' || typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= count) return null;
  return /** @type {({ index: number, black: boolean } & Record<K, unknown>)} */ ({ ...v, index: index + 0, black });
}
