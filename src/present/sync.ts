import type { Deck } from './deck.svelte';

/** One channel per deck session: a lobby loop or a rehearsal in another tab never moves the live deck. */
export const channelName = (session: string) => `bjftu14-deck:${session}`;

type Message = { type: 'state'; index: number; black: boolean } | { type: 'hello' };

/** A message from another window, if it is one we expect; anything else is null. */
export function readMessage(data: unknown, count: number): Message | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello' && Object.keys(m).length === 1) return { type: 'hello' };
  if (
    m.type === 'state' &&
    Number.isInteger(m.index) &&
    (m.index as number) >= 0 &&
    (m.index as number) < count &&
    typeof m.black === 'boolean'
  ) {
    return { type: 'state', index: m.index as number, black: m.black };
  }
  return null;
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
