import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CARD_FIGURES } from '../../src/cards/cardFigures';
import { cardAlt, cardText, phrases } from '../../src/cards/cardText';
import { formatFigure } from '../../src/data/format';
import { figure, themes } from '../../src/data/story';
import { cardInputs, inputHash } from '../../tools/cardInputs.mjs';

// The share cards (static/share-*.png) are drawn by `npm run cards` from the copy; these tests need
// no browser: they prove the PNGs were drawn from the copy as it is now, and are the size the
// og:image tags declare.

const REDRAW = 'run `npm run cards` and commit static/share-zh.png, static/share-en.png and static/share-cards.json';
const recorded = JSON.parse(readFileSync('static/share-cards.json', 'utf8'));

describe('share cards', () => {
  // The bug this guards: cards drawn by hand drifted from the copy (the English one lost the scope).
  it('were drawn from the current strings, figures and card design', () => {
    const inputs = cardInputs({ zh: cardText('zh'), en: cardText('en') });
    // The strings first, so that a failure shows which one changed.
    expect(inputs.drawn, `the cards' strings changed: ${REDRAW}`).toEqual(recorded.drawn);
    expect(inputs.sources, `the cards' design changed: ${REDRAW}`).toEqual(recorded.sources);
    expect(inputHash(inputs), REDRAW).toBe(recorded.sha256);
  });

  it.each(['zh', 'en'])('share-%s.png is a 1200x630 PNG, as og:image:width/height declare', (lang) => {
    const png = readFileSync(`static/share-${lang}.png`);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'PNG signature').toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  // Design: one figure per theme, each a figure that theme's steps tell (so its colour is its theme's).
  it('show one figure of each theme', () => {
    expect(CARD_FIGURES.map((c) => c.theme).sort()).toEqual(themes.map((t) => t.id).sort());
    for (const { theme, id } of CARD_FIGURES) {
      const told = themes.find((t) => t.id === theme)!.sections.flatMap((s) => s.steps.flatMap((st) => st.figures));
      expect(told, `${id} under ${theme}`).toContain(id);
    }
  });

  // meta.imageAlt (og:image:alt) must describe what the card shows: exactly its figures.
  it.each(['zh', 'en'] as const)('%s alt text names exactly the card’s figures', (lang) => {
    const words = JSON.parse(readFileSync(`locales/${lang}/story.json`, 'utf8'));
    const placeholders = [...(words.meta.imageAlt as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    expect(placeholders.sort()).toEqual(CARD_FIGURES.map((c) => c.id).sort());
    for (const { id } of CARD_FIGURES) expect(cardAlt(lang)).toContain(formatFigure(figure(id), lang));
  });
});

describe('Chinese line breaks on the cards', () => {
  it.each([
    // No lone character: a one-character word joins the word before it.
    ['推荐评选市级以上劳动模范和先进工作者', ['推荐', '评选', '市级以上', '劳动模范和', '先进工作者']],
    // Closing punctuation stays with its word, an opening mark with the word after it.
    ['坚定“四个自信”、做到', ['坚定', '“四个', '自信”、', '做到']],
  ])('cuts %s only between words', (text, expected) => {
    expect(phrases(text, 'zh')).toEqual(expected);
    expect(phrases(text, 'zh').join('')).toBe(text);
  });

  it('leaves English to the browser', () => {
    expect(phrases('model workers and advanced workers', 'en')).toEqual(['model workers and advanced workers']);
  });
});
