import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/data/figures';
import { formatFigure } from '../../src/data/format';
import { themes } from '../../src/data/story';

type Tree = { [key: string]: string | Tree };
const load = (lang: string): Tree =>
  Object.assign(
    {},
    ...readdirSync(`locales/${lang}`)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(`locales/${lang}/${f}`, 'utf8'))),
  );
const flat = (o: Tree, pre = ''): [string, string][] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[pre + k, v] as [string, string]] : flat(v, `${pre}${k}.`)));

const zh = new Map(flat(load('zh')));
const en = new Map(flat(load('en')));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('have the same keys in zh and en', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('leave no text empty', () => {
    for (const [k, v] of [...zh, ...en]) expect(v.trim(), k).not.toBe('');
  });

  // Except where a language says less on purpose, with its reason.
  const SAYS_LESS: Record<string, string> = {
    'present.head': 'the English running head is the section alone: with the theme it wraps on a slide',
  };
  it('use the same placeholders in both languages', () => {
    for (const [k, v] of zh) if (!(k in SAYS_LESS)) expect(placeholders(en.get(k) ?? ''), k).toEqual(placeholders(v));
    expect(placeholders(en.get('present.head') ?? '')).toEqual(['section']);
  });

  it('name every theme, section and figure', () => {
    for (const t of themes) {
      for (const part of ['title', 'summary', 'meaning', 'lead']) expect(zh.has(`themes.${t.id}.${part}`)).toBe(true);
      for (const s of t.sections) expect(zh.has(`sections.${s.id}`), s.id).toBe(true);
    }
    for (const f of figures) expect(zh.has(`figures.${f.id}`), f.id).toBe(true);
  });

  // Each step tells its own figures, all of them, in both languages: no figure is left untold.
  it('tell every figure of each step in its text', () => {
    for (const t of themes)
      for (const s of t.sections)
        for (const step of s.steps) {
          const expected = step.figures.flatMap((id) => (figures.find((f) => f.id === id)?.before ? [id, `${id}Before`] : [id]));
          expect(placeholders(zh.get(`steps.${step.id}`) ?? ''), step.id).toEqual([...expected].sort());
        }
  });

  // Speaker notes fill in the same figures as their step; a slide without a note would leave the speaker blank.
  it("give every slide speaker notes, with its step's figures", () => {
    for (const id of ['title', 'end']) expect(zh.has(`notes.${id}`), id).toBe(true);
    for (const t of themes)
      for (const s of t.sections)
        for (const step of s.steps) {
          const allowed = step.figures.flatMap((id) => [id, `${id}Before`]);
          for (const words of [zh, en]) {
            const used = placeholders(words.get(`notes.${step.id}`) ?? '');
            expect(words.has(`notes.${step.id}`), step.id).toBe(true);
            for (const p of used) expect(allowed, `notes.${step.id}`).toContain(p);
          }
        }
  });

  // Nothing about a figure is written twice: the words name figures by placeholder, never by value.
  it("never write a figure's value literally", () => {
    for (const f of figures) {
      const written = [formatFigure(f, 'zh'), formatFigure(f, 'en')].filter((v) => v.length >= 4);
      for (const [k, v] of [...zh, ...en]) for (const w of written) expect(v.includes(w), `${k} writes ${w}`).toBe(false);
    }
  });

  // The glossary's pitfalls: person-times is Chinglish; 集体协商 is not "bargaining"; US spelling.
  it('follow the glossary in English', () => {
    const all = [...en.values()].join('\n');
    expect(all).not.toMatch(/person-times|collective bargaining|labour|centre|politicalness/i);
    expect(en.get('figures.pioneers')).toMatch(/Worker Pioneer/);
    expect(en.get('figures.laborAwards')).toMatch(/May Day Labor Award/);
    expect(en.get('figures.laborMedals')).toMatch(/May Day Labor Medal/);
    expect(en.get('figures.workersHomes')).toBe('Workers’ Homes');
  });

  it('carry no markup', () => {
    for (const [k, v] of [...zh, ...en]) expect(v, k).not.toMatch(/<[a-z/]/i);
  });
});
