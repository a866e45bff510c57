import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../../tools/browsers/chromium.js';
import { serveDir } from '../../tools/serve.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

/** Serves the production build (`npm test` builds it first) for every browser test. */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail fast, with the install command, when Chromium is missing
  const server = await serveDir('dist');
  project.provide('baseURL', server.url);
  return server.close;
}
