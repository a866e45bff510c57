// The benchmark's baseline: the classic scrollytelling page the story is compared against.
// A sticky <svg>, one step per figure, scrollama to say which step is in the middle of the screen,
// and the whole of d3 to draw it. Plain JS, no framework; deliberately ordinary.
import * as d3 from 'd3';
import scrollama from 'scrollama';
// The story's own data, read through Vite at build time (nothing copied by hand):
// the figures, their Chinese labels and headline words, and the story's number formatter.
import { figures } from '../../src/data/figures.ts';
import { figures as labels, intro } from '../../locales/zh/story.json';
import { formatFigure } from '../../src/data/format.ts';

const DURATION = 600;
const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
const SCALE_WORD = { 1: '', 1e4: '万', 1e8: '亿' };

const fmt = (fig, value) => formatFigure(fig, 'zh', value);
const label = (fig) => labels[fig.id] ?? fig.id;

// ---- page text ----
d3.select('header .kicker').text(intro.kicker);
d3.select('header h1').text(intro.title);
d3.select('header .dek').text(intro.dek);
d3.select('footer').text(intro.source);

// ---- steps: one per figure ----
const steps = d3
  .select('#scrolly article')
  .selectAll('.step')
  .data(figures)
  .join('div')
  .attr('class', 'step')
  .attr('data-id', (d) => d.id);

const box = steps.append('div').attr('class', 'box');
box.append('h2').text(label);
box
  .append('p')
  .attr('class', 'value')
  .text((d) => (d.before ? `${d.before.year}年 ${fmt({ ...d, value: d.before.value })} → ${fmt(d)}` : fmt(d)));
box.append('p').attr('class', 'quote').text((d) => d.quote);

// ---- the graphic ----
const svg = d3.select('#scrolly figure svg');
let current = null;

function transition(selection) {
  return reduceMotion ? selection : selection.transition().duration(DURATION).ease(d3.easeCubicOut);
}

function countUp(text, fig, value) {
  if (reduceMotion) {
    text.text(fmt(fig, value));
    return;
  }
  text
    .text(fmt(fig, 0))
    .transition()
    .duration(DURATION)
    .ease(d3.easeCubicOut)
    .tween('text', function () {
      const i = d3.interpolateNumber(0, value);
      return (t) => {
        this.textContent = fmt(fig, i(t));
      };
    });
}

function draw(fig) {
  current = fig;
  const { width, height } = svg.node().getBoundingClientRect();
  svg.attr('viewBox', `0 0 ${width} ${height}`);
  svg.selectAll('*').interrupt().remove();

  const margin = { top: 16, right: 24, bottom: 28, left: 16 };
  const innerWidth = width - margin.left - margin.right;
  const g = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);

  g.append('text').attr('class', 'label').attr('y', 14).text(label(fig));

  const values = fig.before
    ? [
        { key: `${fig.before.year}年`, value: fig.before.value, before: true },
        { key: '目前', value: fig.value, before: false },
      ]
    : [{ key: '', value: fig.value, before: false }];

  const max = fig.unit === 'percent' ? 100 : d3.max(values, (d) => d.value);
  const x = d3.scaleLinear().domain([0, max]).nice().range([0, innerWidth]);

  let barTop = 28;
  if (!fig.before) {
    // a single value: the number counting up above its bar
    const number = g.append('text').attr('class', 'number').attr('y', 60);
    countUp(number, fig, fig.value);
    barTop = 76;
  }

  const barsHeight = Math.max(40, height - margin.top - margin.bottom - barTop);
  const y = d3
    .scaleBand()
    .domain(values.map((d) => d.key))
    .range([barTop, barTop + Math.min(barsHeight, values.length * 64)])
    .padding(0.4);

  const bar = g
    .selectAll('.bar')
    .data(values)
    .join('rect')
    .attr('class', (d) => (d.before ? 'bar before' : 'bar'))
    .attr('x', 0)
    .attr('y', (d) => y(d.key))
    .attr('height', y.bandwidth())
    .attr('width', 0);
  transition(bar).attr('width', (d) => x(d.value));

  if (fig.before) {
    g.selectAll('.bar-key')
      .data(values)
      .join('text')
      .attr('class', 'label bar-key')
      .attr('x', 4)
      .attr('y', (d) => y(d.key) - 4)
      .text((d) => d.key);
    g.selectAll('.bar-value')
      .data(values)
      .join('text')
      .attr('class', 'bar-value')
      .attr('x', (d) => Math.min(x(d.value) + 6, innerWidth - 70))
      .attr('y', (d) => y(d.key) + y.bandwidth() / 2 + 5)
      .each(function (d) {
        countUp(d3.select(this), fig, d.value);
      });
  }

  const axisY = y.range()[1] + 4;
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${axisY})`)
    .call(
      d3
        .axisBottom(x)
        .ticks(4)
        .tickFormat((v) => (fig.unit === 'percent' ? `${v}%` : d3.format('~g')(v / fig.scale) + SCALE_WORD[fig.scale])),
    );
}

// ---- scrollama ----
const scroller = scrollama();
scroller
  .setup({ step: '#scrolly article .step', offset: 0.5 })
  .onStepEnter(({ element, index }) => {
    steps.classed('is-active', (d, i) => i === index);
    draw(d3.select(element).datum());
  });

window.addEventListener('resize', () => {
  scroller.resize();
  if (current) draw(current);
});
