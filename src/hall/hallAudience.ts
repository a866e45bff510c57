/** The venue server that served this page, as the page knows it. */
export interface Hall {
  /** The follower address the server wrote into the page (its LAN address), for the QR code */
  audience: string;
  /** The site's folder, absolute: the live channel is its `hall/` (`hall/events`, `hall/publish`) */
  root: string;
}

/**
 * The audience address from the `hall-audience` meta's content, or null when there is none (the
 * public site, the offline file) or it is not a plain http(s) address.
 */
export function audienceFrom(content: string | null | undefined): string | null {
  if (!content) return null;
  let url: URL;
  try {
    url = new URL(content);
  } catch {
    return null;
  }
  return /^https?:$/.test(url.protocol) && !url.username && !url.password ? url.href : null;
}

/** The audience address the hall server injected into this page, or null off the hall. */
export const hallAudience = (doc: Document): string | null =>
  audienceFrom(doc.querySelector('meta[name="hall-audience"]')?.getAttribute('content'));
