import { langOfHtml, languagePage } from './lib/lang';
import { applyTypeOfVisit } from './lib/largeType';
import { MODE_FACTS, modeOf } from './lib/modes';

// What the built pages settle before their first paint, from the head: built by vite.config.ts into
// its own classic script, lang.js. A file, not inline: a strict CSP allows only files. Each part on
// its own, so that a failure leaves the other and the page (the app settles both again once it runs).
const facts = MODE_FACTS[modeOf(new URLSearchParams(location.search))];

// The language: a reader whose browser prefers a language other than Chinese, opening the Chinese
// page with no ?lang=, goes to the English page instead of seeing the Chinese story redrawn in English
// after load. Never from a file, never in a frame or an embed (the host chose the page).
try {
  if (location.protocol !== 'file:' && window.self === window.top && !facts.hosted) {
    const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
    const page = languagePage(location, langOfHtml(document.documentElement.lang), languages);
    if (page !== null) location.replace(page);
  }
} catch {
  // Anything unexpected: stay on this page, where the app settles the language itself.
}

// Large type (长辈模式): the size this device keeps, or ?type=large, on the story only (slides,
// print and embeds keep their own type).
try {
  if (facts.builtPage) applyTypeOfVisit();
} catch {
  // Storage refused: the app applies what the URL asks once it runs.
}
