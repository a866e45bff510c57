// @ts-check
// `npm run cards`: draws the share cards static/share-zh.png and static/share-en.png (1200x630,
// og:image / twitter:image) from the same locale strings and figures as the page: it bundles
// src/cards/ShareCard.svelte with Vite's SSR build, renders it with Svelte's server renderer and
// screenshots it in the system Chromium. It refuses to write a card whose text overflows or leaves a
// lone character (or, in English, a lone word) on a line. It records what it drew and its hash in
// static/share-cards.json, which tests/unit/cards.test.ts checks against the current copy.
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { launch } from './browsers/chromium.js';
import { cardInputs, inputHash } from './cardInputs.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SIZE = { width: 1200, height: 630 };
const LANGS = /** @type {const} */ (['zh', 'en']);

/**
 * Runs in the page: what a reader would see as broken. Every box inside the card; no text cut by its
 * panel; no line of a checked text holding one character (Chinese) or one word (English).
 * @param {{ width: number; height: number }} size
 */
function layoutProblems(size) {
  /** @type {string[]} */
  const problems = [];
  const card = /** @type {HTMLElement} */ (document.querySelector('.card'));
  const name = (/** @type {Element} */ el) => `${el.tagName.toLowerCase()}.${el.className.split(' ')[0]} “${(el.textContent ?? '').slice(0, 24)}”`;
  const box = card.getBoundingClientRect();
  if (box.width !== size.width || box.height !== size.height) problems.push(`card is ${box.width}x${box.height}`);
  for (const el of card.querySelectorAll('header, li')) {
    const e = /** @type {HTMLElement} */ (el);
    if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) problems.push(`${name(el)} overflows its box`);
  }
  for (const el of card.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.left < 0 || r.top < 0 || r.right > size.width + 0.5 || r.bottom > size.height + 0.5) problems.push(`${name(el)} is outside the card`);
  }
  const zh = card.dataset.lang === 'zh';
  for (const el of card.querySelectorAll('[data-line-check]')) {
    // Each character's line, by its box's vertical centre.
    /** @type {Map<number, string>} */
    const lines = new Map();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (!r) continue;
        const line = Math.round((r.top + r.bottom) / 2 / 4);
        lines.set(line, (lines.get(line) ?? '') + text[i]);
      }
    }
    if (lines.size < 2) continue;
    for (const line of lines.values()) {
      const lone = zh ? (line.match(/\p{Script=Han}/gu) ?? []).length === 1 : line.trim().split(/\s+/).length === 1;
      if (lone) problems.push(`${name(el)} has a line with a lone ${zh ? 'character' : 'word'}: “${line.trim()}”`);
    }
  }
  return problems;
}

const dir = resolve(ROOT, 'node_modules/.cards', randomUUID()); // inside the project, so its imports resolve
try {
  await build({
    root: ROOT,
    logLevel: 'warn',
    build: {
      ssr: 'src/cards/entry.ts',
      outDir: dir,
      emptyOutDir: true,
      copyPublicDir: false,
      // The cards import every locale file whole; the page's lazy imports of them do not matter here.
      rollupOptions: { onwarn: (w, warn) => w.code === 'INEFFECTIVE_DYNAMIC_IMPORT' || warn(w) },
    },
  });
  const entry = await import(pathToFileURL(resolve(dir, 'entry.js')).href);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    /** @type {Record<string, unknown>} */
    const drawn = {};
    for (const lang of LANGS) {
      const { head, body } = entry.renderCard(lang);
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
      await page.evaluate(() => document.fonts.ready);
      const problems = await page.evaluate(layoutProblems, SIZE);
      if (problems.length > 0) {
        const look = resolve(ROOT, `test-results/share-${lang}-rejected.png`); // to see what went wrong
        await page.screenshot({ path: look, clip: { x: 0, y: 0, ...SIZE } });
        throw new Error(`The ${lang} card is not fit to publish (see ${look}):\n  ${problems.join('\n  ')}`);
      }
      const file = resolve(ROOT, `static/share-${lang}.png`);
      await page.screenshot({ path: file, clip: { x: 0, y: 0, ...SIZE } });
      drawn[lang] = entry.cardText(lang);
      console.log(`wrote ${file}`);
    }
    const inputs = cardInputs(drawn);
    writeFileSync(resolve(ROOT, 'static/share-cards.json'), `${JSON.stringify({ sha256: inputHash(inputs), ...inputs }, null, 2)}\n`);
    console.log('wrote static/share-cards.json');
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
