import './app.css';
import { lazy } from './lib/lazy';
import { canWait, whenWanted } from './lib/whenWanted';

// The built page is the first view: its story is HTML, and its first screen needs no code. The app
// (Svelte, i18next, the story's code and words) starts at the reader's first gesture, or as the first
// theme comes within a screen, so nothing the first paint does not use is fetched before it. Any other
// page (a mode, a place, the other language, the single file, dev) starts at once.
const built = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'; // the language the build wrote this page in
// On paper the article's sentences show under every step, whether or not the app has started.
addEventListener('beforeprint', () => document.querySelectorAll('details.source').forEach((d) => d.setAttribute('open', '')));
const waits =
  import.meta.env.PROD &&
  import.meta.env.MODE !== 'offline' &&
  document.getElementById('app')?.firstElementChild != null &&
  canWait(location, built, navigator.languages);
const { wanted, replay } = waits ? whenWanted(document.querySelector('section[data-theme]')) : { wanted: Promise.resolve(), replay: () => {} };

wanted
  .then(() => lazy(() => import('./start')))
  .then(({ start }) => start(built))
  .then(replay)
  .catch((error: unknown) => {
    // The words or the app could not load (offline, or a deploy replaced them twice): the built page
    // keeps the story's text and figures, and says why nothing moves.
    document.querySelector('[data-boot-trouble]')?.removeAttribute('hidden');
    document.documentElement.dataset.ready = 'failed';
    console.warn('The story could not start:', error);
  });
