import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import puppeteer, { type Browser, type Frame } from 'puppeteer-core';
import { catchErrors, caughtErrors } from './catchErrors';
import { adoptGroup } from './processGroup';
import { requireBinary } from './requireBinary';
import type { Engine, EnginePage, PageFunction, Size } from './types';

/** Debian's Firefox ESR (or FIREFOX_PATH), driven by puppeteer over WebDriver BiDi: no geckodriver, no download. */
export const firefoxPath = () => requireBinary(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', 'Firefox');

// puppeteer's types want a literal function; ours come from the shared interface.
type AnyFunction = (...args: unknown[]) => unknown;

function run<T, A extends unknown[]>(target: { evaluate: Frame['evaluate'] }, fn: string | PageFunction<A, T>, args: A): Promise<T> {
  return (typeof fn === 'string' ? target.evaluate(fn) : target.evaluate(fn as AnyFunction, ...args)) as Promise<T>;
}

export const firefox: Engine = {
  name: 'firefox',
  async launch({ viewport = { width: 390, height: 844 } } = {}) {
    const browser: Browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      defaultViewport: viewport,
      // puppeteer's own SIGTERM handling closes Firefox but keeps the worker alive; ours kills both.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const release = browser.process() ? adoptGroup(browser.process()!) : () => undefined;
    try {
      const page = (await browser.pages())[0] ?? (await browser.newPage());
      // Errors reported by the driver, kept until the next navigation.
      let reported: string[] = [];
      page.on('pageerror', (e) => reported.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
      page.on('console', (m) => m.type() === 'error' && reported.push(`console: ${m.text()}`));
      await page.evaluateOnNewDocument(catchErrors);
      await page.setViewport(viewport); // defaultViewport does not reach the tab Firefox opens with

      const enginePage: EnginePage = {
        async goto(url) {
          reported = [];
          await page.goto(url, { waitUntil: 'load' });
        },
        url: async () => page.url(),
        evaluate: (fn, ...args) => run(page, fn, args),
        async evaluateInFrame(selector, fn, ...args) {
          const handle = await page.waitForSelector(selector, { timeout: 10_000 });
          const frame = await handle?.contentFrame();
          if (!frame) throw new Error(`no frame at ${selector}`);
          return run(frame, fn, args);
        },
        press: (key) => page.keyboard.press(key),
        async setViewport(size: Size) {
          await page.setViewport(size);
          return page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
        },
        async screenshot(path) {
          mkdirSync(dirname(path), { recursive: true });
          await page.screenshot({ path: path as `${string}.png` });
        },
        async errors() {
          const inPage = await page.evaluate(caughtErrors).catch((e: Error) => [`could not read the page's errors: ${e.message}`]);
          return [...reported, ...(inPage ?? ['the error catcher is missing from the page'])];
        },
        async close() {
          const proc = browser.process();
          await Promise.race([browser.close(), new Promise((ok) => setTimeout(ok, 10_000))]).catch(() => undefined);
          if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
          release();
        },
      };
      return enginePage;
    } catch (e) {
      browser.process()?.kill('SIGKILL');
      release();
      throw e;
    }
  },
};
