// Settles the language before the first paint: a reader whose browser prefers a language other than
// Chinese, opening the Chinese page with no ?lang=, goes to the English page (query and hash kept)
// instead of seeing the Chinese story redrawn in English after load. Never from a file, never in a
// frame (an embed), never on the English page itself. A file, not inline: a strict CSP allows it.
(function () {
  try {
    var query = new URLSearchParams(location.search);
    var first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
    if (location.protocol === 'file:' || window.self !== window.top) return;
    if (document.documentElement.lang.indexOf('zh') !== 0 || query.has('lang') || query.get('mode') === 'embed') return;
    if (/^zh(-|$)/i.test(first)) return;
    var page = location.pathname.replace(/[^/]*$/, '');
    location.replace(page + 'en/' + location.search + location.hash);
  } catch (e) {
    // Anything unexpected: stay on this page, where the app settles the language itself.
  }
})();
