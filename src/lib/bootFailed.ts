/**
 * The words or the app could not load (offline, or a deploy replaced them twice): the built page keeps
 * the story's text and figures, and says why nothing moves.
 */
export function bootFailed(error: unknown): void {
  document.querySelector('[data-boot-trouble]')?.removeAttribute('hidden');
  document.documentElement.dataset.ready = 'failed';
  console.warn('The story could not start:', error);
}
