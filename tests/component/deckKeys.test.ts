import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deck } from '../../src/present/deck.svelte';
import { deckKeys } from '../../src/present/input';

const key = (k: string, init: KeyboardEventInit = {}) => window.dispatchEvent(new KeyboardEvent('keydown', { key: k, cancelable: true, ...init }));

describe('deckKeys', () => {
  afterEach(() => vi.useRealTimers());

  // The promise: a clicker moves the deck while the view is up, and nothing once it is gone (the
  // teardown is the attachment's own, not another effect's).
  it('moves the deck from the window while attached, and stops with its teardown', () => {
    const deck = new Deck(10);
    const detach = deckKeys(deck, () => {})(document.createElement('main'));
    key('PageDown');
    key('PageDown');
    expect(deck.index).toBe(2);
    key('PageDown', { ctrlKey: true }); // the browser's
    expect(deck.index).toBe(2);
    detach?.();
    key('PageDown');
    expect(deck.index).toBe(2);
  });

  it('jumps to a typed slide, and forgets digits typed before its teardown', () => {
    vi.useFakeTimers();
    const deck = new Deck(20);
    const detach = deckKeys(deck, () => {})(document.createElement('main'));
    key('1');
    key('2');
    key('Enter');
    expect(deck.index).toBe(11);
    key('3');
    detach?.();
    const again = deckKeys(deck, () => {})(document.createElement('main'));
    key('Enter'); // a fresh handler: Enter alone goes on
    expect(deck.index).toBe(12);
    again?.();
  });
});
