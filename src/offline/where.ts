import { MODE_FACTS, type Mode } from '../lib/modes';

/** What decides whether a page may install the offline copy. */
export interface Here {
  /** The URL's mode */
  mode: Mode;
  /** The page's protocol: `file:` for the single file opened from a USB stick */
  protocol: string;
  /** Served by the venue server (its `<meta name="hall-audience">`): a worker would keep serving an old build there */
  hall: boolean;
  /** The browser has service workers (in-app web views may not) */
  serviceWorker: boolean;
  /** Inside an iframe: a news site's article, whose page is the host's, not ours */
  framed: boolean;
}

/** True where a service worker may be registered: a top-level page of the published site, and nowhere else. */
export const shouldRegister = (here: Here): boolean =>
  here.serviceWorker && /^https?:$/.test(here.protocol) && !here.hall && !here.framed && !MODE_FACTS[here.mode].hosted;
