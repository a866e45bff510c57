// The share cards' server entry, bundled by tools/cards.mjs with Vite's SSR build.
import { render } from 'svelte/server';
import type { Lang } from '../lib/lang';
import { cardText } from './cardText';
import ShareCard from './ShareCard.svelte';

export { cardText };

/** The card in one language as HTML: its styles (injected by the component) and its body. */
export function renderCard(lang: Lang): { head: string; body: string } {
  return render(ShareCard, { props: { lang } });
}
