// Trends: Kuromoji keywords rising week over week, with sparklines; a keyword opens its papers in search.
import { chrome, el, fill, getJson, guarded, onPapersArrive, query, formatNumber } from './ui.js';
import { draw, categoryAxes, legend, axisTooltip, shortDate } from './charts.js';

chrome('trends.html');

const LINES_IN_CHART = 6;

function sparkline(counts) {
  const box = el('div', { class: 'spark', 'aria-hidden': 'true' });
  requestAnimationFrame(() => draw(box, {
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: counts.map((_, i) => i) },
    yAxis: { type: 'value', show: false, min: 0 },
    series: [{ type: 'line', data: counts, symbol: 'none', smooth: false, lineStyle: { width: 2 }, areaStyle: { opacity: 0.15 } }],
  }));
  return box;
}

function rise(value) {
  const text = value > 0 ? `+${value}` : String(value);
  return el('span', { class: value > 0 ? 'rise-up' : value < 0 ? 'rise-down' : null }, text);
}

async function load() {
  const trends = await getJson('/api/analytics/keywords/trending?weeks=8&top=20');
  document.getElementById('trend-weeks').textContent = trends.weeks.length
    ? `${shortDate(trends.weeks[0])}週 〜 ${shortDate(trends.weeks[trends.weeks.length - 1])}週` : '';
  draw(document.getElementById('trend-chart'), {
    ...categoryAxes(trends.weeks.map((w) => `${shortDate(w)}週`)),
    legend: legend(),
    tooltip: axisTooltip(),
    series: trends.items.slice(0, LINES_IN_CHART).map((t) => ({ name: t.term, type: 'line', data: t.counts, symbolSize: 6 })),
  });
  const body = document.querySelector('#trend-table tbody');
  fill(body, trends.items.length ? trends.items.map((t) => el('tr', { dataset: { term: t.term } },
    el('td', {}, el('a', { class: 'chip', href: `search.html${query({ q: t.term })}` }, t.term)),
    el('td', {}, sparkline(t.counts)),
    el('td', { class: 'num' }, formatNumber(t.thisWeek)),
    el('td', { class: 'num' }, formatNumber(t.lastWeek)),
    el('td', { class: 'num' }, rise(t.rise)),
    el('td', { class: 'num' }, formatNumber(t.papers))))
    : el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'まだキーワードがありません。')));
  document.getElementById('trend-table').dataset.count = String(trends.items.length);
  document.body.dataset.loaded = 'true';
}

guarded(load);
onPapersArrive(() => guarded(load));
