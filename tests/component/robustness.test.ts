import { render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import StepGraphic from '../../src/story/StepGraphic.svelte';
import { themes } from '../../src/data/story';
import { I18n } from '../../src/lib/i18n.svelte';
import Harness from './Harness.svelte';
import { bundles } from '../support/i18n';

// A broken chart must not take the story down: its step shows the figures as a list instead.
vi.mock('../../src/charts/Chart.svelte', async () => ({ default: (await import('./Throws.svelte')).default }));

class Inert {
  observe() {}
  disconnect() {}
  unobserve() {}
}

describe('a chart that throws', () => {
  beforeAll(async () => {
    vi.stubGlobal('ResizeObserver', Inert);
    vi.stubGlobal('IntersectionObserver', Inert);
  });

  it('is contained: the step lists its figures and says why', () => {
    const step = themes[0].sections[2].steps[1]; // honours: four figures
    const i18n = new I18n('en', bundles);
    render(Harness, { props: { i18n, component: StepGraphic, props: { step, reveal: 'play', card: '' } } });
    expect(screen.getByText(/This chart could not be shown/)).toBeInTheDocument();
    for (const value of ['1,247', '295', '1,390', '641']) expect(screen.getByText(value)).toBeInTheDocument();
  });
});

describe('a missing translation', () => {
  it('fetches the Chinese words when English lacks a key, then says it in Chinese', async () => {
    const { ui, ...rest } = bundles.en;
    const { skip: _dropped, ...uiWithoutSkip } = ui;
    const i18n = new I18n('en', { en: { ...rest, ui: uiWithoutSkip } as typeof bundles.en });
    expect(i18n.t('ui.otherLang')).toBe('中文'); // present in English: no fetch needed
    expect(i18n.t('ui.skip')).toBe(''); // missing: a moment's blank while Chinese arrives…
    await vi.waitFor(() => expect(i18n.t('ui.skip')).toBe('跳到正文')); // …then the Chinese
  });

  it('falls back to Chinese, never to the bare key', () => {
    const { ui, ...rest } = bundles.en;
    const { skip: _dropped, ...uiWithoutSkip } = ui;
    const i18n = new I18n('en', { en: { ...rest, ui: uiWithoutSkip } as typeof bundles.en, zh: bundles.zh });
    expect(i18n.t('ui.skip')).toBe('跳到正文');
    expect(i18n.t('ui.otherLang')).toBe('中文');
  });
});

describe('the words', () => {
  /** Every key of a locale, as `a.b.c`. */
  const keysOf = (o: object, at = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${at}${k}`] : keysOf(v as object, `${at}${k}.`)));

  it('are i18next’s answer for every key in both languages, plain words read past its pipeline included', async () => {
    const { createInstance } = await import('i18next');
    for (const lang of ['zh', 'en'] as const) {
      const reference = createInstance();
      await reference.init({ lng: lang, fallbackLng: 'zh', resources: { zh: { translation: bundles.zh }, en: { translation: bundles.en } }, interpolation: { escapeValue: false } });
      const i18n = new I18n(lang, bundles);
      const keys = keysOf(bundles[lang]) as Parameters<typeof i18n.t>[0][];
      expect(keys.length).toBeGreaterThan(100);
      for (const key of keys) expect(i18n.t(key), key).toBe(reference.t(key));
      // With values, placeholders are filled by i18next's interpolator: every key with placeholders,
      // each filled, and one left unfilled.
      const withValues = keys.filter((key) => reference.t(key).includes('{{'));
      expect(withValues.length).toBeGreaterThan(40);
      for (const key of withValues) {
        const names = [...new Set([...(i18n.t(key, {}).matchAll(/\{\{\s*(\w+)/g) ?? [])].map((m) => m[1]))];
        const values = Object.fromEntries(names.map((name, i) => [name, `<${name}:${i}>`]));
        expect(i18n.t(key, values), key).toBe(reference.t(key, values));
        expect(i18n.t(key, Object.fromEntries(names.slice(1).map((n) => [n, 'x']))), key).toBe(reference.t(key, Object.fromEntries(names.slice(1).map((n) => [n, 'x']))));
      }
    }
  });
});
