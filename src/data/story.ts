import { figures } from './figures';
import type { Figure, Section, Step, Theme, ThemeId } from './types';

// The story's shape: themes -> sections -> steps -> figures, in the article's order.
// All words for these ids are in locales/<lang>/story.json.

const step = (id: string, ...figureIds: string[]): Step => ({ id, figures: figureIds });

export const themes: readonly Theme[] = [
  {
    id: 'political',
    sections: [
      { id: 'direction', steps: [step('direction')] },
      { id: 'party', steps: [step('rules', 'rules')] },
      {
        id: 'guidance',
        steps: [
          step('reach', 'reach'),
          step('honours', 'modelWorkers', 'laborAwards', 'laborMedals', 'pioneers'),
          step('culture', 'lectures', 'cultureEvents', 'readingRooms'),
        ],
      },
    ],
  },
  {
    id: 'advanced',
    sections: [
      { id: 'centers', steps: [step('competitions', 'competitors'), step('studios', 'studios')] },
      { id: 'services', steps: [step('partners', 'partners')] },
      {
        id: 'workforce',
        steps: [
          step('boostFunds', 'boostFunds'),
          step('training', 'publicLectures', 'onlineTraining'),
          step('exchange', 'exchange'),
        ],
      },
    ],
  },
  {
    id: 'mass',
    sections: [
      { id: 'reform', steps: [step('reformDocs', 'reformDocs'), step('reformPilots', 'pilotUnits', 'reformAreas')] },
      {
        id: 'grassroots',
        steps: [
          step('federations', 'federations'),
          step('fundsShare', 'fundsShare'),
          step('network', 'unionOrgs', 'legalEntities', 'members'),
        ],
      },
      {
        id: 'rights',
        steps: [
          step('consultation', 'consultationShare', 'democracyShare'),
          step('disputeCases', 'disputeCases'),
          step('disputeAmount', 'disputeAmount'),
          step('ankang', 'ankangFirms'),
        ],
      },
      {
        id: 'care',
        steps: [
          step('places', 'serviceStations', 'workersHomes', 'warmStations', 'babyRooms', 'childcare'),
          step('socialOrgs', 'socialOrgs'),
          step('digital', 'appUsers', 'hotlineCalls'),
          step('mutualAid', 'mutualAidServed'),
          step('mutualAidAmount', 'mutualAidAmount'),
          step('hardship', 'hardship'),
          step('warmthFunds', 'warmthFunds'),
          step('visits', 'visitedFamilies', 'childrenHelped'),
        ],
      },
    ],
  },
];

const byId = new Map(figures.map((f) => [f.id, f]));

/** The figure with this id; throws on a typo in the story, which tests catch at once. */
export function figure(id: string): Figure {
  const f = byId.get(id);
  if (!f) throw new Error(`unknown figure ${id}`);
  return f;
}

export const stepFigures = (s: Step): Figure[] => s.figures.map(figure);

export const THEME_IDS: readonly ThemeId[] = themes.map((t) => t.id);
export const sections: readonly Section[] = themes.flatMap((t) => t.sections);
export const SECTION_IDS: readonly string[] = sections.map((s) => s.id);

/** The theme a theme or section id belongs to, or undefined for an unknown id. */
export function themeOf(id: string): Theme | undefined {
  return themes.find((t) => t.id === id || t.sections.some((s) => s.id === id));
}

/** Every yuan amount of the story: the area chart draws each one against all of them. */
export const yuanFigures: readonly Figure[] = figures.filter((f) => f.unit === 'yuan');
