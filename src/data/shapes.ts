/**
 * The domain of the story over any ids: themes hold sections, sections hold steps, steps show figures.
 * The data is declared against these (figures.ts, outline.ts); types.ts names them with its own ids.
 */

export type ThemeId = 'political' | 'advanced' | 'mass';

/** How the article counts a figure; decides the formatter's suffix and the English note. */
export type Unit = 'people' | 'personTimes' | 'items' | 'households' | 'yuan' | 'percent';

/**
 * The time a figure covers: the five years to the report (a cumulative count), the end of 2018 (the
 * article's own date for the union network), or the state at the report, undated in the article.
 */
export type Period = 'fiveYears' | 'end2018' | 'atReport';

/** The article's hedge on a number: 余 "more than", 近 "nearly", 以上 "at least". */
export type Qualifier = 'more' | 'nearly' | 'atLeast';

/** The scale the article writes a number in: plain digits, 万 (1e4) or 亿 (1e8). */
export type Scale = 1 | 1e4 | 1e8;

/** One chart form a file in src/charts. */
export type ChartForm =
  | 'counter' // numbers that run up: lone counts, and counts of unlike things side by side
  | 'bars' // comparable counts side by side
  | 'units' // one mark per unit (or per block of units): small counts made countable
  | 'waffle' // a share of 100 squares
  | 'slope' // a before/after pair
  | 'ladder' // money paid out or put in, as bars of one scale, each amount named
  | 'ranking'; // kinds of one thing (the service network), longest first

/** A figure of the article. */
export interface Figure<Id extends string> {
  /** Stable id; also the locale key under `figures.` and a public address (`#id`) */
  id: Id;
  /** The value in plain units (3629万元 -> 36_290_000) */
  value: number;
  /** How the article writes it: 3629万 has scale 1e4 */
  scale: Scale;
  unit: Unit;
  /** The article's classifier after the number (名, 个, 人次…): Chinese grammar, absent in English */
  measure?: string;
  qualifier?: Qualifier;
  /** 3万余家 rather than 3余万: the article puts 余 after the scale */
  qualifierAfterScale?: boolean;
  /** A before/after pair: the earlier value, written the same way */
  before?: { value: number; year: number };
  /** The sentence of the article it comes from, verbatim */
  quote: string;
  /** The time it covers (the article's words decide: 五年来, 截至2018年底, or a state) */
  period: Period;
  chart: ChartForm;
}

export interface Step<Id extends string, FigureId extends string> {
  /** Stable id; also the locale key under `steps.` and `notes.` */
  id: Id;
  /** Ids of the figures this step reveals (all of one chart form), or none for a text step */
  figures: readonly FigureId[];
}

/** `S`: its steps. */
export interface Section<Id extends string, S> {
  /** Stable id, usable as `#id` and `?section=id` */
  id: Id;
  steps: readonly S[];
}

/** `S`: its sections. */
export interface Theme<S> {
  id: ThemeId;
  sections: readonly S[];
}
