import { isHallKey } from '../../protocol/hallKey.js';

const STORE = 'bjftu14-hall-key';


/** Where the key waits when the tab's storage is refused: this page only, lost on reload. */
const memory = new Map<string, string>();
const inMemory: Pick<Storage, 'getItem' | 'setItem'> = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
};

/** The tab's sessionStorage if it can be written, else this page's memory. */
export function tabStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  try {
    sessionStorage.setItem(STORE + '?', '');
    sessionStorage.removeItem(STORE + '?');
    return sessionStorage;
  } catch {
    return inMemory; // blocked site data, or no storage at all
  }
}

/**
 * Takes the speaker view's key out of its address: returns the key (the URL's, else the one this tab
 * kept from before a reload) and the address without `key`, so that neither the address bar, the
 * audience window's address nor a copied link carries it.
 */
export function takeKey(href: string, storage: Pick<Storage, 'getItem' | 'setItem'>): { key: string | null; href: string } {
  const url = new URL(href);
  const given = url.searchParams.getAll('key');
  if (given.length === 0) {
    const kept = storage.getItem(STORE);
    return { key: isHallKey(kept) ? kept : null, href };
  }
  url.searchParams.delete('key');
  const key = given.length === 1 && isHallKey(given[0]) ? given[0] : null;
  if (key) storage.setItem(STORE, key);
  return { key, href: url.href };
}
