/** A new build's worker, installed and waiting for the reader's word (the prompt); null when there is none. */
export const update: { waiting: ServiceWorker | null } = $state({ waiting: null });

/** The reader accepted: the waiting worker takes over, and the page reloads on `controllerchange` (registerWorker). */
export function acceptUpdate(): void {
  update.waiting?.postMessage({ type: 'SKIP_WAITING' });
}
