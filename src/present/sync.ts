import { slideState } from '../../protocol/slideState.js';
import type { Deck } from './deck.svelte';

/** One channel per deck session: a lobby loop or a rehearsal in another tab never moves the live deck. */
export const channelName = (session: string) => `bjftu14-deck:${session}`;

type Message = { type: 'state'; index: number; black: boolean } | { type: 'hello' };

/** A message from another window, if it is one we expect; anything else is null. */
export function readMessage(data: unknown, count: number): Message | null {
  const hello = typeof data === 'object' && data !== null && Object.keys(data).length === 1 && 'type' in data && data.type === 'hello';
  if (hello) return { type: 'hello' };
  const state = slideState(data, count, ['type', 'index', 'black']);
  return state?.type === 'state' ? { type: 'state', index: state.index, black: state.black } : null;
}

/**
 * Keeps this window's deck in step with the deck in every other window of its session (the speaker
 * view and the audience window it opened): each move is broadcast; a window that opens or reloads
 * says hello and is told where the others stand. Returns the teardown.
 */
export function syncDeck(deck: Deck, session: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(channelName(session));
  const tell = () => channel.postMessage({ type: 'state', index: deck.index, black: deck.black });
  const unsubscribe = deck.subscribe(tell);
  channel.onmessage = (event) => {
    const m = readMessage(event.data, deck.count);
    if (m?.type === 'hello') tell();
    else if (m?.type === 'state') deck.sync(m.index, m.black);
  };
  channel.postMessage({ type: 'hello' });
  return () => {
    unsubscribe();
    channel.close();
  };
}
