/**
 * The domain of the story with its own ids, the literal unions the data derives (a typo is a compile
 * error). The shapes are in shapes.ts, which the data is declared against; this file only names them.
 */
import type { FigureId } from './figures';
import type { SectionId, StepId } from './outline';
import type * as Shapes from './shapes';

export type { FigureId, SectionId, StepId };
export type { ChartForm, Period, Qualifier, Scale, ThemeId, Unit } from './shapes';

export type Figure = Shapes.Figure<FigureId>;
export type Step = Shapes.Step<StepId, FigureId>;
export type Section = Shapes.Section<SectionId, Step>;
export type Theme = Shapes.Theme<Section>;
