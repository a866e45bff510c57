/** How the worker answers a request: from a precached file (a path inside its folder), with a redirect, or not at all. */
export type Answer = { file: string } | { redirect: string } | null;

/**
 * What answers `href` in the worker whose folder is `scope`, given its precached `files` (paths
 * inside the folder; a page is listed by its folder: '' and 'en/'). Null leaves the request to the
 * network, as if there were no worker: anything outside the folder or not precached. A page's
 * `?query` is the app's to read, so it never misses the page.
 */
export function answerFor(href: string, scope: string, files: ReadonlySet<string>, navigate: boolean): Answer {
  const url = new URL(href);
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  const rel = url.pathname.slice(root.pathname.length);
  if (!navigate) return files.has(rel) ? { file: rel } : null;
  const folder = rel === 'index.html' || rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  if ((folder === '' || folder.endsWith('/')) && files.has(folder)) return { file: folder };
  // A folder typed without its slash (`…/en`): the redirect a host gives, so that relative URLs resolve.
  if (rel !== '' && files.has(`${rel}/`)) return { redirect: `${root.origin}${root.pathname}${rel}/${url.search}` };
  return null;
}
