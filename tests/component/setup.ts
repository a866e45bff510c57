import '@testing-library/jest-dom/vitest';
class Inert {
  observe() {}
  unobserve() {}
  disconnect() {}
}
// jsdom has no ResizeObserver (bind:clientWidth uses one): charts then keep their first estimate.
globalThis.ResizeObserver ??= Inert as unknown as typeof ResizeObserver;
// jsdom has no matchMedia (svelte/motion's prefersReducedMotion reads one): nothing matches.
window.matchMedia ??= ((query: string) => ({
  matches: false,
  media: query,
  onchange: null,
  addEventListener() {},
  removeEventListener() {},
  addListener() {},
  removeListener() {},
  dispatchEvent: () => false,
})) as typeof window.matchMedia;
