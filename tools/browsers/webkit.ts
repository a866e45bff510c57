import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import { catchErrors, caughtErrors } from './catchErrors';
import { startGroup, type ProcessGroup } from './processGroup';
import { requireBinary } from './requireBinary';
import type { Engine, EngineKey, EnginePage, PageFunction, Size } from './types';
import { startXvfb } from './xvfb';

/** WebKitGTK's driver and its MiniBrowser, from Debian's webkit2gtk-driver (the library's own MiniBrowser). */
export const webkitDriverPath = () => requireBinary(process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver', 'WebKitWebDriver');
const multiarch = process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
export const miniBrowserPath = () =>
  requireBinary(process.env.MINIBROWSER_PATH || `/usr/lib/${multiarch}/webkit2gtk-4.1/MiniBrowser`, 'MiniBrowser');

const KEYS: Record<EngineKey, string> = {
  ArrowRight: Key.ARROW_RIGHT,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  PageDown: Key.PAGE_DOWN,
  PageUp: Key.PAGE_UP,
  Home: Key.HOME,
  End: Key.END,
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
};

/** A port no one listens on now (the driver takes it a moment later; a lost race is retried). */
const freePort = () =>
  new Promise<number>((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });

/** Starts WebKitWebDriver on a free port on `display`; resolves once it answers /status. */
async function startDriver(display: string): Promise<{ driver: ProcessGroup; url: string }> {
  const binary = webkitDriverPath();
  let lastOutput = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const driver = startGroup(binary, [`--port=${port}`, '--host=127.0.0.1'], { env: { ...process.env, DISPLAY: display } });
    const url = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100 && driver.child.exitCode === null; i++) {
      const ready = await fetch(`${url}/status`).then((r) => r.ok, () => false);
      if (ready) return { driver, url };
      await new Promise((ok) => setTimeout(ok, 100));
    }
    lastOutput = driver.output();
    await driver.kill();
  }
  throw new Error(`WebKitWebDriver did not start:\n${lastOutput}`);
}

/** Selenium wraps a function as `return (fn).apply(null, arguments)`; an expression needs its `return`. */
function run<T, A extends unknown[]>(driver: WebDriver, fn: string | PageFunction<A, T>, args: A): Promise<T> {
  return driver.executeScript(typeof fn === 'string' ? `return (${fn});` : (fn as () => T), ...args) as Promise<T>;
}

/**
 * WebKitGTK's MiniBrowser under Xvfb through classic WebDriver (selenium-webdriver). WebDriver
 * classic has no preload script and no console log here, so the error catcher is injected right
 * after each load event: an error before it shows as a page that never gets ready instead.
 */
export const webkit: Engine = {
  name: 'webkit',
  async launch({ viewport = { width: 390, height: 844 } } = {}) {
    const browserBinary = miniBrowserPath();
    webkitDriverPath(); // every binary checked before anything starts
    const x = await startXvfb();
    let driverProcess: ProcessGroup | undefined;
    let session: WebDriver | undefined;
    const close = async () => {
      await Promise.race([session?.quit(), new Promise((ok) => setTimeout(ok, 10_000))]).catch(() => undefined);
      await driverProcess?.kill();
      await x.close();
    };
    try {
      const started = await startDriver(x.display);
      driverProcess = started.driver;
      session = await new Builder()
        .usingServer(started.url)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: browserBinary, args: ['--automation'] },
        })
        .build();
      const driver = session;
      const page: EnginePage = {
        async goto(url) {
          await driver.get(url);
          await driver.executeScript(catchErrors);
        },
        url: () => driver.getCurrentUrl(),
        evaluate: (fn, ...args) => run(driver, fn, args),
        async evaluateInFrame(selector, fn, ...args) {
          const element = await driver.wait(async () => (await driver.findElements(By.css(selector)))[0], 10_000, `no frame at ${selector}`);
          await driver.switchTo().frame(element);
          try {
            return await run(driver, fn, args);
          } finally {
            await driver.switchTo().defaultContent();
          }
        },
        press: (key) => driver.actions().sendKeys(KEYS[key]).perform(),
        // The window includes MiniBrowser's toolbar: size it, then grow it by what the toolbar takes.
        async setViewport(size: Size) {
          const inner = () => run(driver, () => ({ width: innerWidth, height: innerHeight }), []);
          await driver.manage().window().setRect({ x: 0, y: 0, ...size });
          const got = await inner();
          await driver.manage().window().setRect({
            x: 0,
            y: 0,
            width: size.width + Math.max(0, size.width - got.width),
            height: size.height + (size.height - got.height),
          });
          return inner();
        },
        async screenshot(path) {
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, await driver.takeScreenshot(), 'base64');
        },
        async errors() {
          const inPage = await run(driver, caughtErrors, []).catch((e: Error) => [`could not read the page's errors: ${e.message}`]);
          return inPage ?? ['the error catcher is missing from the page'];
        },
        close,
      };
      await page.setViewport(viewport);
      return page;
    } catch (e) {
      await close();
      throw e;
    }
  },
};
