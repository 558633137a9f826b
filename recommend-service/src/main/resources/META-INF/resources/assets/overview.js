// Overview: papers per week by shape and source, reads per day, active readers, pipeline lag, newest papers.
import { chrome, el, fill, getJson, guarded, onPapersArrive, paperLine, keywordChips, formatNumber, formatDate,
  formatLabel, readingLabel, notice, errorNotice, ApiError } from './ui.js';
import { draw, categoryAxes, legend, axisTooltip, shortDate } from './charts.js';

chrome('index.html');

const basis = document.getElementById('basis');

function kpi(label, value, id) {
  return el('div', { class: 'kpi', id }, el('div', { class: 'value' }, formatNumber(value)), el('div', { class: 'label' }, label));
}

function stackedWeeks(container, weekly, series, name) {
  draw(container, {
    ...categoryAxes(weekly.weeks.map((w) => `${shortDate(w)}週`)),
    legend: legend(),
    tooltip: axisTooltip(),
    series: series.map((s) => ({ name: name(s.name), type: 'bar', stack: 'papers', data: s.counts, barMaxWidth: 36 })),
  });
}

/** Summaries counted in the last week the chart shows (the latest week with any). */
function latestWeek(weekly) {
  return weekly.byFormat.reduce((sum, series) => sum + (series.counts[series.counts.length - 1] || 0), 0);
}

async function loadWeekly() {
  const weekly = await getJson(`/api/analytics/papers/weekly?basis=${encodeURIComponent(basis.value)}`);
  stackedWeeks(document.getElementById('weekly-format'), weekly, weekly.byFormat, formatLabel);
  stackedWeeks(document.getElementById('weekly-source'), weekly, weekly.bySource, (n) => n);
  return weekly;
}

/** Reading activity of all readers is for admins; other roles see a note instead of the chart. */
async function loadReading() {
  let reading;
  try {
    reading = await getJson('/api/analytics/reading/daily');
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403)) throw error;
    fill(document.getElementById('reads-daily'), notice('読者全体の閲覧状況は管理者だけが見られます。'));
    document.getElementById('reads-note').textContent = '管理者のみ';
    return null;
  }
  draw(document.getElementById('reads-daily'), {
    ...categoryAxes(reading.days.map(shortDate)),
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    legend: legend(),
    tooltip: axisTooltip(),
    series: [
      ...reading.byType.map((s) => ({ name: readingLabel(s.name), type: 'bar', stack: 'events', data: s.counts })),
      { name: 'アクティブ読者（人）', type: 'line', yAxisIndex: 1, data: reading.activeReaders, showSymbol: false, color: '#263238' },
    ],
  });
  document.getElementById('reads-note').textContent = `直近 ${reading.days.length} 日`;
  return reading;
}

async function loadLag() {
  const report = await getJson('/api/analytics/pipeline/lag');
  const status = document.getElementById('lag-status');
  const items = report.items.filter((item) => item.topic);
  const idle = report.items.filter((item) => !item.topic).map((item) => item.group);
  fill(status,
    report.available ? null : notice(`Kafka から取得できませんでした: ${report.problem}`, 'error'),
    items.length && items.every((item) => item.lag === 0) ? el('p', { class: 'empty' }, 'すべてのイベントが処理されています。') : null,
    idle.length ? el('p', { class: 'empty' }, `まだ読んでいないグループ: ${idle.join(', ')}`) : null);
  const chart = document.getElementById('pipeline-lag');
  chart.style.height = `${Math.max(140, 60 + 56 * items.length)}px`;
  draw(chart, {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => `${i.group}\n${i.topic}`), axisLabel: { fontSize: 11 } },
    tooltip: axisTooltip(),
    series: [{ name: '待ちイベント', type: 'bar', data: items.map((i) => i.lag), barMaxWidth: 22,
      label: { show: true, position: 'right' } }],
  });
}

async function loadNewest() {
  const page = await getJson('/api/papers?size=8');
  const list = document.getElementById('newest');
  fill(list, page.items.length ? page.items.map((paper) => paperLine(paper,
    el('div', { class: 'meta' },
      el('span', {}, paper.kind),
      paper.sourceDate ? el('span', {}, formatDate(paper.sourceDate)) : null,
      (paper.presenters || []).length ? el('span', {}, `発表: ${paper.presenters.join(', ')}`) : null,
      el('span', {}, `取り込み ${formatDate(paper.firstSeenAt)}`)),
    keywordChips((paper.keywords || []).slice(0, 5))))
    : el('li', { class: 'empty' }, 'まだ論文がありません。'));
  list.dataset.count = String(page.items.length);
  return page.total;
}

async function load() {
  const [papers, weekly, reading] = await Promise.all([loadNewest(), loadWeekly(), loadReading()]);
  fill(document.getElementById('kpis'),
    kpi('論文', papers, 'kpi-papers'),
    kpi('最新の週の要約', latestWeek(weekly), 'kpi-latest-week'),
    kpi('アクティブ読者（7日）', reading?.activeReadersLast7Days, 'kpi-active-7'),
    kpi('アクティブ読者（30日）', reading?.activeReadersLast30Days, 'kpi-active-30'),
    kpi('読者', reading?.readers, 'kpi-readers'));
  await loadLag().catch((error) => fill(document.getElementById('lag-status'), errorNotice(error)));
  document.body.dataset.loaded = 'true';
}

basis.addEventListener('change', () => guarded(loadWeekly));
guarded(load);
onPapersArrive(() => guarded(load));
