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

// Large type (长辈模式, src/lib/largeType.ts) before the first paint: the size this device keeps, or
// ?type=large, on the story only (slides, print and embeds keep their own type).
(function () {
  try {
    var query = new URLSearchParams(location.search);
    var mode = query.get('mode');
    if (mode !== null && mode !== 'story') return;
    var kept = localStorage.getItem('bjftu14-type');
    var size = kept === '1' || kept === '2' || kept === '3' ? kept : query.getAll('type').join() === 'large' ? '1' : '';
    if (!size) return;
    document.documentElement.setAttribute('data-type', 'large');
    document.documentElement.setAttribute('data-type-size', size);
  } catch (e) {
    // Storage refused: the app applies what the URL asks once it runs.
  }
})();
