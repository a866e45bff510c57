import { figures, type FigureId } from './figures';
import { THEMES, type SectionId } from './outline';
import type { Figure, Section, Step, Theme, ThemeId } from './types';

// The story's outline (outline.ts) with its figures, and the questions the app asks of it.

export const themes: readonly Theme[] = THEMES;

const byId = new Map(figures.map((f) => [f.id, f]));

/** The figure with this id (the type makes a typo a compile error). */
export const figure = (id: FigureId): Figure => byId.get(id)!;

export const stepFigures = (s: Step): Figure[] => s.figures.map(figure);

export const THEME_IDS: readonly ThemeId[] = themes.map((t) => t.id);
export const sections: readonly Section[] = themes.flatMap((t) => t.sections);
export const SECTION_IDS: readonly SectionId[] = sections.map((s) => s.id);

/** A place in the story a link can open: a theme, a section, or a figure (its step). */
export type PlaceId = ThemeId | SectionId | FigureId;
const PLACES = new Set<string>([...THEME_IDS, ...SECTION_IDS, ...figures.map((f) => f.id)]);
export const isPlaceId = (id: string | null): id is PlaceId => id !== null && PLACES.has(id);

/** Every step with its section and theme, in the story's order. */
export const stepsInOrder = themes.flatMap((theme) => theme.sections.flatMap((section) => section.steps.map((step) => ({ theme, section, step }))));

/** The step that shows a figure. */
export const stepOf = (id: FigureId) => stepsInOrder.find(({ step }) => step.figures.includes(id))!;

/** The theme a place belongs to, or undefined for an unknown id. */
export function themeOf(id: string | null): Theme | undefined {
  return themes.find((t) => t.id === id || t.sections.some((s) => s.id === id || s.steps.some((st) => st.figures.some((f) => f === id))));
}

/**
 * The money the unions paid out or put in: the ladder sets each amount among these. (The 7.7亿 at
 * stake in dispute cases is money of another kind, so it is not among them.)
 */
export const moneyPaidOut: readonly Figure[] = figures.filter((f) => f.chart === 'ladder');

/** The earlier value of a before/after pair, as a figure of its own for the formatter. */
export const earlier = (f: Figure): Figure => ({ ...f, value: f.before?.value ?? f.value, before: undefined });

/** One figure for each theme, the one to remember: the story's ending, the closing slide, the lobby's resting card and the share cards. */
export const heroes: Readonly<Record<ThemeId, FigureId>> = { political: 'modelWorkers', advanced: 'studios', mass: 'consultationShare' };
