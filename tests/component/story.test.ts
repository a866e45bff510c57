import { fireEvent, render, screen } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import LangSwitch from '../../src/controls/LangSwitch.svelte';
import { formatFigure } from '../../src/data/format';
import StepText from '../../src/story/StepText.svelte';
import { figures } from '../../src/data/figures';
import { themes } from '../../src/data/story';
import type { Step } from '../../src/data/types';
import type { Lang } from '../../src/lib/lang';
import Glance from '../../src/story/Glance.svelte';
import Harness from './Harness.svelte';
import { I18n } from '../../src/lib/i18n.svelte';
import { bundles, makeI18n } from '../support/i18n';

const step = (id: string): Step => themes.flatMap((t) => t.sections.flatMap((s) => s.steps)).find((s) => s.id === id)!;

describe('StepText', () => {
  it.each<[Lang, string[]]>([
    ['zh', ['1247名', '295个', '1390名', '641个']],
    ['en', ['1,247', '295', '1,390', '641']],
  ])('sets each figure in the %s text, in bold', (lang, values) => {
    const { container } = render(Harness, {
      props: { i18n: makeI18n(lang), component: StepText as Component, props: { step: step('honours') } },
    });
    expect([...container.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(values);
  });

  it('tells the before/after pair with both values', () => {
    const { container } = render(Harness, {
      props: { i18n: makeI18n('en'), component: StepText as Component, props: { step: step('hardship') } },
    });
    expect(container.querySelector('.step-text')?.textContent).toBe('The number of registered needy worker households fell from 7,666 in 2014 to 692.');
  });

  // Words reach the page as text: a translation carrying markup cannot inject it.
  it('renders markup in a translation as text, never as HTML', () => {
    const hostile = { ...bundles.en, steps: { ...bundles.en.steps, rules: '<img src=x onerror="alert(1)">{{rules}}' } };
    const { container } = render(Harness, {
      props: { i18n: new I18n('en', { en: hostile, zh: bundles.zh }), component: StepText as Component, props: { step: step('rules') } },
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.step-text')?.textContent).toBe('<img src=x onerror="alert(1)">217');
  });
  // The article's own words stand under the step, marked as Chinese for the English page's readers.
  it('quotes the source sentence verbatim, in Chinese', () => {
    const { container } = render(Harness, {
      props: { i18n: makeI18n('en'), component: StepText as Component, props: { step: step('honours') } },
    });
    const quote = container.querySelector('blockquote');
    expect(quote?.getAttribute('lang')).toBe('zh-CN');
    expect(quote?.textContent).toBe(figures.find((f) => f.id === 'modelWorkers')!.quote);
  });
});

describe('LangSwitch', () => {
  it('names the other language in that language and switches to it in place', async () => {
    const i18n = makeI18n('zh');
    const onSwitch = vi.fn((lang: Lang) => i18n.setLang(lang));
    render(Harness, { props: { i18n, component: LangSwitch as Component, props: { onSwitch } } });
    const link = screen.getByRole('link', { name: /切换语言.*English/ });
    expect(link.querySelector('[lang="en"]')).toHaveTextContent('English');
    await fireEvent.click(link);
    expect(onSwitch).toHaveBeenCalledWith('en');
    expect(await screen.findByRole('link', { name: /Switch language.*中文/ })).toHaveAttribute('aria-busy', 'false');
    expect(i18n.lang).toBe('en');
  });

  // Without JavaScript (or opening it in a new tab) the switch is a plain link to the other page.
  it.each<[Lang, string, boolean, string]>([
    ['zh', '', false, 'en/'],
    ['en', '../', false, '../'],
    ['en', '', false, './'], // the English story opened by ?lang=en on the Chinese page
    ['zh', '', true, '?lang=en'], // the single file: one page for both
  ])('links the %s page at root %j (offline: %s) to %s', (lang, root, offline, href) => {
    render(Harness, { props: { i18n: makeI18n(lang), component: LangSwitch as Component, props: { onSwitch: vi.fn() }, site: { root, offline, url: null } } });
    expect(screen.getByRole('link')).toHaveAttribute('href', href);
  });

  it('says so when the other language cannot load, and stays as it is', async () => {
    const i18n = makeI18n('en');
    render(Harness, { props: { i18n, component: LangSwitch as Component, props: { onSwitch: () => Promise.reject(new Error('offline')) } } });
    await fireEvent.click(screen.getByRole('link'));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be switched');
    expect(i18n.lang).toBe('en');
  });
});

describe('Glance', () => {
  it.each<Lang>(['zh', 'en'])('is a table with every figure at its value (%s)', (lang) => {
    render(Harness, { props: { i18n: makeI18n(lang), component: Glance as Component, props: {} } });
    const table = screen.getByRole('table');
    for (const f of figures) {
      const cell = table.querySelector(`[data-glance="${f.id}"]`);
      expect(cell?.textContent).toContain(formatFigure(f, lang));
      expect(cell?.querySelector('.value')?.textContent, 'a value that never breaks').toBe(formatFigure(f.before ? { ...f, value: f.before.value } : f, lang));
    }
    // The earlier year set as the language sets it: full-width brackets in Chinese.
    expect(table.querySelector('[data-glance="hardship"]')?.textContent).toMatch(lang === 'zh' ? /（2014年）→/ : / \(2014\) →/);
    expect(screen.getAllByRole('rowheader').length).toBeGreaterThanOrEqual(figures.length);
  });
});
