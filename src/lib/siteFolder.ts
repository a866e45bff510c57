/**
 * The folder the site was published in: every chunk sits in its assets/ (this module's too); the
 * single-file build is the page itself.
 */
export function siteFolder(): string {
  if (import.meta.env.DEV) return new URL('./', location.href).href;
  const up = import.meta.env.MODE === 'offline' ? './' : '../';
  return new URL(up, import.meta.url).href;
}
