import type { FigureId } from './figures';
import type { ThemeId } from './shapes';

// The story's shape: themes -> sections -> steps -> figures, in the article's order.
// All words for these ids are in locales/<lang>/story.json.

const step = <const Id extends string>(id: Id, ...figureIds: FigureId[]) => ({ id, figures: figureIds as readonly FigureId[] });

export const THEMES = [
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
] as const satisfies readonly { id: ThemeId; sections: readonly { id: string; steps: readonly { id: string }[] }[] }[];

export type SectionId = (typeof THEMES)[number]['sections'][number]['id'];
export type StepId = (typeof THEMES)[number]['sections'][number]['steps'][number]['id'];
