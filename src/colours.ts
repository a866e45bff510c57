/**
 * Every colour the project draws with, once. The pages read them as custom properties (`--ink`,
 * `--night-muted` …), which the build writes into app.css's `:root` (vite.colours.ts); the share
 * cards set the same properties on their card; the web app manifest, the page's theme-color and the
 * icons (tools/icons.js) read the values here. A colour used anywhere else is a token here first.
 */
/** The page's panels and the speaker view's text: one warm off-white on both grounds. */
const cream = '#f4f2ee';

export const colours = {
  // The page: ink on paper, the themes' colours (the share cards' and the slides' too).
  ink: '#16181d',
  paper: '#ffffff',
  panel: cream,
  muted: '#545860',
  /** Large type's grey text, darker (10:1 on paper) */
  mutedLarge: '#3a3d43',
  rule: '#d9d6d0',
  track: '#e4e1db',
  /** The keyboard's focus ring */
  focus: '#1a5fd0',
  political: '#a31515',
  advanced: '#0b4f9c',
  mass: '#16592b',
  /** A connection being lost or regained (the hall's status dot on a phone) */
  warning: '#b34700',
  /** Small print on the share cards; the speaker view's rules on its dark ground */
  slate: '#4a4d55',
  // The speaker's laptop in a dark hall (the presenter view and its hall controls): light on dark.
  night: '#1d1f24',
  nightInk: cream,
  nightMuted: '#c9c6c0',
  /** What asks the speaker's eye: a warning, a figure in the notes, a failed start on the page */
  highlight: '#ffd166',
  /** The hall is live */
  live: '#5fd38d',
  // The projector: a blacked-out screen is black.
  black: '#000000',
} as const;

export type Colour = keyof typeof colours;

/** `nightMuted` -> `--night-muted`: the custom property that carries a colour in CSS. */
export const property = (name: string): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Every colour as CSS declarations (`--ink: #16181d; …`), for a `:root` rule or an element's style. */
export const colourDeclarations = (): string =>
  Object.entries(colours).map(([name, value]) => `${property(name)}: ${value};`).join(' ');
