// The little the cross-engine tests (and later the bench) need of a browser, whatever drives it:
// puppeteer over WebDriver BiDi for Firefox, classic WebDriver (selenium) for WebKitGTK.

/** Keys the story answers to; each driver maps them to its own names. */
export type EngineKey = 'ArrowRight' | 'ArrowLeft' | 'ArrowDown' | 'ArrowUp' | 'PageDown' | 'PageUp' | 'Home' | 'End' | 'Enter' | 'Escape';

export interface Size {
  width: number;
  height: number;
}

/** A function run in the page: its arguments and result must survive JSON. */
export type PageFunction<A extends unknown[], T> = (...args: A) => T | Promise<T>;

/** One browser with one tab: tests navigate it from URL to URL. */
export interface EnginePage {
  /** Navigates and waits for the load event; starts a fresh error record for the new document. */
  goto(url: string): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` (or evaluates an expression) in the page and returns its (awaited) result. */
  evaluate<T, A extends unknown[]>(fn: string | PageFunction<A, T>, ...args: A): Promise<T>;
  /** As `evaluate`, inside the iframe that `frameSelector` finds in the page. */
  evaluateInFrame<T, A extends unknown[]>(frameSelector: string, fn: string | PageFunction<A, T>, ...args: A): Promise<T>;
  /** Presses and releases a key, sent to the focused element. */
  press(key: EngineKey): Promise<void>;
  /** Asks for a viewport; returns the one the engine could give (MiniBrowser has a minimum width). */
  setViewport(size: Size): Promise<Size>;
  /** A PNG of the viewport. */
  screenshot(path: string): Promise<void>;
  /** Uncaught errors, unhandled rejections and console errors of the current document (and, where the driver reports them, its frames). */
  errors(): Promise<string[]>;
  /** Ends the browser and every process started for it. */
  close(): Promise<void>;
}

export interface Engine {
  name: 'firefox' | 'webkit';
  /** Starts the browser with one page at `viewport` (default 390x844). */
  launch(options?: { viewport?: Size }): Promise<EnginePage>;
}
