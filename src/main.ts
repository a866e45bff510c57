import './app.css';
import { bootFailed } from './lib/bootFailed';
import { langOfHtml } from './lib/lang';
import { lazy } from './lib/lazy';
import { MODE_FACTS, modeOf } from './lib/modes';
import { startLargeType } from './lib/largeType';
import { startListen } from './listen/start';
import { canWait, whenWanted } from './lib/whenWanted';

// The built page is the story: its text and every graphic are HTML, and reading it needs no app.
// It is enhanced (story/enhance.ts: the rule for when a graphic plays, the address bar) once the
// browser is idle after loading it, or at the reader's first gesture. Any other page (a mode, a place,
// the other language, the single file, dev) starts the whole app at once (start.ts).
const built = langOfHtml(document.documentElement.lang); // the language the build wrote this page in
// On paper the article's sentences show under every step, whether or not the app has started.
addEventListener('beforeprint', () => document.querySelectorAll('details.source').forEach((d) => d.setAttribute('open', '')));
// Large type (the story's 长辈模式) and Listen (语音阅读) answer their controls from the first click,
// the app started or not: installed first, their clicks wake nothing else. Slides, print and embeds
// keep their own type and have no narrator.
if (MODE_FACTS[modeOf(new URLSearchParams(location.search))].builtPage) {
  startLargeType();
  startListen();
}
const enhances =
  import.meta.env.PROD &&
  import.meta.env.MODE !== 'offline' &&
  document.getElementById('app')?.firstElementChild != null &&
  canWait(location, built, navigator.languages);
const { wanted, replay } = enhances ? whenWanted() : { wanted: Promise.resolve(), replay: () => {} };

wanted
  .then(() =>
    enhances
      ? lazy(() => import('./story/enhance')).then(({ enhance }) => enhance(built))
      : lazy(() => import('./start')).then(({ start }) => start(built)),
  )
  .then(replay)
  .catch(bootFailed);
