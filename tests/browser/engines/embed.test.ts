import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { catchErrors, caughtErrors } from '../../../tools/browsers/catchErrors';
import { engines } from '../../../tools/browsers/engines';
import type { EnginePage } from '../../../tools/browsers/types';
import { waitFor } from '../../../tools/browsers/waitFor';
import { allSteps, REACHED } from '../story-page';
import { expected, graphicState, readFigures, recordStates, shot, texts } from './engine-story';

// A news site on another origin (localhost, not 127.0.0.1) embeds the story through pym.js, loaded
// from our origin. Only the data attributes are read: the embed's layout is about to change.
const FRAME = '#embed iframe';
const STEPS = ['reach', 'honours', 'network', 'hardship'];
let host: Server;
let hostURL: string;

beforeAll(async () => {
  const story = inject('baseURL');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="margin:0 auto;max-width:680px;font-family:sans-serif">
<h1>A host article</h1><p style="height:900px">Text before the embed.</p>
<div id="embed" data-pym-src="${story}/?mode=embed&amp;lang=en" data-pym-trackscroll="true"></div>
<p style="height:1500px">Text after the embed.</p>
<script src="${story}/embed/pym.v1.min.js"></script></body></html>`;
  host = createServer((req, res) => {
    if (req.url !== '/') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostURL = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => host?.close(ok));
});

/** In the host: the iframe's height. In the embed: its content's height, and how far it could scroll inside. */
const iframeHeight = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().height ?? 0;
const inner = () => ({
  content: Math.ceil(document.body.getBoundingClientRect().height),
  innerScroll: document.documentElement.scrollHeight - innerHeight,
  ready: document.documentElement.hasAttribute('data-ready'),
});

describe.each(engines)('an embed on another origin in $name', (engine) => {
  let page: EnginePage;
  beforeAll(async () => {
    page = await engine.launch();
  });
  afterAll(async () => {
    await page?.close();
  });

  /** Opens the host page (the embed starts below the fold) and waits for the embed to be live. */
  async function openHost() {
    await page.goto(hostURL);
    await waitFor('the embed to be ready', async () => (await page.evaluateInFrame(FRAME, inner)).ready, { timeout: 15_000 });
    await page.evaluateInFrame(FRAME, catchErrors);
    await page.evaluateInFrame(FRAME, recordStates);
  }

  /** Waits until the iframe is taller than pym's 300 px start, matches its content, and has nothing to scroll inside. */
  const sized = (timeout: number) =>
    waitFor(
      'the iframe to take its content height',
      async () => {
        const h = { iframe: await page.evaluate(iframeHeight, FRAME), ...(await page.evaluateInFrame(FRAME, inner)) };
        return h.iframe > 300 && Math.abs(h.iframe - h.content) <= 3 && h.innerScroll <= 2 && h;
      },
      { timeout },
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}: iframe ${await page.evaluate(iframeHeight, FRAME)}, inside ${JSON.stringify(await page.evaluateInFrame(FRAME, inner))}`);
    });

  // WebKit runs no animation frames in an iframe below the fold: the height must not wait for one.
  it('takes its content height while still below the fold', async () => {
    await openHost();
    expect((await sized(3000)).iframe).toBeGreaterThan(300);
    expect(await page.errors()).toEqual([]);
  });

  it('reveals its steps in order as the host page scrolls, sized to its content', async () => {
    await openHost();
    // The host puts the embed below the fold (what the test above relies on).
    expect(await page.evaluate((selector: string) => document.querySelector(selector)!.getBoundingClientRect().top > innerHeight, FRAME)).toBe(true);
    // Nothing down the story has played before the host scrolls there.
    expect(await page.evaluateInFrame(FRAME, graphicState, 'hardship')).not.toBe('done');

    for (const id of STEPS) {
      // Scroll the host so that the step's top is just past the trigger line on the host's screen.
      const top = await page.evaluateInFrame(FRAME, (id: string) => document.querySelector(`[data-step="${id}"]`)?.getBoundingClientRect().top ?? null, id);
      expect(top, `[data-step="${id}"] in the embed`).not.toBeNull();
      await page.evaluate(
        (selector: string, y: number, at: number) => {
          const frameTop = document.querySelector(selector)!.getBoundingClientRect().top + scrollY;
          window.scrollTo(0, frameTop + y - innerHeight * at);
        },
        FRAME,
        top!,
        REACHED,
      );
      await waitFor(`[data-graphic="${id}"][data-state="done"] in the embed`, async () => (await page.evaluateInFrame(FRAME, graphicState, id)) === 'done');
      expect(texts(await page.evaluateInFrame(FRAME, readFigures, id)), id).toEqual(expected(id, 'en'));
      // Once in view it takes its content height in every engine: no scrollbar inside.
      if (id === STEPS[0]) expect((await sized(3000)).iframe).toBeGreaterThan(300);
    }
    await page.screenshot(shot(engine.name, 'embed-en-hardship'));

    // Graphics first reached `done` in the story's order, ours among them.
    const order = await page.evaluateInFrame(FRAME, () => (window as unknown as { __doneOrder: string[] }).__doneOrder);
    const index = order.map((id) => allSteps.findIndex((s) => s.id === id));
    expect(index, order.join(' ')).toEqual([...index].sort((a, b) => a - b));
    expect(order.filter((id) => STEPS.includes(id))).toEqual(STEPS);

    expect(await page.errors()).toEqual([]);
    expect(await page.evaluateInFrame(FRAME, caughtErrors)).toEqual([]);
  });
});
