import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Chart from '../../src/charts/Chart.svelte';
import type { ChartProps } from '../../src/charts/types';
import { formatFigure } from '../../src/data/format';
import { stepFigures, themes } from '../../src/data/story';
import type { ChartForm, Step } from '../../src/data/types';
import type { Lang } from '../../src/lib/lang';
import Harness from './Harness.svelte';
import { makeI18n } from '../support/i18n';

const steps = themes.flatMap((t) => t.sections.flatMap((s) => s.steps)).filter((s) => s.figures.length > 0);
/** The first step drawn in each chart form. */
const byForm = new Map<ChartForm, Step>();
for (const s of steps) if (!byForm.has(stepFigures(s)[0].chart)) byForm.set(stepFigures(s)[0].chart, s);

function draw(step: Step, lang: Lang = 'zh') {
  const props: ChartProps = { figures: stepFigures(step) };
  return render(Harness, { props: { i18n: makeI18n(lang), component: Chart, props: { ...props } } });
}

describe('chart forms', () => {
  it('cover all seven forms', () => {
    expect([...byForm.keys()].sort()).toEqual(['bars', 'counter', 'ladder', 'ranking', 'slope', 'units', 'waffle']);
  });

  describe.each([...byForm.entries()])('%s', (form, step) => {
    it.each<Lang>(['zh', 'en'])('is written at its final values, for a page read before or without scripts (%s)', (lang) => {
      const { container } = draw(step, lang);
      for (const f of stepFigures(step)) {
        expect(container.querySelector(`[data-figure="${f.id}"]`)?.textContent).toBe(formatFigure(f, lang));
      }
    });

    it('sets every length in attributes, none in a style a strict Content-Security-Policy refuses', () => {
      const { container } = draw(step);
      expect([...container.querySelectorAll('[style]')].map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    });

    it('states its figures as a text alternative', () => {
      draw(step);
      const img = screen.getByRole('img');
      for (const f of stepFigures(step)) expect(img.getAttribute('aria-label')).toContain(formatFigure(f, 'zh'));
    });
  });

  it('grows bars in proportion to their counts', () => {
    const { container } = draw(byForm.get('bars')!);
    const widths = [...container.querySelectorAll('rect.fill')].map((r) => Number(r.getAttribute('width')));
    // 1247, 295, 1390, 641: the longest bar is the medals' 1390.
    expect(widths.indexOf(Math.max(...widths))).toBe(2);
    expect(widths[1] / widths[2]).toBeCloseTo(295 / 1390, 3);
  });

  it('fills a waffle square per percent, with the fraction of the last', () => {
    const step = steps.find((s) => s.id === 'consultation')!;
    const { container } = draw(step);
    // The first waffle's rows, each a mark of its own (revealed in turn).
    const rows = [...container.querySelector('svg')!.querySelectorAll('path.mark')];
    expect(rows).toHaveLength(10);
    const squares = rows.flatMap((row) => row.getAttribute('d')!.split('M').slice(1).map((sq) => Number(/h([\d.]+)/.exec(sq)![1])));
    expect(container.querySelector('svg path.slot')!.getAttribute('d')!.split('M')).toHaveLength(101);
    expect(squares).toHaveLength(91); // 90 whole squares and 0.4 of one more: 90.4 %
    expect(squares[90] / squares[0]).toBeCloseTo(0.4, 2);
  });

  it('draws one unit square per block of units, and names the block with its classifier', () => {
    const { container } = draw(steps.find((s) => s.id === 'ankang')!);
    const squares = [...container.querySelectorAll('path.mark')].flatMap((row) => row.getAttribute('d')!.split('M').slice(1));
    expect(squares).toHaveLength(30); // 3万 firms, a square per 1000
    expect(container.textContent).toContain('每格代表1000家');
  });

  it('draws the slope from the 2014 value down to the later one', () => {
    const { container } = draw(byForm.get('slope')!);
    const line = container.querySelector('line.line')!;
    expect(Number(line.getAttribute('y2'))).toBeGreaterThan(Number(line.getAttribute('y1')));
    expect(container.querySelector('[data-figure-before="hardship"]')?.textContent).toBe('7666户');
    expect(container.textContent).toContain('2014年');
    // Both ends set alike: the number large, its unit smaller.
    const units = [...container.querySelectorAll('[data-figure-before="hardship"] small, [data-figure="hardship"] small')];
    expect(units.map((u) => u.textContent)).toEqual(['户', '户']);
  });

  // Money of one kind on one scale: the unions' payouts and spending, each amount named on its row.
  it('sets a payout on the ladder of the money the unions paid out or put in, every row named and valued', () => {
    const { container } = draw(byForm.get('ladder')!, 'en');
    const rows = [...container.querySelectorAll('li')];
    expect(rows).toHaveLength(3);
    expect(container.textContent).not.toContain('770 million'); // money at stake in cases is another kind
    for (const row of rows) expect(row.querySelector('.label')?.textContent).not.toBe('');
    expect(container.querySelectorAll('li.on')).toHaveLength(1);
    const width = (r: Element) => Number(r.querySelector('rect.bar')!.getAttribute('width'));
    // 1.8 billion against 36.29 million: lengths in ratio.
    expect(width(rows[2]) / width(rows[0])).toBeCloseTo(36_290_000 / 1_800_000_000, 3);
  });

  it('notes person-times as a cumulative count', () => {
    const step = steps.find((s) => s.id === 'reach')!;
    draw(step, 'en');
    expect(screen.getByText(/one worker may be counted more than once/)).toBeInTheDocument();
  });

  it('ranks the service network longest first, each kind named and valued on its row', () => {
    const { container } = draw(byForm.get('ranking')!, 'en');
    const order = [...container.querySelectorAll('[data-figure]')].map((el) => el.getAttribute('data-figure'));
    expect(order).toEqual(['workersHomes', 'warmStations', 'babyRooms', 'serviceStations', 'childcare']);
    const widths = [...container.querySelectorAll('rect.fill')].map((r) => Number(r.getAttribute('width')));
    expect(widths).toEqual([...widths].sort((a, b) => b - a));
  });
});
