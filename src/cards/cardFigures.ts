import type { FigureId } from '../data/figures';
import type { ThemeId } from '../data/types';

/**
 * The share card's three figures, one per theme, each drawn in its theme's colour. `meta.imageAlt`
 * names exactly these (tests/unit/cards.test.ts). No locale import here, so the page can import it.
 */
export const CARD_FIGURES = [
  { theme: 'political', id: 'modelWorkers' },
  { theme: 'advanced', id: 'studios' },
  { theme: 'mass', id: 'consultationShare' },
] as const satisfies readonly { theme: ThemeId; id: FigureId }[];
