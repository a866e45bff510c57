import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { defineConfig } from 'vitest/config';
import { siteUrlFrom } from './src/lib/site.ts';
import { prerender } from './vite.prerender.ts';
import { colourTokens } from './vite.colours.ts';
import { customMediaQueries } from './vite.media.ts';
import { classicScript } from './vite.script.ts';
import { serviceWorker } from './vite.sw.ts';

/** For a file on a USB stick: the favicon goes inside the page, as nothing beside it is shipped. */
const inlineFavicon = (): Plugin => ({
  name: 'inline-favicon',
  transformIndexHtml: {
    order: 'post',
    handler: (html) =>
      html.replace(
        /href="\.?\/icons\/favicon-32\.png"/,
        () => `href="data:image/png;base64,${readFileSync('static/icons/favicon-32.png').toString('base64')}"`,
      ),
  },
});

/** What a host page needs to embed us, from our own origin: pym.js itself (MIT), beside our example host page. */
const shipPym = (): Plugin => ({
  name: 'ship-pym',
  apply: 'build',
  generateBundle() {
    const source = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'));
    this.emitFile({ type: 'asset', fileName: 'embed/pym.v1.min.js', source });
  },
});

/**
 * The published site's pages settle their language and type size before the first paint: lang.js,
 * built from src/beforePaint.ts (and lib/lang.ts's rule, the app's own), a file of its own in the head.
 */
const settleLanguage = (): Plugin => ({
  name: 'settle-language',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<meta charset="utf-8" />', (m) => `${m}\n    <script src="./lang.js"></script>`),
  async generateBundle() {
    if (this.environment.config.build.ssr) return;
    const source = await classicScript(this.environment.config.root, 'src/beforePaint.ts', { name: 'beforePaint', minify: true });
    this.emitFile({ type: 'asset', fileName: 'lang.js', source });
  },
});

/**
 * The chart code (the slides', the embed's, the app's once hydrated) is compiled whole when it arrives,
 * by an explicit compile hint (Chromium 136+), not function by function inside the frame where a
 * slide's chart is first drawn.
 */
const compileChartsWhole = (): Plugin => ({
  name: 'compile-charts-whole',
  apply: 'build',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk' && chunk.name === 'Chart') chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
  },
});

// `vite build --mode offline` (npm run build:offline): the whole story, both languages and every
// mode, in one self-contained dist-offline/index.html that runs from file:// with no network.
// `base: './'`: every URL in the build is relative, so the same dist/ works copied into any folder.
// SITE_URL (optional) is the public address, for share cards and canonical links, which must be absolute.
/** The order browser files start in (tests/support/realTimeFirst.ts); loaded under vitest only, not by a build. */
const sequencer = process.env.VITEST ? (await import('./tests/support/realTimeFirst.ts')).RealTimeFirst : undefined;
/** The hall's files in a browser: its promises on the clock, its rehearsal, and what the room sees (hallRoom, no clock). */
const HALL = ['tests/browser/hall.test.ts', 'tests/browser/hallRehearsal.test.ts', 'tests/browser/hallRoom.test.ts'];
/** The hall server's own tests: timers of a second held to a few (a 408, a closed socket, an exit at SIGINT). */
const HALL_SERVER = ['tests/unit/hall/**/*.test.ts'];
/** What every test that drives a browser needs: the built site served (global-setup), and time for pages. */
const IN_A_BROWSER = { environment: 'node' as const, globalSetup: ['tests/browser/global-setup.ts'], testTimeout: 120_000, hookTimeout: 60_000 };

export default defineConfig(({ mode }) => ({
  base: './',
  define: { __SITE_URL__: JSON.stringify(mode === 'offline' ? null : siteUrlFrom(process.env.SITE_URL)) },
  plugins:
    mode === 'offline'
      ? [svelte(), colourTokens(), customMediaQueries(), inlineFavicon(), viteSingleFile(), prerender({ offline: true })]
      : [svelte(), colourTokens(), customMediaQueries(), settleLanguage(), compileChartsWhole(), prerender(), shipPym(), serviceWorker()], // serviceWorker() after prerender(): it lists the pages
  publicDir: 'static',
  build:
    mode === 'offline'
      ? { target: 'es2022', outDir: 'dist-offline', emptyOutDir: true, copyPublicDir: false }
      : { target: 'es2022', outDir: 'dist', emptyOutDir: true, cssCodeSplit: false },
  test: {
    sequence: { sequencer },
    // Two files at a time where a project says nothing (the hall): vitest's default on two cores is one.
    maxWorkers: 2,
    // The unit and component files share the browser files' three workers (a group must have one
    // count): short, they fill the end of the browser phase, where its last files left the CPU idle,
    // rather than take 37 s of their own before it.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: HALL_SERVER, environment: 'node', maxWorkers: 3, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/component/setup.ts'],
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          exclude: HALL,
          ...IN_A_BROWSER,
          // Three files at a time: every test opens its own
          // context, port and display (Xvfb -displayfd), so none collide. On two cores, with Chromium's
          // headless shell, three took the browser files from about 330 s to 260 s (the walks that
          // watch real reveals leave the CPU idle); four, with the full browser, ran each file 2.7x slower.
          maxWorkers: 3,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The hall's promises are held to the wall clock (a phone on the slide within half a second,
          // within 2 s of a restart): its files run last, with the machine to themselves, two at a
          // time, the rehearsal first. It mostly waits (a 30 s silent Wi-Fi), and the clock's lags
          // beside it were those of one file at a time (keys to phones 12–111 ms against 500, the
          // rehearsal's worst 1.03–1.18 s against 2 s). hallRoom, with no clock, was slower among the
          // browser files (48–60 s, not 20) and slowed them; all three at once raised the lags.
          name: 'hall',
          include: HALL,
          ...IN_A_BROWSER,
          sequence: { groupOrder: 2 },
        },
      },
      {
        extends: true,
        // With the hall's files, on the quiet machine: beside the busy browsers a timer may run late.
        test: { name: 'hall server', include: HALL_SERVER, environment: 'node', sequence: { groupOrder: 2 } },
      },
    ],
  },
}));
