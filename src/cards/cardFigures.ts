import { heroes, themes } from '../data/story';

/**
 * The share card's three figures, one per theme (the story's heroes: the recap shows the same), each
 * drawn in its theme's colour. `meta.imageAlt` names exactly these (tests/unit/cards.test.ts). No
 * locale import here, so the page can import it.
 */
export const CARD_FIGURES = themes.map(({ id }) => ({ theme: id, id: heroes[id] }));
