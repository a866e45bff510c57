// @ts-check

/** What every response carries: the README's strict policy, plus blob:/data: images for figure cards. */
export const securityHeaders = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' blob: data:; base-uri 'self'; object-src 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});

/**
 * A short plain-text answer (errors, refusals); the security headers are already on `res`.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string | number>} [headers]
 */
export function reply(res, status, text, headers = {}) {
  const body = `${text}\n`;
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}
