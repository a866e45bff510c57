/**
 * The URL's modes (`?mode=`), each with its facts written once: the rest of the code asks this table
 * rather than listing modes again. The story is the default: no mode, or one we do not know.
 */
export const MODE_FACTS = {
  /** The page the build writes: hydrated or enhanced where it stands, with large type and Listen. */
  story: { builtPage: true, slides: false, hosted: false, projected: false },
  /** The deck on the audience's screen. */
  present: { builtPage: false, slides: true, hosted: false, projected: true },
  /** The speaker view: the deck with notes, opening the audience's window. */
  presenter: { builtPage: false, slides: true, hosted: false, projected: false },
  /** The story in a news site's iframe, speaking pym.js. */
  embed: { builtPage: false, slides: false, hosted: true, projected: false },
  /** A phone in the hall following the presenter's slide. */
  follow: { builtPage: false, slides: true, hosted: false, projected: false },
  /** The handout on paper. */
  print: { builtPage: false, slides: false, hosted: false, projected: false },
} as const satisfies Record<string, ModeFacts>;

interface ModeFacts {
  /** The built story page itself (large type, Listen, hydration over the page) */
  builtPage: boolean;
  /** Shows slides: loads the deck's words (the `present` locale part) */
  slides: boolean;
  /** Lives in a host's page: its language, its offline copy and its frame's height are the host's (pym.js) */
  hosted: boolean;
  /** On the audience's screen: nothing there asks the presenter anything (no update prompt) */
  projected: boolean;
}

export type Mode = keyof typeof MODE_FACTS;

export const isMode = (value: unknown): value is Mode => typeof value === 'string' && Object.hasOwn(MODE_FACTS, value);

/** The mode a query asks for: one known `?mode`, else the story (absent, repeated or unknown). */
export function modeOf(query: URLSearchParams): Mode {
  const asked = query.getAll('mode');
  const mode = asked.length === 1 ? asked[0].trim() : null;
  return isMode(mode) ? mode : 'story';
}
